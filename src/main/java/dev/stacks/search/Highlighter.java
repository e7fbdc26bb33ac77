package dev.stacks.search;

import dev.stacks.index.ArchiveAnalyzer;
import dev.stacks.index.Fields;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.uhighlight.FieldOffsetStrategy;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.OffsetsEnum;
import org.apache.lucene.search.uhighlight.UHComponents;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Snippets for hits, from the offsets stored in the body's postings (no re-analysis). Weight
 * matches make a phrase one mark, not one per word; the whole body is searched for passages,
 * however long, so matches deep in a long document are found and shown.
 *
 * <p>The stored fields a hit shows are read in the same pass as the body, so each document's
 * stored block is decompressed once.
 */
final class Highlighter {
    private static final Logger log = LoggerFactory.getLogger(Highlighter.class);
    private static final int PASSAGES_PER_HIT = 2;

    private final ArchiveAnalyzer analyzer = new ArchiveAnalyzer();

    /** Snippets and stored fields for a page of hits, in the page's order. */
    record Page(Snippet[] snippets, Document[] stored) {
    }

    /** How snippets are cut, ranked and formatted (the tests compare against Lucene's own strategy with these). */
    UnifiedHighlighter.Builder configured(IndexSearcher searcher) {
        return UnifiedHighlighter.builder(searcher, analyzer)
                .withWeightMatches(true)
                .withMaxLength(Integer.MAX_VALUE - 1)
                .withMaxNoHighlightPassages(1)
                .withBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(
                        new SentenceBreaks(), 160, 0.5f))
                .withScorer(new PassageRanker())
                .withFormatter(new SnippetFormatter());
    }

    Page highlight(IndexSearcher searcher, Query query, TopDocs topDocs, Set<String> hitFields) throws IOException {
        int n = topDocs.scoreDocs.length;
        Snippet[] snippets = new Snippet[n];
        Document[] stored = new Document[n];
        if (n == 0) {
            return new Page(snippets, stored);
        }
        Set<String> fields = new HashSet<>(hitFields);
        fields.add(Fields.BODY);
        Map<Integer, Document> loaded = new HashMap<>();
        ObjectHighlighter highlighter = new ObjectHighlighter(configured(searcher), searcher.storedFields(), fields, loaded);
        query = bodyOnly(query);
        int[] docIds = new int[n];
        for (int i = 0; i < n; i++) {
            docIds[i] = topDocs.scoreDocs[i].doc;
        }
        try {
            Object[] body = highlighter.objects(new String[] {Fields.BODY}, query, docIds, new int[] {PASSAGES_PER_HIT}).get(Fields.BODY);
            for (int i = 0; i < n; i++) {
                snippets[i] = body[i] instanceof Snippet s ? s : Snippet.EMPTY;
            }
        } catch (RuntimeException e) {
            // a highlighting failure must not lose the hits: show them without snippets and say so in the log
            log.warn("highlighting failed for {}: {}", query, e.toString());
            java.util.Arrays.fill(snippets, Snippet.EMPTY);
        }
        StoredFields storedFields = searcher.storedFields();
        for (int i = 0; i < n; i++) {
            Document d = loaded.get(docIds[i]);
            stored[i] = d != null ? d : storedFields.document(docIds[i], hitFields);
        }
        return new Page(snippets, stored);
    }

    /**
     * The query with each positive part that reads no body text (a title term, a date range) made
     * a match-everything that marks nothing. Only the body is highlighted, and only for hits: such a
     * part did match (or its clause is optional), and computing its matches meant making a postings
     * enum with offsets per hit and term, about a third of the highlighting time. Prohibited parts
     * are kept as they are: there a match-everything would exclude the hit.
     */
    static Query bodyOnly(Query query) {
        if (query instanceof BooleanQuery bool) {
            BooleanQuery.Builder b = new BooleanQuery.Builder().setMinimumNumberShouldMatch(bool.getMinimumNumberShouldMatch());
            for (BooleanClause clause : bool.clauses()) {
                b.add(clause.isProhibited() ? clause.getQuery() : bodyOnly(clause.getQuery()), clause.getOccur());
            }
            return b.build();
        }
        if (query instanceof BoostQuery boost) {
            return new BoostQuery(bodyOnly(boost.getQuery()), boost.getBoost());
        }
        if (query instanceof DisjunctionMaxQuery max) {
            return new DisjunctionMaxQuery(max.getDisjuncts().stream().map(Highlighter::bodyOnly).toList(), max.getTieBreakerMultiplier());
        }
        boolean[] readsBody = {false};
        query.visit(new QueryVisitor() {
            @Override
            public boolean acceptField(String field) {
                readsBody[0] |= field.equals(Fields.BODY);
                return false; // the fields are all this needs to know
            }
        });
        return readsBody[0] ? query : new MatchAllDocsQuery();
    }

    /**
     * Exposes the highlighter's formatter objects (our {@link Snippet}s) rather than strings, reads
     * each document's shown fields while it reads the body, and finds every hit's matches with one
     * Weight (see {@link SharedWeightOffsets}).
     */
    private static final class ObjectHighlighter extends UnifiedHighlighter {
        private final StoredFields storedFields;
        private final Set<String> fields;
        private final Map<Integer, Document> loaded;

        ObjectHighlighter(Builder builder, StoredFields storedFields, Set<String> fields, Map<Integer, Document> loaded) {
            super(builder);
            this.storedFields = storedFields;
            this.fields = fields;
            this.loaded = loaded;
        }

        Map<String, Object[]> objects(String[] fields, Query query, int[] docIds, int[] maxPassages) throws IOException {
            return highlightFieldsAsObjects(fields, query, docIds, maxPassages);
        }

        /** The body is indexed with offsets in every segment: no need to merge all segments' field infos per query to learn it. */
        @Override
        protected OffsetSource getOffsetSource(String field) {
            return field.equals(Fields.BODY) ? OffsetSource.POSTINGS : super.getOffsetSource(field);
        }

        @Override
        protected FieldOffsetStrategy getOffsetStrategy(OffsetSource source, UHComponents components) {
            FieldOffsetStrategy lucene = super.getOffsetStrategy(source, components);
            if (source != OffsetSource.POSTINGS || !components.getHighlightFlags().contains(HighlightFlag.WEIGHT_MATCHES)) {
                return lucene;
            }
            try {
                IndexSearcher searcher = getIndexSearcher();
                Weight weight = searcher.createWeight(searcher.rewrite(components.getQuery()), ScoreMode.COMPLETE_NO_SCORES, 1);
                return new SharedWeightOffsets(components, weight, searcher.getIndexReader().leaves(), lucene);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override
        protected List<CharSequence[]> loadFieldValues(String[] wanted, DocIdSetIterator docIter, int cacheCharsThreshold) throws IOException {
            List<CharSequence[]> values = new ArrayList<>();
            for (int doc = docIter.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docIter.nextDoc()) {
                Document d = storedFields.document(doc, fields);
                loaded.put(doc, d);
                CharSequence[] row = new CharSequence[wanted.length];
                for (int f = 0; f < wanted.length; f++) {
                    String v = d.get(wanted[f]);
                    row[f] = v == null ? "" : v;
                }
                values.add(row);
            }
            return values;
        }
    }

    /**
     * Offsets of a hit's matches from one Weight made for the whole page. Lucene's strategy makes a
     * searcher, rewrites the query and builds a Weight (seeking every term again) for each hit, which
     * was most of the time spent highlighting. Documents of a reader this Weight was not made for
     * (none, as the highlighter is used here) go the Lucene way.
     */
    private static final class SharedWeightOffsets extends FieldOffsetStrategy {
        private final Weight weight;
        private final List<LeafReaderContext> leaves;
        private final FieldOffsetStrategy lucene;

        SharedWeightOffsets(UHComponents components, Weight weight, List<LeafReaderContext> leaves, FieldOffsetStrategy lucene) {
            super(components);
            this.weight = weight;
            this.leaves = leaves;
            this.lucene = lucene;
        }

        @Override
        public UnifiedHighlighter.OffsetSource getOffsetSource() {
            return lucene.getOffsetSource();
        }

        @Override
        public OffsetsEnum getOffsetsEnum(LeafReader reader, int docId, String content) throws IOException {
            LeafReaderContext leaf = null;
            for (LeafReaderContext candidate : leaves) {
                if (candidate.reader() == reader) {
                    leaf = candidate;
                    break;
                }
            }
            if (leaf == null) {
                return lucene.getOffsetsEnum(reader, docId, content);
            }
            Matches matches = weight.matches(leaf, docId);
            if (matches == null) {
                return OffsetsEnum.EMPTY;
            }
            List<OffsetsEnum> enums = new ArrayList<>();
            for (String field : matches) { // as Lucene does: the fields the highlighter's field matcher accepts
                MatchesIterator it = components.getFieldMatcher().test(field) ? matches.getMatches(field) : null;
                if (it != null) {
                    enums.add(new OffsetsEnum.OfMatchesIteratorWithSubs(it));
                }
            }
            return switch (enums.size()) {
                case 0 -> OffsetsEnum.EMPTY;
                case 1 -> enums.get(0);
                default -> new OffsetsEnum.MultiOffsetsEnum(enums);
            };
        }
    }
}
