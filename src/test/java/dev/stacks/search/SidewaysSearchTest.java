package dev.stacks.search;

import dev.stacks.enrich.Actor;
import dev.stacks.enrich.Article;
import dev.stacks.enrich.Place;
import dev.stacks.enrich.Source;
import dev.stacks.index.ArchiveIndex;
import dev.stacks.index.DocumentMapper;
import dev.stacks.index.ArchiveCodec;
import dev.stacks.index.ArchiveAnalyzer;
import dev.stacks.index.ArchiveSearcher;
import dev.stacks.index.FacetOrdinals;
import dev.stacks.index.Fields;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static dev.stacks.search.ArchiveSearchTest.org;
import static dev.stacks.search.ArchiveSearchTest.person;
import static dev.stacks.search.ArchiveSearchTest.place;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The one-pass drill-sideways search gives exactly what the two-pass one did (the main search,
 * then one search per filtered dimension without its filter): the same top documents with the
 * same scores and sort values, the same totals, the same facet values, counts and order.
 */
class SidewaysSearchTest {
    @TempDir
    static Path dir;
    static ArchiveIndex index;

    static final List<String> WORDS = List.of("harbour", "strike", "market", "shares", "bonds", "coffee", "harvest", "rain",
            "minister", "election", "bank", "rates", "oil", "price", "workers", "dock", "port", "cartel", "police", "trade",
            "export", "import", "grain", "wheat", "gold", "silver", "ledger", "inspector", "company", "union");
    static final List<String> PEOPLE = List.of("Ana Morales", "Christopher Landau", "Ruth Baker", "Tomás Ortega", "Li Wei",
            "Marie Dubois", "John Smith", "Olga Petrova", "Kofi Mensah", "Sara Cohen");
    static final List<String> ORGS = List.of("Harbour Workers Union", "Central Bank", "Jalisco New Generation Cartel", "Grain Board");
    static final List<String[]> PLACES = List.of(new String[] {"Mexico", "Jalisco", "Guadalajara"}, new String[] {"Mexico", "Sonora"},
            new String[] {"Mexico"}, new String[] {"Chile", "Valparaíso", "Valparaíso"}, new String[] {"Colombia", "Huila"},
            new String[] {"France", "Île-de-France", "Paris"}, new String[] {"France"}, new String[] {"Japan", "Tokyo"});
    static final List<String> FORMATS = List.of("txt", "pdf", "html", "docx");
    static final List<String> QUERIES = List.of("", "market", "harbour strike", "coffee OR ledger", "\"dock workers\"",
            "gold", "actor:\"Ana Morales\"");
    /** Widened as a quote that found nothing is (an interval query OR'ed with the boosted exact one). */
    static final String NEAR = "\"market shares rates bonds\"";

    @BeforeAll
    static void fill() throws IOException {
        index = ArchiveIndex.open(dir.resolve("index"));
        Random random = new Random(20261129);
        // three commits make three segments; the last rewrites some articles, so segments hold deletions
        for (int batch = 0; batch < 3; batch++) {
            for (int i = 0; i < 400; i++) {
                int n = batch < 2 ? batch * 400 + i : random.nextInt(800);
                index.upsert(article(n, random));
            }
            index.commit();
        }
    }

    @AfterAll
    static void close() throws IOException {
        index.close();
    }

    static Article article(int n, Random random) {
        String id = String.format("%016d", n);
        String title = String.join(" ", words(random, 2 + random.nextInt(4)));
        String body = String.join(" ", words(random, 10 + random.nextInt(60))) + ".";
        List<Actor> actors = new ArrayList<>();
        for (int a = random.nextInt(4); a > 0; a--) {
            Actor actor = random.nextInt(4) == 0 ? org(ORGS.get(skewed(random, ORGS.size())))
                    : person(PEOPLE.get(skewed(random, PEOPLE.size())));
            if (actors.stream().noneMatch(x -> x.name().equals(actor.name()))) {
                actors.add(actor);
            }
        }
        List<Place> places = new ArrayList<>();
        for (int p = random.nextInt(3); p > 0; p--) {
            places.add(place(PLACES.get(skewed(random, PLACES.size()))));
        }
        String date = switch (random.nextInt(10)) {
            case 0 -> null;
            case 1 -> String.format("%d-%02d", 1985 + random.nextInt(8), 1 + random.nextInt(12));
            default -> String.format("%d-%02d-%02d", 1985 + random.nextInt(8), 1 + random.nextInt(12), 1 + random.nextInt(28));
        };
        String format = FORMATS.get(skewed(random, FORMATS.size()));
        Article plain = ArchiveSearchTest.article(String.valueOf(n), title, date, body, actors, places, List.of());
        return new Article(id, plain.title(), plain.body(), plain.date(), plain.actors(), plain.locations(), plain.quotes(),
                new Source(n + "." + format, "application/" + format, format, id.repeat(4), body.length()), false, null);
    }

