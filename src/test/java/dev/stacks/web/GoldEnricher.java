package dev.stacks.web;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A test enricher that knows the answers, so the page's facets, timeline and quotes have data
 * whatever state the real (rule-based) enricher is in. For the sample articles it takes dates,
 * people, organisations, places and quote speakers from the gold file beside the samples and
 * finds their offsets in the extracted text with regexes. Every article with a place also gets
 * a "desk" organisation for its continent, so one actor spans several documents. Other files get
 * their date from a {@code Date: YYYY-MM-DD} line or the {@code dc:date} metadata, and a title
 * from their first line.
 */
final class GoldEnricher implements Enricher {
    private static final Pattern DATE_LINE = Pattern.compile("(?m)^\\s*Date:\\s*(\\d{4}-\\d{2}-\\d{2})");
    private static final Map<String, String> DESKS = Map.ofEntries(
            Map.entry("Mexico", "Americas Desk"), Map.entry("Colombia", "Americas Desk"), Map.entry("Canada", "Americas Desk"),
            Map.entry("Argentina", "Americas Desk"), Map.entry("Chile", "Americas Desk"), Map.entry("Brazil", "Americas Desk"),
            Map.entry("United States", "Americas Desk"), Map.entry("Norway", "Europe Desk"), Map.entry("Germany", "Europe Desk"),
            Map.entry("Spain", "Europe Desk"), Map.entry("Portugal", "Europe Desk"), Map.entry("United Kingdom", "Europe Desk"),
            Map.entry("France", "Europe Desk"), Map.entry("India", "Asia-Pacific Desk"), Map.entry("Japan", "Asia-Pacific Desk"),
            Map.entry("Australia", "Asia-Pacific Desk"), Map.entry("Kenya", "Africa Desk"));

    private final Map<String, Gold> gold;

    GoldEnricher() {
        this.gold = GoldSamples.read();
    }


    @Override
    public Article enrich(String id, Extraction extraction, Source source) {
        String text = extraction.text() == null ? "" : extraction.text();
        Gold g = gold.get(source.name());
        String title = extraction.title();
        if (title == null || title.isBlank()) {
            title = firstLine(text);
        }
        if (g == null && text.contains(XSS_MARKER)) {
            return hostile(id, title, text, dateOf(extraction, text), source, extraction.truncated());
        }
        if (g == null) {
            return new Article(id, title, text, dateOf(extraction, text), List.of(), List.of(), List.of(), source,
                    extraction.truncated(), null);
        }
        List<Actor> actors = new ArrayList<>();
        g.people().forEach(p -> actors.add(new Actor(p, ActorType.PERSON, mentions(text, p, true))));
        g.organisations().forEach(o -> actors.add(new Actor(o, ActorType.ORGANISATION, mentions(text, o, false))));
        Map<String, Place> places = new LinkedHashMap<>();
        for (String path : g.locations()) {
            List<String> parts = List.of(path.split("/"));
            String name = parts.get(parts.size() - 1);
            places.putIfAbsent(path, new Place(name, parts, mentions(text, name, false)));
        }
        if (!g.locations().isEmpty()) {
            String desk = DESKS.get(g.locations().get(0).split("/")[0]);
            if (desk != null) {
                actors.add(new Actor(desk, ActorType.ORGANISATION, List.of()));
            }
        }
        List<Quote> quotes = new ArrayList<>();
        for (String[] q : g.quotes()) {
            Quote quote = findQuote(text, q[0], q[1]);
            if (quote != null) {
                quotes.add(quote);
            }
        }
        PublicationDate date = g.date() == null ? dateOf(extraction, text) : PublicationDate.parseIso(g.date(), "test:gold");
        return new Article(id, title, text, date, actors, List.copyOf(places.values()), quotes, source,
                extraction.truncated(), null);
    }

