package dev.stacks.extract;

import java.nio.file.Path;

/**
 * Extracts one file whose type may already have been detected, so that a file handed from one
 * process to another is detected once: {@link TikaExtractor} and {@link ForkedExtractor} both offer it.
 */
@FunctionalInterface
interface TypedExtractor {
    /** @param contentType the detected type, or null to detect it */
    Extraction extract(Path file, String fileName, String contentType);
}
