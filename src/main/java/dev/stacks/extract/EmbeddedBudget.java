package dev.stacks.extract;

/**
 * What one file may still spend on embedded documents, shared by every level of nesting: a count of
 * documents, a number of decoded bytes, and the characters of text kept for the file and its
 * attachments together (so that a message with a hundred long attachments holds no more text in
 * memory than one long document). One budget per top-level file, so that a message whose attachments
 * carry attachments cannot multiply the limits by its depth. Not thread-safe: one parse uses it at a time.
 */
final class EmbeddedBudget {
    private final ExtractionLimits limits;
    private int documents;
    private long bytes;
    private int charsLeft;
    private boolean skipped;
    private boolean exceeded;

    EmbeddedBudget(ExtractionLimits limits) {
        this.limits = limits;
        this.charsLeft = limits.maxChars();
    }

    /** The most characters the next document (the file, or one of its attachments) may keep; at least 1. */
    int chars() {
        return Math.max(1, charsLeft);
    }

    /** Counts the characters a document kept. */
    void spendChars(int n) {
        charsLeft -= n;
    }

    /**
     * Takes one embedded document at {@code depth} (1 for the file's own) if the limits allow it;
     * a refusal is remembered so that the extraction can say it is incomplete.
     */
    boolean admit(int depth) {
        if (exceeded || depth > limits.maxEmbeddedDepth() || documents >= limits.maxEmbedded()) {
            skipped = true;
            return false;
        }
        documents++;
        return true;
    }

    /** Counts decoded bytes; false once the file's embedded documents expand beyond the limit. */
    boolean spend(long n) {
        bytes += n;
        if (bytes > limits.maxExpandedBytes()) {
            exceeded = true;
        }
        return !exceeded;
    }

    /** Some embedded document was left out because of the count or depth limit. */
    boolean skipped() {
        return skipped;
    }

    /** The embedded documents expanded beyond {@link ExtractionLimits#maxExpandedBytes()}: a suspected bomb. */
    boolean exceeded() {
        return exceeded;
    }

    String exceededReason() {
        return "suspected bomb: embedded documents expand to more than " + limits.maxExpandedBytes()
                + " bytes (the limit); the file was not indexed";
    }
}
