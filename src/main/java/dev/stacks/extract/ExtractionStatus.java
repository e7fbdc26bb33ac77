package dev.stacks.extract;

/**
 * How an extraction ended. Only {@link #TEXT} carries text; {@link #NO_TEXT} is a fact about the
 * file (a scan without OCR, an image), not an error: the original is still archived and findable.
 * The REJECTED_* values say why a file could not be read at all.
 */
public enum ExtractionStatus {
    TEXT,
    NO_TEXT,
    REJECTED_EMPTY,
    REJECTED_UNSUPPORTED,
    REJECTED_ENCRYPTED,
    REJECTED_CORRUPT,
    REJECTED_TOO_LARGE,
    REJECTED_TIMEOUT,
    REJECTED_BOMB;

    public boolean rejected() {
        return name().startsWith("REJECTED");
    }
}
