package dev.stacks.enrich;

/** A half-open range of character offsets [start, end) into an article's body text. */
public record Span(int start, int end) {
    public Span {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
        }
    }
}
