package dev.stacks.ingest;

/** Hears about progress (for the terminal's progress bar). Called from worker threads. */
public interface IngestListener {
    IngestListener NONE = new IngestListener() {
    };

    default void started(int totalFiles) {
    }

    default void finished(FileResult result) {
    }
}
