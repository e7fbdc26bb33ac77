package dev.stacks.extract;

import java.nio.file.Path;

/**
 * Turns an original file into an {@link Extraction}. Implementations never throw for a bad file:
 * every failure comes back as a status with a reason, so one bad file never stops a batch.
 * An in-process extractor and a forked-process one (hard time limit) share this contract.
 */
public interface Extractor extends AutoCloseable {

    /**
     * @param file     the bytes to read
     * @param fileName the name the librarian gave the file, a hint for type detection only
     */
    Extraction extract(Path file, String fileName);

    @Override
    default void close() {
    }
}
