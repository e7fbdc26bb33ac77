package dev.stacks.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The folders every command works on; scripts rely on these option names. */
public final class ArchiveOptions {
    @Option(names = "--corpus", paramLabel = "DIR", defaultValue = "corpus",
            description = "Folder of originals, the archive's source of truth (default: ${DEFAULT-VALUE}).")
    Path corpus;

    @Option(names = "--index", paramLabel = "DIR", defaultValue = "index",
            description = "Folder of the Lucene index, rebuilt from the corpus by 'reindex' (default: ${DEFAULT-VALUE}).")
    Path index;
}
