package dev.stacks.enrich;

/**
 * Where an article's text came from: the original's display name (as the librarian named the
 * file), its detected content type, the short format name used by the facet, and its bytes' hash.
 */
public record Source(String name, String contentType, String format, String sha256, long size) {
}
