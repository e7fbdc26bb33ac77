package dev.stacks.search;

import dev.stacks.index.ArchiveIndex;
import dev.stacks.index.ArchiveSearcher;
import dev.stacks.index.Fields;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSelector;
import org.apache.lucene.search.SortedSetSortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Searching the archive: a {@link SearchRequest} in, a {@link SearchResult} out. Filters are built
 * as queries (never glued into the query string); facet counts follow "drill sideways" rules: the
 * counts of a filtered dimension ignore that dimension's own filter, so choosing one actor keeps the
 * others' counts visible.
 */
public final class ArchiveSearch {
    static final String DIM_ACTOR = "actor";
    static final String DIM_LOCATION = "location";
    static final String DIM_DATE = "date";
    static final String DIM_FORMAT = "format";
    private static final Set<String> HIT_FIELDS = Set.of(Fields.ID, Fields.TITLE, Fields.DATE_ISO, Fields.ACTOR_TYPED,
            Fields.LOCATION_PATH, Fields.SOURCE_NAME, Fields.CONTENT_TYPE, Fields.SHA256, Fields.FORMAT);

    private final ArchiveIndex index;
    private final UserQueryParser parser = new UserQueryParser();
    private final Highlighter highlighter = new Highlighter();
    private volatile boolean reuseCounts = true;

    public ArchiveSearch(ArchiveIndex index) {
        this.index = index;
    }

    /**
     * Whether a costly search's counts are kept for its next page, sort or facet filter (see
     * {@link CountCache}); on by default. The query bench turns it off to time every search from
     * scratch, as its mix repeats each search every round.
     */
    public void reuseCounts(boolean reuse) {
        reuseCounts = reuse;
    }

    /** What the current reader keeps of costly searches' counts, for the server's metrics. */
    public KeptCounts keptCounts() {
        return index.search(searcher -> countsOf(searcher).snapshot());
    }

    /** Forgets the counts kept for the current reader (the query bench, to time a next step from a known state). */
    public void forgetCounts() {
        index.search(searcher -> {
            countsOf(searcher).clear();
            return null;
        });
    }

