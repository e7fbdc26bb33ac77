package dev.stacks.search;

import java.util.List;

/** Highlighted passages of one field of one document, and the match offsets inside them. */
record Snippet(List<String> passages, List<Match> matches) {
    static final Snippet EMPTY = new Snippet(List.of(), List.of());
}
