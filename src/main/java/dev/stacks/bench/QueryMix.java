package dev.stacks.bench;

import dev.stacks.search.ArchiveSearch;
import dev.stacks.search.DocumentView;
import dev.stacks.search.Hit;
import dev.stacks.search.SearchRequest;
import dev.stacks.search.SearchResult;
import dev.stacks.search.SortOrder;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fixed query mix drawn from the archive's own documents, reproducible from a seed: a sample of
 * documents (random result pages of "everything"), their words classed by how many sampled
 * documents hold them (rare, medium, common), and phrases cut from their bodies. Each of seven
 * kinds comes with no filter and with an actor, location or date filter taken from the document
 * the words came from, so every query finds at least that document.
 *
 * <ul>
 *   <li>{@code rare}, {@code medium}, {@code common}: one word;</li>
 *   <li>{@code and}: a medium and a common word, both required (the default);</li>
 *   <li>{@code or}: a rare word OR a medium one;</li>
 *   <li>{@code phrase}: 3 to 5 consecutive words of a body, quoted;</li>
 *   <li>{@code near}: 3 of 4 consecutive words, quoted, within 3 positions ({@code "a c d"~3}).</li>
 * </ul>
 */
final class QueryMix {
    static final List<String> KINDS = List.of("rare", "medium", "common", "and", "or", "phrase", "near");
    static final List<String> FILTERS = List.of("none", "actor", "location", "date");

    private static final int PAGE = 100;
    private static final int MAX_PAGE = 1000;
    private static final Pattern WORD = Pattern.compile("\\p{L}+");
    /** Words a researcher would not search alone; they still appear inside phrases. */
    private static final Set<String> STOPWORDS = Set.of("the", "and", "for", "that", "with", "from", "this", "was", "are",
            "not", "but", "its", "has", "have", "had", "were", "been", "which", "will", "would", "said", "also", "their",
            "they", "than", "there", "into", "about", "after", "over", "other", "our", "you", "his", "her", "she", "him",
            "who", "all", "any", "can", "may", "one", "two", "out", "per");

    private QueryMix() {
    }

    /** A sampled document: its words in order, and the filters it can lend a query. */
    record Sampled(List<String> tokens, boolean[] joined, Set<String> words, List<String> actors,
                           List<String> locations, String date) {
    }

    /** The mix and how many documents the archive held when it was drawn. */
    record Mix(List<BenchQuery> queries, long documents) {
    }

