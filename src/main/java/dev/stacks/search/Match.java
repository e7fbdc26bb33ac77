package dev.stacks.search;

/** Where a query matched: character offsets [start, end) into the stored text. */
public record Match(int start, int end) {
}
