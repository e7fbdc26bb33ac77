package dev.stacks.extract;

import java.time.Duration;

/**
 * Bounds on one extraction. Every limit is explicit because Tika's defaults are silent
 * (a BodyContentHandler stops at 100,000 characters without saying so).
 *
 * @param maxChars       characters of text kept; beyond it the extraction is marked truncated
 * @param maxFileBytes   larger files are rejected before parsing
 * @param timeout        wall time for one file
 * @param maxEmbedded    embedded documents (attachments, archive entries) followed per file
 * @param maxEmbeddedDepth how deep embedded documents are followed
 */
public record ExtractionLimits(int maxChars, long maxFileBytes, Duration timeout, int maxEmbedded, int maxEmbeddedDepth) {

    public static ExtractionLimits defaults() {
        return new ExtractionLimits(5_000_000, 200L * 1024 * 1024, Duration.ofSeconds(60), 100, 3);
    }
}
