package dev.stacks.enrich;

import dev.stacks.extract.Extraction;
import java.util.List;

/**
 * The default {@link Enricher}: licence-clean rules over capitalised phrases, cue words and
 * gazetteers, with no statistical model. One instance holds the lexicons (about 50 MB of heap,
 * loaded once by {@link #load()}) and is safe to share between ingest threads: every call works
 * on its own {@link Tokens} and keeps no state.
 *
 * <p>The pipeline for one text: {@link DatelineFinder} and {@link DateFinder} for the date,
 * {@link TitleFinder} when the format had no title, {@link Segmenter} to cut capitalised runs into
 * places, demonyms, organisations, titles and names, {@link ActorFinder} for people and
 * organisations with in-document coreference, {@link PlaceFinder} for gazetteer paths, and
 * {@link QuoteFinder} for quotations and their speakers. All offsets are char offsets into
 * {@code extraction.text()}, which is also the article body.
 */
public final class RuleBasedEnricher implements Enricher {

    private final Segmenter segmenter;
    private final ActorFinder actorFinder;
    private final PlaceFinder placeFinder;
    private final QuoteFinder quoteFinder;

    private RuleBasedEnricher(Gazetteer gazetteer, NameLexicon lexicon, OrgDirectory orgs) {
        this.segmenter = new Segmenter(gazetteer, lexicon, orgs);
        this.actorFinder = new ActorFinder(lexicon, gazetteer::hasMajorReading);
        this.placeFinder = new PlaceFinder(gazetteer, lexicon);
        this.quoteFinder = new QuoteFinder(lexicon);
    }

    /** Reads the lexicons from the classpath (about two seconds); keep and share the instance. */
    public static RuleBasedEnricher load() {
        return new RuleBasedEnricher(Gazetteer.load(), NameLexicon.load(), OrgDirectory.load());
    }

    @Override
    public Article enrich(String id, Extraction extraction, Source source) {
        String text = extraction.text() == null ? "" : extraction.text();
        DatelineFinder.Dateline dateline = DatelineFinder.find(text);
        PublicationDate date = DateFinder.find(extraction, text, dateline);
        String title = TitleFinder.find(extraction.title(), text);
        if (text.isBlank()) {
            return new Article(id, title, text, date, List.of(), List.of(), List.of(), source, extraction.truncated(), null);
        }
        Tokens tokens = Tokens.of(text);
        List<Segmenter.Segment> segments = segmenter.segment(tokens);
        ActorFinder.Result actors = actorFinder.find(tokens, segments);
        List<Place> places = placeFinder.find(tokens, segments, actors.claimed(), dateline);
        List<Quote> quotes = quoteFinder.find(tokens, actors);
        return new Article(id, title, text, date, actors.actors(), places, quotes, source, extraction.truncated(), null);
    }
}
