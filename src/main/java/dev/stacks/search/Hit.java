package dev.stacks.search;

import java.util.List;

/**
 * One search result. {@code snippets} are HTML: everything escaped except the {@code <mark>} tags
 * around matches; {@code matches} are the offsets of those marks in the stored body.
 * {@code date} is ISO at its precision, or null; {@code score} is null when sorted by date.
 */
public record Hit(
        String id,
        String title,
        String date,
        List<String> snippets,
        List<Match> matches,
        List<ActorRef> actors,
        List<LocationRef> locations,
        SourceRef source,
        Float score) {
}