    /** The marker word of xss-payloads.html. */
    static final String XSS_MARKER = "quokkaxss";
    static final String XSS_ACTOR = "<img src=x onerror=alert('actor')>";
    static final String XSS_COUNTRY = "Xanadu <b onmouseover=alert('country')>";
    static final String XSS_PLACE = "<svg onload=alert('place')>";
    static final String XSS_SPEAKER = "<script>alert('speaker')</script>";

    /**
     * For the hostile file, enrichment as hostile as its text: an actor, a place and a quote speaker
     * whose names are markup, so the page's facets, chips, tree, side panel and quotes get tested too.
     */
    private static Article hostile(String id, String title, String text, PublicationDate date, Source source, boolean truncated) {
        List<Span> marker = find(text, XSS_MARKER);
        Actor actor = new Actor(XSS_ACTOR, ActorType.PERSON, marker);
        Place place = new Place(XSS_PLACE, List.of(XSS_COUNTRY, XSS_PLACE), marker);
        List<Quote> quotes = new ArrayList<>();
        Matcher m = Pattern.compile("Gold was steady in quiet trading").matcher(text);
        if (m.find()) {
            quotes.add(new Quote(m.group(), XSS_SPEAKER, m.start(), m.end()));
        }
        return new Article(id, title, text, date, List.of(actor), List.of(place), quotes, source, truncated, null);
    }

    private static PublicationDate dateOf(Extraction extraction, String text) {
        Matcher m = DATE_LINE.matcher(text);
        if (m.find()) {
            return PublicationDate.parseIso(m.group(1), "test:date-line");
        }
        String dc = extraction.first("dc:date");
        if (dc != null && dc.length() >= 10 && dc.substring(0, 10).matches("\\d{4}-\\d{2}-\\d{2}")) {
            return PublicationDate.parseIso(dc.substring(0, 10), "test:metadata");
        }
        return null;
    }

    private static String firstLine(String text) {
        for (String line : text.split("\\R")) {
            if (!line.isBlank()) {
                String s = line.strip();
                return s.length() > 150 ? s.substring(0, 150) : s;
            }
        }
        return null;
    }

    /** Every occurrence of the name (and, for a person, of the surname alone). */
    private static List<Span> mentions(String text, String name, boolean person) {
        List<Span> spans = new ArrayList<>(find(text, name));
        if (person && name.contains(" ")) {
            String surname = name.substring(name.lastIndexOf(' ') + 1);
            for (Span s : find(text, surname)) {
                if (spans.stream().noneMatch(o -> s.start() < o.end() && o.start() < s.end())) {
                    spans.add(s);
                }
            }
        }
        spans.sort(java.util.Comparator.comparingInt(Span::start));
        return spans;
    }

    private static List<Span> find(String text, String words) {
        List<Span> spans = new ArrayList<>();
        Matcher m = Pattern.compile("\\b" + wordsPattern(words) + "\\b").matcher(text);
        while (m.find()) {
            spans.add(new Span(m.start(), m.end()));
        }
        return spans;
    }

    /** The words of a phrase with any run of white space between them (PDF text breaks lines). */
    private static String wordsPattern(String words) {
        return String.join("\\s+", java.util.Arrays.stream(words.strip().split("\\s+")).map(Pattern::quote).toList());
    }

    /** The quote that begins with these words and runs to the next closing quote mark. */
    private static Quote findQuote(String text, String start, String speaker) {
        Matcher m = Pattern.compile(wordsPattern(start)).matcher(text);
        if (!m.find()) {
            return null;
        }
        Matcher close = Pattern.compile("[\"”»]").matcher(text);
        int end = close.find(m.end()) && close.start() - m.start() < 1500 ? close.start() : -1;
        if (end < 0) {
            return null;
        }
        String quoted = text.substring(m.start(), end).strip();
        while (!quoted.isEmpty() && ",.;:".indexOf(quoted.charAt(quoted.length() - 1)) >= 0) {
            quoted = quoted.substring(0, quoted.length() - 1);
        }
        return new Quote(quoted.replaceAll("\\s+", " "), speaker, m.start(), m.start() + text.substring(m.start(), end).strip().length());
    }
}
