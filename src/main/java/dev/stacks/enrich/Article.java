package dev.stacks.enrich;

import java.util.List;

/**
 * An enriched article, ready to be indexed: the text and everything found in it.
 * {@code date} is null when no source gave one (the "no date" facet bucket).
 * {@code parentId} links an e-mail attachment to its message; null otherwise.
 */
public record Article(
        String id,
        String title,
        String body,
        PublicationDate date,
        List<Actor> actors,
        List<Place> locations,
        List<Quote> quotes,
        Source source,
        boolean truncated,
        String parentId) {

    public Article {
        actors = List.copyOf(actors);
        locations = List.copyOf(locations);
        quotes = List.copyOf(quotes);
    }
}
