package dev.stacks.cli;

import dev.stacks.app.Archive;
import dev.stacks.ingest.IngestReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

@Command(name = "reindex", mixinStandardHelpOptions = true,
        description = "Rebuilds the index from the corpus alone (every original not deleted is extracted and indexed again).")
final class ReindexCommand implements Callable<Integer> {
    @Mixin
    ArchiveOptions archive;

    @Override
    public Integer call() throws Exception {
        IngestReport result;
        try (Archive a = Archive.open(archive.corpus, archive.index)) {
            result = a.ingestor().reindex(new Progress(System.err));
        }
        IngestCommand.printSummary(result);
        return 0;
    }
}
