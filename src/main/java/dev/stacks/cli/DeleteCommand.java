package dev.stacks.cli;

import dev.stacks.app.Archive;
import dev.stacks.corpus.OriginalRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

@Command(name = "delete", mixinStandardHelpOptions = true,
        description = "Removes a document from search. Its original stays in the corpus unless --purge.")
final class DeleteCommand implements Callable<Integer> {
    @Mixin
    ArchiveOptions archive;

    @Parameters(paramLabel = "ID", description = "The document id (16 hexadecimal digits).")
    String id;

    @Option(names = "--purge", description = "Also delete the original and its provenance record, for good.")
    boolean purge;

    @Override
    public Integer call() throws Exception {
        try (Archive a = Archive.open(archive.corpus, archive.index)) {
            OriginalRecord record = a.corpus().findById(id).orElse(null);
            if (record == null) {
                System.err.println("error: no document with id " + id);
                return 1;
            }
            a.index().delete(id);
            a.index().commit();
            if (purge) {
                a.corpus().purge(record.sha256());
                System.out.println("deleted and purged " + id);
            } else {
                a.corpus().update(record.withDeleted(true));
                System.out.println("deleted " + id + " from search; the original stays in the corpus (use --purge to remove it)");
            }
        }
        return 0;
    }
}