    public SearchResult search(SearchRequest request) {
        long start = System.nanoTime();
        Query userQuery = parser.parse(request.q());
        Query highlight = parser.parseForHighlighting(request.q());
        Map<String, Query> filters = filters(request);
        return index.search(searcher -> {
            try {
                SearchResult result = run(searcher, request, userQuery, highlight, filters, start);
                Query wider = result.total() < NearMatch.FEW_HITS && request.cursor() == null ? widen(request.q(), userQuery) : null;
                return wider == null ? result
                        : run(searcher, request, wider, NearMatch.highlighting(quoteTerms(request.q())), filters, start);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** A near-match version of a quote-like query that found little, or null. */
    private Query widen(String q, Query exact) {
        String text = UserQueryParser.normalize(q);
        if (!NearMatch.eligible(text)) {
            return null;
        }
        return NearMatch.widen(exact, quoteTerms(q));
    }

    private List<String> quoteTerms(String q) {
        return parser.analyze(Fields.BODY, UserQueryParser.normalize(q).replace("\"", " "));
    }

    private SearchResult run(ArchiveSearcher searcher, SearchRequest request, Query userQuery, Query highlight,
                             Map<String, Query> filters, long start) throws IOException {
        boolean cursorPaging = request.cursor() != null && !request.cursor().isBlank();
        FieldDoc after = cursorPaging ? Cursor.decode(request.cursor(), request.sort(), searcher.getIndexReader().maxDoc()) : null;
        int want = cursorPaging ? request.size() : request.page() * request.size();
        Collected collected = collect(searcher, userQuery, filters, after, want, request.sort(), reuseCounts ? countsOf(searcher) : null);
        TopDocs topDocs = collected.topDocs();
        long total = collected.total();
        Map<String, List<FacetValue>> facets = collected.facets();

        ScoreDoc[] page = cursorPaging ? topDocs.scoreDocs
                : Arrays.copyOfRange(topDocs.scoreDocs, Math.min(topDocs.scoreDocs.length, (request.page() - 1) * request.size()), topDocs.scoreDocs.length);
        TopDocs pageDocs = new TopDocs(topDocs.totalHits, page);
        List<Hit> hits = hits(searcher, highlight, pageDocs, request.sort());
        String next = null;
        boolean more = cursorPaging ? page.length == request.size() : (long) request.page() * request.size() < total;
        if (more && page.length > 0) {
            next = Cursor.encode((FieldDoc) page[page.length - 1]);
        }
        long took = (System.nanoTime() - start) / 1_000_000;
        return new SearchResult(total, took, hits, facets, next);
    }

    private List<Hit> hits(ArchiveSearcher searcher, Query query, TopDocs page, SortOrder sort) throws IOException {
        Highlighter.Page shown = highlighter.highlight(searcher, query, page, HIT_FIELDS);
        List<Hit> hits = new ArrayList<>(page.scoreDocs.length);
        for (int i = 0; i < page.scoreDocs.length; i++) {
            ScoreDoc sd = page.scoreDocs[i];
            Document doc = shown.stored()[i];
            Snippet snippet = shown.snippets()[i];
            hits.add(new Hit(
                    doc.get(Fields.ID),
                    doc.get(Fields.TITLE),
                    doc.get(Fields.DATE_ISO),
                    snippet.passages(),
                    snippet.matches(),
                    actors(doc),
                    locations(doc),
                    new SourceRef(doc.get(Fields.SOURCE_NAME), doc.get(Fields.CONTENT_TYPE), doc.get(Fields.SHA256), doc.get(Fields.FORMAT)),
                    sort == SortOrder.RELEVANCE && !Float.isNaN(sd.score) ? sd.score : null));
        }
        return hits;
    }

    static List<ActorRef> actors(Document doc) {
        return Arrays.stream(doc.getValues(Fields.ACTOR_TYPED)).map(v -> {
            int bar = v.indexOf('|');
            return new ActorRef(v.substring(bar + 1), v.substring(0, bar));
        }).toList();
    }

    static List<LocationRef> locations(Document doc) {
        return Arrays.stream(doc.getValues(Fields.LOCATION_PATH))
                .map(p -> new LocationRef(p.substring(p.lastIndexOf('/') + 1), p)).toList();
    }

    /** The document with this id, or empty; with a non-blank query, every match's offsets in its text. */
    public java.util.Optional<DocumentView> document(String id, String q) {
        Query userQuery = q == null || q.isBlank() ? null : parser.parseForHighlighting(q);
        return index.search(searcher -> {
            try {
                TopDocs top = searcher.search(new BooleanQuery.Builder()
                        .add(new TermQuery(new Term(Fields.ID, id)), BooleanClause.Occur.FILTER)
                        .add(new TermQuery(new Term(Fields.KIND, Fields.KIND_ARTICLE)), BooleanClause.Occur.FILTER)
                        .build(), 1);
                if (top.scoreDocs.length == 0) {
                    return java.util.Optional.<DocumentView>empty();
                }
                int doc = top.scoreDocs[0].doc;
                Document d = searcher.storedFields().document(doc);
                dev.stacks.index.StoredEnrichment e = dev.stacks.index.DocumentMapper.fromJson(d.get(Fields.ENRICHMENT));
                List<Match> matches = userQuery == null ? List.of() : MatchFinder.matches(searcher, userQuery, doc, Fields.BODY, d.get(Fields.BODY));
                return java.util.Optional.of(new DocumentView(
                        d.get(Fields.ID), d.get(Fields.TITLE), d.get(Fields.DATE_ISO), d.get(Fields.DATE_SOURCE),
                        d.get(Fields.BODY), e.actors(), e.locations(), e.quotes(),
                        new SourceRef(d.get(Fields.SOURCE_NAME), d.get(Fields.CONTENT_TYPE), d.get(Fields.SHA256), d.get(Fields.FORMAT)),
                        d.getField(Fields.SIZE).numericValue().longValue(),
                        d.getField(Fields.TRUNCATED) != null,
                        d.get(Fields.PARENT),
                        matches));
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        });
    }

    /** The top {@code want} hits after a cursor, their total, and the facets, before a page is cut from them. */
    record Collected(TopDocs topDocs, long total, Map<String, List<FacetValue>> facets) {
    }

    /** The reader's {@link CountCache}, made on first use. */
    static CountCache countsOf(ArchiveSearcher searcher) {
        return searcher.cached(CountCache.class, s -> new CountCache(CountCache.BUDGET_BYTES, false));
    }

    /** @param counts the reader's counts of earlier searches, to reuse and to add to; or null */
    static Collected collect(ArchiveSearcher searcher, Query userQuery, Map<String, Query> filters, FieldDoc after, int want,
                             SortOrder order, CountCache counts) throws IOException {
        Query base = articles(userQuery);
        Sort sort = sortFor(order);
        if (userQuery instanceof MatchAllDocsQuery && filters.isEmpty()) {
            // browsing the whole archive (the page's first view): its facet counts change only when
            // the index does, so they are counted once per reader, and the hits need no facet counts
            Map<String, List<FacetValue>> facets = searcher.cached("facets-of-all", s -> {
                try {
                    return FacetValues.of(s, OnePassSearch.search(s, base, Map.of(), null, 1, sort, false, null).facets());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            return new Collected(searcher.searchAfter(after, base, want, sort, false), searcher.count(base), facets);
        }
        // the hits, their total and every dimension's counts (sideways for a filtered one) in one pass
        OnePassSearch.Result result = OnePassSearch.search(searcher, base, filters, after, want, sort, order == SortOrder.RELEVANCE, counts);
        return new Collected(result.topDocs(), result.facets().total(),
                FacetValues.of(searcher, result.facets()));
    }

    // ---- queries

    static Query articles(Query userQuery) {
        return new BooleanQuery.Builder()
                .add(userQuery, userQuery instanceof MatchAllDocsQuery ? BooleanClause.Occur.FILTER : BooleanClause.Occur.MUST)
                .add(new TermQuery(new Term(Fields.KIND, Fields.KIND_ARTICLE)), BooleanClause.Occur.FILTER)
                .build();
    }

    /** One query per filtered dimension; the values of one dimension are alternatives (OR). */
    static Map<String, Query> filters(SearchRequest request) {
        Map<String, Query> filters = new LinkedHashMap<>();
        anyOf(Fields.ACTOR, request.actors()).ifPresent(q -> filters.put(DIM_ACTOR, q));
        anyOf(Fields.LOCATION, request.locations().stream().map(ArchiveSearch::cleanPath).toList()).ifPresent(q -> filters.put(DIM_LOCATION, q));
        anyOf(Fields.FORMAT, request.formats()).ifPresent(q -> filters.put(DIM_FORMAT, q));
        Long from = DateBounds.lower("from", request.from());
        Long to = DateBounds.upper("to", request.to());
        if (from != null || to != null) {
            if (from != null && to != null && from > to) {
                throw new InvalidRequestException("from", "from (" + request.from() + ") is after to (" + request.to() + ")");
            }
            filters.put(DIM_DATE, LongField.newRangeQuery(Fields.DATE,
                    from == null ? Long.MIN_VALUE : from, to == null ? Long.MAX_VALUE : to));
        }
        return filters;
    }

    private static String cleanPath(String path) {
        return String.join("/", Arrays.stream(path.split("/")).map(String::strip).filter(s -> !s.isEmpty()).toList());
    }

    private static java.util.Optional<Query> anyOf(String field, List<String> values) {
        List<String> nonBlank = values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).distinct().toList();
        if (nonBlank.isEmpty()) {
            return java.util.Optional.empty();
        }
        if (nonBlank.size() == 1) {
            return java.util.Optional.of(new TermQuery(new Term(field, nonBlank.get(0))));
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        nonBlank.forEach(v -> any.add(new TermQuery(new Term(field, v)), BooleanClause.Occur.SHOULD));
        return java.util.Optional.of(any.build());
    }

    static Query withFilters(Query base, Map<String, Query> filters, String except) {
        if (filters.isEmpty() || filters.size() == 1 && filters.containsKey(except)) {
            return base;
        }
        BooleanQuery.Builder q = new BooleanQuery.Builder().add(base, BooleanClause.Occur.MUST);
        filters.forEach((dim, filter) -> {
            if (!dim.equals(except)) {
                q.add(filter, BooleanClause.Occur.FILTER);
            }
        });
        return q.build();
    }

    static Sort sortFor(SortOrder order) {
        SortField id = new SortedSetSortField(Fields.ID, false);
        return switch (order) {
            case RELEVANCE -> new Sort(SortField.FIELD_SCORE, id);
            case DATE_ASC -> new Sort(dateSort(false), id);
            case DATE_DESC -> new Sort(dateSort(true), id);
        };
    }

    private static SortField dateSort(boolean newestFirst) {
        SortField field = LongField.newSortField(Fields.DATE, newestFirst, SortedNumericSelector.Type.MIN);
        field.setMissingValue(newestFirst ? Long.MIN_VALUE : Long.MAX_VALUE); // undated last either way
        return field;
    }

    UserQueryParser parser() {
        return parser;
    }

    ArchiveIndex index() {
        return index;
    }
}
