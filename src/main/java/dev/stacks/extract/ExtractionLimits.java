package dev.stacks.extract;

import java.time.Duration;

/**
 * Bounds on one extraction. Every limit is explicit because Tika's defaults are silent
 * (a BodyContentHandler stops at 100,000 characters without saying so).
 *
 * @param maxChars         characters of text kept for a file, its attachments included; beyond it the
 *                         extraction is marked truncated
 * @param maxFileBytes     larger files are rejected before parsing
 * @param timeout          wall time for one file, attachments included; only {@link ForkedExtractor}
 *                         can enforce it on the parse itself (the in-process extractor bounds OCR only)
 * @param maxEmbedded      embedded documents (attachments, objects in office files) followed per file,
 *                         at every depth together; the rest are skipped and the extraction is marked truncated
 * @param maxEmbeddedDepth how deep embedded documents are followed (1: a message's attachments, not theirs)
 * @param maxExpandedBytes bytes of all embedded documents of one file together, once decoded; beyond
 *                         it the file is rejected as a suspected bomb
 */
public record ExtractionLimits(int maxChars, long maxFileBytes, Duration timeout, int maxEmbedded, int maxEmbeddedDepth,
                               long maxExpandedBytes) {

    public ExtractionLimits {
        if (maxChars < 1 || maxFileBytes < 1 || maxEmbedded < 0 || maxEmbeddedDepth < 0 || maxExpandedBytes < 0) {
            throw new IllegalArgumentException("extraction limits must be positive: " + maxChars + " chars, " + maxFileBytes
                    + " file bytes, " + maxEmbedded + " embedded, depth " + maxEmbeddedDepth + ", " + maxExpandedBytes + " expanded bytes");
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the extraction timeout must be positive, not " + timeout);
        }
    }

    /** The limits without an expanded-bytes bound of their own: as many bytes as the largest file allowed. */
    public ExtractionLimits(int maxChars, long maxFileBytes, Duration timeout, int maxEmbedded, int maxEmbeddedDepth) {
        this(maxChars, maxFileBytes, timeout, maxEmbedded, maxEmbeddedDepth, maxFileBytes);
    }

    /**
     * 5 M characters (a long book), 200 MiB files, 60 s, 100 embedded documents 3 deep, and 256 MiB of
     * embedded bytes: more than any real mailbox export needs, far below what a decompression bomb makes.
     */
    public static ExtractionLimits defaults() {
        return new ExtractionLimits(5_000_000, 200L * 1024 * 1024, Duration.ofSeconds(60), 100, 3, 256L * 1024 * 1024);
    }
}
