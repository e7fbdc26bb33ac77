package dev.stacks.search;

import dev.stacks.enrich.Actor;
import dev.stacks.enrich.Place;
import dev.stacks.enrich.Quote;

import java.util.List;

/**
 * One document as the reader sees it: full text, what enrichment found (with mention offsets),
 * the date with its source, and, when a query is given, every match's offsets in the text.
 */
public record DocumentView(
        String id,
        String title,
        String date,
        String dateSource,
        String text,
        List<Actor> actors,
        List<Place> locations,
        List<Quote> quotes,
        SourceRef source,
        long size,
        boolean truncated,
        String parentId,
        List<Match> matches) {
}