    /** Low indexes more often, so that counts differ and the top values are not ties only. */
    static int skewed(Random random, int size) {
        double r = random.nextDouble();
        return (int) (r * r * size);
    }

    static List<String> words(Random random, int count) {
        List<String> words = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            words.add(WORDS.get(skewed(random, WORDS.size())));
        }
        return words;
    }

    /** The most frequent values of each dimension in an archive, to filter by. */
    record Values(List<String> actors, List<String> locations, List<String> years, List<String> formats) {
        static Values of(ArchiveIndex archive, ArchiveSearcher searcher) throws IOException {
            Map<String, List<FacetValue>> all = ArchiveSearch.collect(searcher, new UserQueryParser().parse(""), Map.of(), null, 1,
                    SortOrder.RELEVANCE, null).facets();
            List<String> years = all.get("date").stream().map(FacetValue::value).filter(y -> y.matches("\\d{4}")).toList();
            List<String> places = new ArrayList<>(all.get("location").stream().limit(2).map(FacetValue::path).toList());
            places.add(new FacetBrowser(archive).values("location", places.get(0), SearchRequest.of(""), 1).get(0).path());
            return new Values(top(all, "actor", 3), places,
                    List.of(years.get(0), years.get(years.size() - 1)), top(all, "format", 2));
        }

        private static List<String> top(Map<String, List<FacetValue>> all, String dim, int n) {
            return all.get(dim).stream().limit(n).map(FacetValue::value).toList();
        }
    }

    /** Filters alone, two and more dimensions, alternatives within one, and filters that leave nothing. */
    static List<SearchRequest> filtered(String q, SortOrder sort, Values v) {
        String actor = v.actors().get(0);
        String place = v.locations().get(0);
        String firstYear = v.years().get(0);
        String lastYear = v.years().get(1);
        List<SearchRequest> requests = new ArrayList<>();
        requests.add(request(q, List.of(actor), List.of(), null, null, List.of(), sort));
        requests.add(request(q, List.of(), List.of(place), null, null, List.of(), sort));
        requests.add(request(q, List.of(), List.of(v.locations().get(2)), null, null, List.of(), sort));
        requests.add(request(q, List.of(), List.of(), firstYear, lastYear + "-06", List.of(), sort));
        requests.add(request(q, List.of(), List.of(), lastYear, null, List.of(), sort));
        requests.add(request(q, List.of(), List.of(), null, null, List.of(v.formats().get(0)), sort));
        requests.add(request(q, List.of(actor, v.actors().get(1)), List.of(), null, null, List.of(), sort));
        requests.add(request(q, List.of(v.actors().get(2)), List.of(), firstYear + "-03", lastYear, List.of(), sort));
        requests.add(request(q, List.of(v.actors().get(1), v.actors().get(2)), v.locations().subList(0, 2), null, null, List.of(), sort));
        requests.add(request(q, List.of(actor), List.of(place), firstYear, lastYear, v.formats(), sort));
        requests.add(request(q, List.of("Nobody Known"), List.of(), null, null, List.of(), sort));
        requests.add(request(q, List.of(), List.of(), "1700", "1701", List.of(), sort));
        requests.add(request(q, List.of("Nobody Known"), List.of("Atlantis"), null, null, List.of(), sort));
        requests.add(request(q, List.of(actor), List.of(v.locations().get(1)), lastYear + "-12-30", null, List.of(v.formats().get(v.formats().size() - 1)), sort));
        return requests;
    }

    static SearchRequest request(String q, List<String> actors, List<String> locations, String from, String to, List<String> formats,
                                 SortOrder sort) {
        return new SearchRequest(q, actors, locations, from, to, formats, sort, 1, 10, null);
    }

    /**
     * A place's or a period's children, counted in one pass over every depth of the paths, equal
     * Lucene's facet counts over the search without its own dimension's filter: the same values,
     * counts and order (a place's by count, ties by name; a period's in calendar order).
     */
    @Test
    void the_children_of_places_and_periods_equal_lucenes_counts_for_every_filter_mix_and_query() {
        FacetBrowser browser = new FacetBrowser(index);
        Values v = index.search(s -> {
            try {
                return Values.of(index, s);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        List<String> places = List.of("", "Mexico", "Mexico/Jalisco", "France", " Chile / Valparaíso ", "Japan/Tokyo/Shinjuku", "Atlantis");
        List<String> periods = List.of("", v.years().get(0), v.years().get(1) + "/03", "1700");
        int compared = 0;
        int nonEmpty = 0;
        for (String q : QUERIES) {
            List<SearchRequest> requests = new ArrayList<>(filtered(q, SortOrder.RELEVANCE, v));
            requests.add(0, SearchRequest.of(q));
            for (SearchRequest request : requests) {
                for (String dim : List.of("location", "date")) {
                    for (String path : dim.equals("location") ? places : periods) {
                        for (int size : new int[] {2, 50}) {
                            List<FacetValue> ours = browser.values(dim, path, request, size);
                            assertThat(ours).as("%s %s '%s' %d", request, dim, path, size).isEqualTo(luceneChildren(dim, path, request, size));
                            compared++;
                            nonEmpty += ours.isEmpty() ? 0 : 1;
                        }
                    }
                }
            }
        }
        assertThat(compared).isEqualTo(QUERIES.size() * 15 * (places.size() + periods.size()) * 2);
        assertThat(nonEmpty).as("comparisons with children").isGreaterThan(compared / 3);
    }

    /** The children as Lucene's counter gives them (the way FacetBrowser counted them before its one pass). */
    static List<FacetValue> luceneChildren(String dim, String prefix, SearchRequest request, int size) {
        return index.search(searcher -> {
            try {
                Query base = ArchiveSearch.articles(new UserQueryParser().parse(request.q()));
                FacetsCollector hits = searcher.search(ArchiveSearch.withFilters(base, ArchiveSearch.filters(request), dim),
                        new FacetsCollectorManager());
                Facets counts = new SortedSetDocValuesFacetCounts(searcher.facetState(), hits);
                String[] path = Arrays.stream(prefix.split("/")).map(String::strip).filter(p -> !p.isEmpty()).toArray(String[]::new);
                FacetResult result;
                try {
                    result = dim.equals("date") ? counts.getAllChildren(dim, path) : counts.getTopChildren(size, dim, path);
                } catch (IllegalArgumentException noSuchPath) {
                    return List.<FacetValue>of();
                }
                if (result == null) {
                    return List.<FacetValue>of();
                }
                String parent = path.length == 0 ? "" : String.join("/", path) + "/";
                List<FacetValue> values = new ArrayList<>();
                for (LabelAndValue lv : result.labelValues) {
                    values.add(new FacetValue(lv.label, null, parent + lv.label, lv.value.longValue()));
                }
                if (dim.equals("date")) {
                    values.sort(Comparator.comparing(FacetValue::value));
                }
                return values.size() > size ? values.subList(0, size) : values;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Test
    void one_pass_facets_hits_and_totals_equal_the_two_pass_ones_for_every_filter_mix_query_and_sort() {
        int compared = compareAll(index, null);
        assertThat(compared).isEqualTo((QUERIES.size() + 1) * SortOrder.values().length * 14 * 3);
    }

    /**
     * With the counts of earlier searches reused: each search first without filters (counted, kept),
     * then its filter mixes (one filter: narrowed from the kept counts), each paged twice and sorted
     * three ways (its own counts reused, the top hits searched alone). Every answer equals the
     * two-pass one.
     */
    @Test
    void searches_reusing_earlier_counts_equal_the_two_pass_ones() {
        CountCache counts = new CountCache(CountCache.BUDGET_BYTES, true);
        int compared = compareAll(index, counts);
        int sorts = SortOrder.values().length;
        assertThat(compared).isEqualTo(((QUERIES.size() + 1) * 15 - 1) * sorts * 3);
        // a search is counted once, then found for its two other pages and in every other sort; each
        // of the 9 one-filter mixes also finds its unfiltered counts once. Browsing everything ("")
        // unfiltered is cached elsewhere, so its filter mixes are not narrowed.
        long found = 15L * (3 * sorts - 1) + 9;
        long browsing = 14L * (3 * sorts - 1);
        assertThat(counts.reused()).isEqualTo(QUERIES.size() * found + browsing);
    }

    @Test
    void a_full_cache_lets_the_least_recently_used_counts_go() {
        FacetTally[] tallies = new FacetTally[4];
        for (int i = 0; i < tallies.length; i++) {
            tallies[i] = new FacetTally(null, List.of(), new FacetOrdinals.Range[0]);
        }
        CountCache counts = new CountCache(3 * tallies[0].bytes(), true);
        List<CountCache.Key> keys = new ArrayList<>();
        for (String word : List.of("a", "b", "c", "d")) {
            keys.add(new CountCache.Key(new TermQuery(new Term(Fields.BODY, word)), Map.of()));
        }
        for (int i = 0; i < 3; i++) {
            counts.put(keys.get(i), tallies[i]);
        }
        assertThat(counts.get(keys.get(0))).isSameAs(tallies[0]); // now the most recently used
        counts.put(keys.get(3), tallies[3]);
        assertThat(counts.size()).isEqualTo(3);
        assertThat(counts.get(keys.get(1))).isNull();
        assertThat(counts.get(keys.get(0))).isSameAs(tallies[0]);
        assertThat(counts.get(keys.get(3))).isSameAs(tallies[3]);
    }

    @Test
    void a_filtered_dimension_counts_as_if_its_own_filter_were_not_set() {
        ArchiveSearch search = new ArchiveSearch(index);
        SearchResult all = search.search(SearchRequest.of("market"));
        SearchResult both = search.search(request("market", List.of("Ana Morales"), List.of("Mexico"), null, null, List.of(), SortOrder.RELEVANCE));
        SearchResult actorOnly = search.search(request("market", List.of("Ana Morales"), List.of(), null, null, List.of(), SortOrder.RELEVANCE));
        SearchResult placeOnly = search.search(request("market", List.of(), List.of("Mexico"), null, null, List.of(), SortOrder.RELEVANCE));
        assertThat(both.total()).isPositive().isLessThan(actorOnly.total()).isLessThan(placeOnly.total());
        assertThat(both.facets().get("actor")).isEqualTo(placeOnly.facets().get("actor")).isNotEqualTo(all.facets().get("actor"));
        assertThat(both.facets().get("location")).isEqualTo(actorOnly.facets().get("location")).isNotEqualTo(all.facets().get("location"));
        assertThat(both.facets().get("actor")).contains(new FacetValue("Ana Morales", "person", null, both.total()));
    }

    @Test
    void shares_searched_in_parallel_give_what_one_pass_gives() throws IOException {
        // the same articles as the shared index, in three segments that are never merged: two cores'
        // shares of them cut the middle segment in two
        Random random = new Random(20261129);
        Path path = dir.resolve("unmerged");
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try (Directory directory = FSDirectory.open(path)) {
            DocumentMapper mapper = new DocumentMapper(DocumentMapper.facetsConfig());
            try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new ArchiveAnalyzer())
                    .setCodec(new ArchiveCodec()).setMergePolicy(NoMergePolicy.INSTANCE))) {
                for (int batch = 0; batch < 3; batch++) {
                    for (int i = 0; i < 400; i++) {
                        Article article = article(batch < 2 ? batch * 400 + i : random.nextInt(800), random);
                        writer.updateDocuments(new Term(Fields.GROUP, article.id()), mapper.toDocuments(article));
                    }
                    writer.commit();
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                ArchiveSearcher one = new ArchiveSearcher(reader, threads, Integer.MAX_VALUE);
                ArchiveSearcher many = new ArchiveSearcher(reader, threads, 1);
                assertThat(one.getSlices()).hasSize(1);
                assumeTrue(many.getSlices().length > 1, "needs two cores");
                UserQueryParser parser = new UserQueryParser();
                Values values = index.search(s -> {
                    try {
                        return Values.of(index, s);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                int compared = 0;
                for (String q : QUERIES) {
                    for (SortOrder sort : SortOrder.values()) {
                        for (SearchRequest request : filtered(q, sort, values)) {
                            Map<String, Query> filters = ArchiveSearch.filters(request);
                            ArchiveSearch.Collected expected = ArchiveSearch.collect(one, parser.parse(q), filters, null, 10, sort, null);
                            ArchiveSearch.Collected actual = ArchiveSearch.collect(many, parser.parse(q), filters, null, 10, sort, null);
                            assertThat(actual.total()).as(request.toString()).isEqualTo(expected.total());
                            assertThat(actual.facets()).as(request.toString()).isEqualTo(expected.facets());
                            assertThat(describe(actual.topDocs().scoreDocs)).as(request.toString()).isEqualTo(describe(expected.topDocs().scoreDocs));
                            compared += expected.total() > 0 ? 1 : 0;
                        }
                    }
                }
                assertThat(compared).isGreaterThan(100);
            }
        } finally {
            threads.shutdown();
        }
    }

    /** The same comparison over an index built by the Reuters bench: -Dstacks.sideways.index=DIR. */
    @Test
    @EnabledIfSystemProperty(named = "stacks.sideways.index", matches = ".+")
    void one_pass_equals_two_pass_on_a_bench_index() throws IOException {
        try (ArchiveIndex bench = ArchiveIndex.open(Path.of(System.getProperty("stacks.sideways.index")))) {
            assertThat(compareAll(bench, null)).isPositive();
            assertThat(compareAll(bench, new CountCache(CountCache.BUDGET_BYTES, true))).isPositive();
        }
    }

    /**
     * Every request three ways: the first 10, the first 25 (a page 3 of 10), and 10 after a cursor.
     * With {@code counts}, every query is first searched without filters too, and counts are reused.
     */
    static int compareAll(ArchiveIndex archive, CountCache counts) {
        UserQueryParser parser = new UserQueryParser();
        return archive.search(searcher -> {
            try {
                int compared = 0;
                Values values = Values.of(archive, searcher);
                Map<String, Query> queries = new LinkedHashMap<>();
                QUERIES.forEach(q -> queries.put(q, parser.parse(q)));
                queries.put(NEAR, NearMatch.widen(parser.parse(NEAR), parser.analyze(Fields.BODY, NEAR.replace("\"", " "))));
                for (Map.Entry<String, Query> entry : queries.entrySet()) {
                    String q = entry.getKey();
                    Query userQuery = entry.getValue();
                    for (SortOrder sort : SortOrder.values()) {
                        List<SearchRequest> requests = new ArrayList<>(filtered(q, sort, values));
                        if (counts != null && !q.isEmpty()) { // browsing everything unfiltered is cached elsewhere, unscored
                            requests.add(0, request(q, List.of(), List.of(), null, null, List.of(), sort));
                        }
                        for (SearchRequest request : requests) {
                            Map<String, Query> filters = ArchiveSearch.filters(request);
                            String what = request.toString();
                            ArchiveSearch.Collected first = compare(searcher, userQuery, filters, null, 10, sort, what, counts);
                            compare(searcher, userQuery, filters, null, 25, sort, what + " (25)", counts);
                            ScoreDoc[] top = first.topDocs().scoreDocs;
                            FieldDoc after = top.length == 0 ? null : Cursor.decode(Cursor.encode((FieldDoc) top[top.length - 1]), sort,
                                    searcher.getIndexReader().maxDoc());
                            compare(searcher, userQuery, filters, after, 10, sort, what + " (after " + Arrays.toString(after == null ? null : after.fields) + ")",
                                    counts);
                            compared += 3;
                        }
                    }
                }
                return compared;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    static ArchiveSearch.Collected compare(ArchiveSearcher searcher, Query userQuery, Map<String, Query> filters, FieldDoc after,
                                           int want, SortOrder sort, String what, CountCache counts) throws IOException {
        ArchiveSearch.Collected twoPass = twoPass(searcher, userQuery, filters, after, want, sort);
        ArchiveSearch.Collected onePass = ArchiveSearch.collect(searcher, userQuery, filters, after, want, sort, counts);
        assertThat(onePass.total()).as(what).isEqualTo(twoPass.total());
        assertThat(onePass.topDocs().totalHits).as(what).isEqualTo(twoPass.topDocs().totalHits);
        assertThat(onePass.facets()).as(what).isEqualTo(twoPass.facets());
        assertThat(describe(onePass.topDocs().scoreDocs)).as(what).isEqualTo(describe(twoPass.topDocs().scoreDocs));
        return onePass;
    }

    /** Doc number, score bits and sort values: everything a page, its scores and its cursor are made of. */
    static List<String> describe(ScoreDoc[] docs) {
        return Arrays.stream(docs).map(d -> d.doc + " " + Float.floatToRawIntBits(d.score) + " "
                + Arrays.toString(((FieldDoc) d).fields)).toList();
    }

    /** The computation as it was before the one pass: a main search, then a search per filtered dimension. */
    static ArchiveSearch.Collected twoPass(ArchiveSearcher searcher, Query userQuery, Map<String, Query> filters, FieldDoc after,
                                           int want, SortOrder sort) throws IOException {
        Query base = ArchiveSearch.articles(userQuery);
        Query query = ArchiveSearch.withFilters(base, filters, null);
        FacetsCollectorManager.FacetsResult result = FacetsCollectorManager.searchAfter(
                searcher, after, query, want, ArchiveSearch.sortFor(sort), sort == SortOrder.RELEVANCE, new FacetsCollectorManager());
        FacetsCollector collector = result.facetsCollector();
        long total = collector.getMatchingDocs().stream().mapToLong(m -> m.totalHits).sum();
        Map<String, FacetsCollector> sideways = new LinkedHashMap<>();
        for (String dim : filters.keySet()) {
            sideways.put(dim, searcher.search(ArchiveSearch.withFilters(base, filters, dim), new FacetsCollectorManager()));
        }
        return new ArchiveSearch.Collected(result.topDocs(), total, luceneFacets(searcher, collector, sideways));
    }

    /** Facet values as Lucene's own counter gives them: the reference for our counts and their order. */
    static Map<String, List<FacetValue>> luceneFacets(ArchiveSearcher searcher, FacetsCollector hits,
                                                      Map<String, FacetsCollector> sideways) throws IOException {
        Map<String, List<FacetValue>> out = new LinkedHashMap<>();
        Facets mainCounts = new SortedSetDocValuesFacetCounts(searcher.facetState(), hits);
        for (String dim : List.of("actor", "location", "date", "format")) {
            FacetsCollector own = sideways.get(dim);
            Facets counts = own == null ? mainCounts : new SortedSetDocValuesFacetCounts(searcher.facetState(), own);
            FacetResult result = dim.equals("date") ? counts.getAllChildren(dim) : counts.getTopChildren(20, dim);
            List<FacetValue> values = new ArrayList<>();
            for (LabelAndValue lv : result == null ? new LabelAndValue[0] : result.labelValues) {
                long count = lv.value.longValue();
                values.add(switch (dim) {
                    case "actor" -> new FacetValue(lv.label, searcher.actorType(lv.label), null, count);
                    case "location", "date" -> new FacetValue(lv.label, null, lv.label, count);
                    default -> new FacetValue(lv.label, null, null, count);
                });
            }
            if (dim.equals("date")) {
                values.sort(Comparator.comparing(FacetValue::value));
            }
            out.put(dim, values);
        }
        return out;
    }
}