    /** How many queries of each kind and of each filter. */
    static Map<String, Integer> counts(List<BenchQuery> queries) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        KINDS.forEach(k -> counts.put(k, 0));
        FILTERS.forEach(f -> counts.put("+" + f, 0));
        for (BenchQuery q : queries) {
            counts.merge(q.kind(), 1, Integer::sum);
            counts.merge("+" + q.filter(), 1, Integer::sum);
        }
        return counts;
    }

    static Mix draw(ArchiveSearch search, BenchSettings settings) {
        Random random = new Random(settings.seed());
        long total = search.search(SearchRequest.of("").withSize(1)).total();
        if (total == 0) {
            throw new IllegalArgumentException("the index holds no document to draw a query mix from");
        }
        List<Sampled> docs = sample(search, total, settings.sampleDocs(), random);
        Map<String, Integer> df = new HashMap<>();
        docs.forEach(d -> d.words().forEach(w -> df.merge(w, 1, Integer::sum)));
        int n = docs.size();
        Map<String, int[]> bands = Map.of(
                "rare", new int[] {1, Math.max(1, n / 1000)},
                "medium", new int[] {Math.max(2, n / 200), Math.max(2, n / 20)},
                "common", new int[] {Math.max(3, n / 10), Integer.MAX_VALUE});

        List<BenchQuery> queries = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String kind : KINDS) {
            for (String filter : FILTERS) {
                int made = 0;
                for (int attempt = 0; attempt < settings.queriesPerCombo() * 50 && made < settings.queriesPerCombo(); attempt++) {
                    Sampled doc = docs.get(random.nextInt(n));
                    String q = query(kind, doc, df, bands, random);
                    if (q == null) {
                        continue;
                    }
                    SearchRequest request = withFilter(q, filter, doc, random);
                    if (request != null && seen.add(kind + filter + request)) {
                        queries.add(new BenchQuery(kind, filter, request));
                        made++;
                    }
                }
            }
        }
        if (queries.isEmpty()) {
            throw new IllegalArgumentException("no query could be drawn from the index's documents (no words?)");
        }
        return new Mix(List.copyOf(queries), total);
    }

    /** Documents from random pages of the match-all result (ties in id order, so the sample is fixed). */
    private static List<Sampled> sample(ArchiveSearch search, long total, int want, Random random) {
        int pages = (int) Math.min((total + PAGE - 1) / PAGE, MAX_PAGE);
        List<Integer> order = new ArrayList<>();
        for (int p = 1; p <= pages; p++) {
            order.add(p);
        }
        Collections.shuffle(order, random);
        List<Integer> chosen = new ArrayList<>(new TreeSet<>(order.subList(0, Math.min(pages, Math.max(1, (want + PAGE - 1) / PAGE)))));
        List<Sampled> docs = new ArrayList<>();
        for (int page : chosen) {
            SearchResult result = search.search(new SearchRequest("", List.of(), List.of(), null, null, List.of(),
                    SortOrder.RELEVANCE, page, PAGE, null));
            for (Hit hit : result.hits()) {
                DocumentView view = search.document(hit.id(), null).orElse(null);
                if (view != null && view.text() != null) {
                    docs.add(sampled(view.text(), hit));
                }
            }
        }
        return docs;
    }

    /**
     * The document's words as the index sees them. A run of letters is a word of its own only if the
     * analyzer does not glue it to its neighbours: not next to a digit, and not across an apostrophe
     * (folded away: "government's" is indexed as "governments"), a full stop or a colon followed by a
     * letter ("SUMT.T" is one token). Other runs are left out, and phrases do not cross them.
     */
    static Sampled sampled(String text, Hit hit) {
        List<String> tokens = new ArrayList<>();
        List<Boolean> joined = new ArrayList<>();
        Set<String> words = new TreeSet<>();
        Matcher m = WORD.matcher(text);
        int lastEnd = -1;
        boolean lastClean = false;
        while (m.find()) {
            String token = m.group();
            boolean clean = !gluedBefore(text, m.start()) && !gluedAfter(text, m.end());
            tokens.add(token);
            // a phrase may cross this gap only if it is plain white space between two words of their own
            joined.add(clean && lastClean && text.substring(lastEnd, m.start()).isBlank());
            lastEnd = m.end();
            lastClean = clean;
            String word = token.toLowerCase(java.util.Locale.ROOT);
            if (clean && word.length() >= 3 && !STOPWORDS.contains(word)) {
                words.add(word);
            }
        }
        boolean[] j = new boolean[joined.size()];
        for (int i = 0; i < j.length; i++) {
            j[i] = joined.get(i);
        }
        List<String> actors = hit.actors().stream().map(a -> a.name()).toList();
        List<String> countries = hit.locations().stream().map(l -> l.path().split("/")[0]).distinct().toList();
        return new Sampled(List.copyOf(tokens), j, words, actors, countries, hit.date());
    }

    private static final String JOINERS = "'\u2018\u2019\u201B\u02BC\u2032\uFF07.:\u00B7_";

    private static boolean gluedBefore(String text, int start) {
        if (start == 0) {
            return false;
        }
        char c = text.charAt(start - 1);
        return Character.isDigit(c) || JOINERS.indexOf(c) >= 0 && start >= 2 && Character.isLetterOrDigit(text.charAt(start - 2));
    }

    private static boolean gluedAfter(String text, int end) {
        if (end == text.length()) {
            return false;
        }
        char c = text.charAt(end);
        return Character.isDigit(c) || JOINERS.indexOf(c) >= 0 && end + 1 < text.length() && Character.isLetterOrDigit(text.charAt(end + 1));
    }

    private static String query(String kind, Sampled doc, Map<String, Integer> df, Map<String, int[]> bands, Random random) {
        return switch (kind) {
            case "rare", "medium", "common" -> word(doc, df, bands.get(kind), random, null);
            case "and" -> {
                String a = word(doc, df, bands.get("medium"), random, null);
                String b = word(doc, df, bands.get("common"), random, a);
                yield a == null || b == null ? null : a + " " + b;
            }
            case "or" -> {
                String a = word(doc, df, bands.get("rare"), random, null);
                String b = word(doc, df, bands.get("medium"), random, a);
                yield a == null || b == null ? null : a + " OR " + b;
            }
            case "phrase" -> {
                List<String> words = run(doc, 3 + random.nextInt(3), random);
                yield words == null ? null : "\"" + String.join(" ", words) + "\"";
            }
            case "near" -> {
                List<String> words = run(doc, 4, random);
                yield words == null ? null : "\"" + words.get(0) + " " + words.get(2) + " " + words.get(3) + "\"~3";
            }
            default -> throw new IllegalArgumentException("unknown query kind " + kind);
        };
    }

    /** A word of the document whose sample document frequency lies in the band, or null. */
    private static String word(Sampled doc, Map<String, Integer> df, int[] band, Random random, String not) {
        List<String> candidates = new ArrayList<>();
        for (String w : doc.words()) {
            int f = df.get(w);
            if (f >= band[0] && f <= band[1] && !w.equals(not)) {
                candidates.add(w);
            }
        }
        return candidates.isEmpty() ? null : candidates.get(random.nextInt(candidates.size()));
    }

    /** {@code length} consecutive words of the body separated by white space only, not all stop words; or null. */
    private static List<String> run(Sampled doc, int length, Random random) {
        int n = doc.tokens().size();
        if (n < length) {
            return null;
        }
        for (int attempt = 0; attempt < 20; attempt++) {
            int start = random.nextInt(n - length + 1);
            boolean ok = false;
            for (int i = start; i < start + length; i++) {
                // joined[i] holds only between two words of their own (length >= 2), so the whole run is clean
                if (i > start && !doc.joined()[i]) {
                    ok = false;
                    break;
                }
                ok |= doc.tokens().get(i).length() >= 3 && !STOPWORDS.contains(doc.tokens().get(i).toLowerCase(java.util.Locale.ROOT));
            }
            if (ok) {
                return doc.tokens().subList(start, start + length);
            }
        }
        return null;
    }

    private static SearchRequest withFilter(String q, String filter, Sampled doc, Random random) {
        List<String> actors = List.of();
        List<String> locations = List.of();
        String from = null;
        String to = null;
        switch (filter) {
            case "none" -> {
            }
            case "actor" -> {
                if (doc.actors().isEmpty()) {
                    return null;
                }
                actors = List.of(doc.actors().get(random.nextInt(doc.actors().size())));
            }
            case "location" -> {
                if (doc.locations().isEmpty()) {
                    return null;
                }
                locations = List.of(doc.locations().get(random.nextInt(doc.locations().size())));
            }
            case "date" -> {
                if (doc.date() == null || doc.date().length() < 4) {
                    return null;
                }
                // the document's month (or its year, for a year-only date)
                from = doc.date().substring(0, Math.min(7, doc.date().length()));
                to = from;
            }
            default -> throw new IllegalArgumentException("unknown filter " + filter);
        }
        return new SearchRequest(q, actors, locations, from, to, List.of(), SortOrder.RELEVANCE, 1, 10, null);
    }
}
