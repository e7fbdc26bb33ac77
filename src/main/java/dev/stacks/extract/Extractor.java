package dev.stacks.extract;

import java.nio.file.Path;

/**
 * Turns an original file into an {@link Extraction}. Implementations never throw for a bad file:
 * every failure comes back as a status with a reason, so one bad file never stops a batch (they
 * may throw when the extractor itself cannot work, e.g. no worker process can start). Thread-safe.
 *
 * <p>{@link TikaExtractor} parses in this process; {@link ForkedExtractor} parses in child JVMs and
 * enforces the time limit by killing them; {@link RoutingExtractor}, the archive's, sends plain text
 * to the first and everything else to the second.
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
