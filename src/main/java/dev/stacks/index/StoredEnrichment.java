package dev.stacks.index;

import dev.stacks.enrich.Actor;
import dev.stacks.enrich.Place;
import dev.stacks.enrich.Quote;

import java.util.List;

/** What enrichment found, as stored (JSON) with each article for display. */
public record StoredEnrichment(List<Actor> actors, List<Place> locations, List<Quote> quotes) {
    public StoredEnrichment {
        actors = actors == null ? List.of() : List.copyOf(actors);
        locations = locations == null ? List.of() : List.copyOf(locations);
        quotes = quotes == null ? List.of() : List.copyOf(quotes);
    }
}
