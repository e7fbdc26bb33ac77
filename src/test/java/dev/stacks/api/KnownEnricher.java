package dev.stacks.api;

import dev.stacks.testing.GoldSamples;
import dev.stacks.testing.GoldSamples.Gold;
import dev.stacks.enrich.Actor;
import dev.stacks.enrich.ActorType;
import dev.stacks.enrich.Article;
import dev.stacks.enrich.Enricher;
import dev.stacks.enrich.Place;
import dev.stacks.enrich.PublicationDate;
import dev.stacks.enrich.Quote;
import dev.stacks.enrich.Source;
import dev.stacks.enrich.Span;
import dev.stacks.extract.Extraction;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An enricher that knows the answers, so API tests can assert exact actors, places, dates and
 * quotes whatever state the real enricher is in: for the sample articles it takes them from the
 * gold file ({@code src/test/resources/gold/samples.jsonl}). A quote's text is the gold's opening
 * words, found verbatim in the extracted text. Other files get a date from a first line
 * {@code Date: YYYY-MM-DD} and nothing else.
 */
final class KnownEnricher implements Enricher {
    private final Map<String, Gold> gold = GoldSamples.read();


    @Override
    public Article enrich(String id, Extraction extraction, Source source) {
        String text = extraction.text() == null ? "" : extraction.text();
        Gold g = gold.get(source.name());
        if (g == null) {
            PublicationDate date = text.startsWith("Date: ") && text.length() >= 16
                    ? PublicationDate.parseIso(text.substring(6, 16), "test:date-line") : null;
            return new Article(id, extraction.title(), text, date, List.of(), List.of(), List.of(), source, extraction.truncated(), null);
        }
        List<Actor> actors = new ArrayList<>();
        g.people().forEach(p -> actors.add(new Actor(p, ActorType.PERSON, mentions(text, p))));
        g.organisations().forEach(o -> actors.add(new Actor(o, ActorType.ORGANISATION, mentions(text, o))));
        List<Place> places = new ArrayList<>();
        for (String path : g.locations()) {
            List<String> parts = List.of(path.split("/"));
            String name = parts.get(parts.size() - 1);
            places.add(new Place(name, parts, mentions(text, name)));
        }
        List<Quote> quotes = new ArrayList<>();
        for (String[] q : g.quotes()) {
            int at = text.indexOf(q[0]);
            if (at >= 0) {
                quotes.add(new Quote(q[0], q[1], at, at + q[0].length()));
            }
        }
        return new Article(id, extraction.title(), text, PublicationDate.parseIso(g.date(), "test:gold"), actors, places, quotes,
                source, extraction.truncated(), null);
    }

    private static List<Span> mentions(String text, String name) {
        List<Span> spans = new ArrayList<>();
        for (int at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length())) {
            spans.add(new Span(at, at + name.length()));
        }
        return spans;
    }
}
