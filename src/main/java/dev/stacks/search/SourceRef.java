package dev.stacks.search;

/** The original behind a hit. */
public record SourceRef(String name, String contentType, String sha256, String format) {
}
