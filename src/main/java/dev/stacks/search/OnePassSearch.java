package dev.stacks.search;

import dev.stacks.index.ArchiveSearcher;
import dev.stacks.index.FacetOrdinals;
import dev.stacks.index.LeafRange;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BulkScorer;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * A search's top hits, its total and its facet counts in one pass over the unfiltered query. A
 * document of the base query that passes every filter is a hit and counts in every dimension; one
 * that fails exactly one dimension's filter counts for that dimension only, as if its filter were
 * not set (Lucene's drill-sideways rule), instead of one more search per filtered dimension.
 * Lucene's {@code DrillSideways} does the same, but not with our sort and search-after; and its
 * facet counts decode every hit's doc values again after the search, where {@link FacetTally}
 * counts from {@link FacetOrdinals}' arrays as each hit is collected.
 */
final class OnePassSearch {
    /**
     * @param topDocs the top hits passing every filter, with their scores when sorted by relevance
     * @param facets  the counts: every dimension over the hits, a filtered one over its sideways documents
     */
    record Result(TopFieldDocs topDocs, FacetTally facets) {
    }

    /** See {@link #costly}: about a millisecond of collecting and counting on one core here. */
    static final long COSTLY_DOCS = 5_000;

    private OnePassSearch() {
    }

    /**
     * @param base    the query without filters; its scores are the hits' scores (filters do not score)
     * @param filters one non-scoring filter per dimension, possibly none
     * @param scored  whether the sort needs scores, and the returned top docs carry them
     */
    static Result search(ArchiveSearcher searcher, Query base, Map<String, Query> filters,
                         FieldDoc after, int want, Sort sort, boolean scored) throws IOException {
        int maxDoc = Math.max(1, searcher.getIndexReader().maxDoc());
        ScoreMode mode = scored ? ScoreMode.COMPLETE : ScoreMode.COMPLETE_NO_SCORES;
        Weight baseWeight = searcher.createWeight(searcher.rewrite(base), mode, 1f);
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        List<List<LeafRange>> shares = searcher.getSlices().length > 1 || costly(baseWeight, leaves)
                ? searcher.sharesPerCore() // a large index, or a costly query worth a second core even on a small one
                : List.of(leaves.stream().map(LeafRange::of).toList());
        TopFieldCollectorManager topManager = new TopFieldCollectorManager(sort, Math.min(Math.max(want, 1), maxDoc), after,
                Integer.MAX_VALUE, shares.size() > 1);
        List<String> dims = List.copyOf(filters.keySet());
        Weight[] filterWeights = new Weight[dims.size()];
        FacetOrdinals ordinals = searcher.facetOrdinals();
        FacetOrdinals.Range[] ranges = new FacetOrdinals.Range[dims.size()];
        for (int i = 0; i < dims.size(); i++) {
            filterWeights[i] = searcher.createWeight(searcher.rewrite(filters.get(dims.get(i))), ScoreMode.COMPLETE_NO_SCORES, 1f);
            ranges[i] = ordinals == null ? new FacetOrdinals.Range(0, 0) : ordinals.range(dims.get(i));
        }

        // one task per share of the documents (several only when worth a second core), each with its own collectors
        List<ShareHits> perShare;
        if (shares.size() <= 1) {
            List<LeafRange> all = shares.isEmpty() ? List.of() : shares.get(0); // an empty index: no range, empty results
            perShare = List.of(searchShare(all, topManager.newCollector(), new FacetTally(ordinals, dims, ranges), baseWeight, filterWeights));
        } else {
            List<Callable<ShareHits>> tasks = new ArrayList<>(shares.size());
            for (List<LeafRange> share : shares) {
                TopFieldCollector top = topManager.newCollector(); // here: the manager is not for concurrent use
                tasks.add(() -> searchShare(share, top, new FacetTally(ordinals, dims, ranges), baseWeight, filterWeights));
            }
            perShare = searcher.getTaskExecutor().invokeAll(tasks);
        }
        TopFieldDocs topDocs = topManager.reduce(perShare.stream().map(ShareHits::top).toList());
        if (scored) {
            scoresFromSortValues(topDocs, sort);
        }
        return new Result(topDocs, FacetTally.sum(perShare.stream().map(ShareHits::facets).toList()));
    }

    /**
     * Whether the base query may match so many documents ({@link #COSTLY_DOCS} by its scorers' own
     * estimate) that collecting and counting them takes milliseconds: a common word, a phrase of
     * common words. Cheaper queries stay on the calling thread, where a hand-off would cost more
     * than it saves.
     */
    private static boolean costly(Weight weight, List<LeafReaderContext> leaves) throws IOException {
        if (leaves.stream().mapToLong(l -> l.reader().maxDoc()).sum() < COSTLY_DOCS) {
            return false; // a small archive is never costly: no scorer estimates
        }
        long cost = 0;
        for (LeafReaderContext leaf : leaves) {
            ScorerSupplier supplier = weight.scorerSupplier(leaf);
            cost += supplier == null ? 0 : supplier.cost();
            if (cost >= COSTLY_DOCS) {
                return true;
            }
        }
        return false;
    }

    /**
     * A relevance sort's first value is the hit's score, as the scorer gave it: the same score
     * Lucene would compute again for the filtered query, whose filters add nothing to it.
     */
    private static void scoresFromSortValues(TopFieldDocs topDocs, Sort sort) {
        if (sort.getSort()[0].getType() != SortField.Type.SCORE) {
            throw new IllegalArgumentException("a scored search sorts by relevance first: " + sort);
        }
        for (ScoreDoc hit : topDocs.scoreDocs) {
            hit.score = (Float) ((FieldDoc) hit).fields[0];
        }
    }

    /** What one share of the documents collected: its top hits and its facet counts. */
    private record ShareHits(TopFieldCollector top, FacetTally facets) {
    }

    private static ShareHits searchShare(List<LeafRange> share, TopFieldCollector top, FacetTally facets,
                                         Weight baseWeight, Weight[] filterWeights) throws IOException {
        for (LeafRange range : share) {
            LeafReaderContext leaf = range.leaf();
            LeafCollector topLeaf = top.getLeafCollector(leaf);
            facets.setLeaf(leaf);
            if (filterWeights.length == 0) {
                BulkScorer scorer = baseWeight.bulkScorer(leaf);
                if (scorer != null) {
                    scorer.score(new Hits(topLeaf, facets), leaf.reader().getLiveDocs(), range.from(), range.to());
                }
            } else {
                Scorer scorer = baseWeight.scorer(leaf);
                if (scorer != null) {
                    collect(range, scorer, filterWeights, topLeaf, facets);
                }
            }
            topLeaf.finish();
        }
        return new ShareHits(top, facets);
    }

    /** Every document the bulk scorer gives is a hit (no filter to test). */
    private record Hits(LeafCollector top, FacetTally facets) implements LeafCollector {
        @Override
        public void setScorer(Scorable scorer) throws IOException {
            top.setScorer(scorer);
        }

        @Override
        public void collect(int doc) throws IOException {
            top.collect(doc);
            facets.hit(doc);
        }
    }

    private static void collect(LeafRange range, Scorer scorer, Weight[] filterWeights, LeafCollector topLeaf,
                                FacetTally facets) throws IOException {
        LeafReaderContext leaf = range.leaf();
        DocIdSetIterator docs = scorer.iterator();
        Filter[] filters = new Filter[filterWeights.length];
        for (int i = 0; i < filters.length; i++) {
            filters[i] = Filter.of(filterWeights[i], leaf, docs.cost());
        }
        topLeaf.setScorer(scorer);
        Bits live = leaf.reader().getLiveDocs();
        for (int doc = docs.advance(range.from()); doc < range.to(); doc = docs.nextDoc()) {
            if (live != null && !live.get(doc)) {
                continue;
            }
            int failed = -1;
            boolean twice = false;
            for (int i = 0; i < filters.length; i++) {
                if (!filters[i].matches(doc)) {
                    if (failed >= 0) {
                        twice = true;
                        break;
                    }
                    failed = i;
                }
            }
            if (twice) {
                continue;
            }
            if (failed >= 0) {
                facets.sideways(failed, doc);
                continue;
            }
            topLeaf.collect(doc); // a hit also counts sideways in every filtered dimension: the tally adds its counts there
            facets.hit(doc);
        }
    }

    /** One dimension's filter on one segment, asked about documents in increasing order. */
    private record Filter(DocIdSetIterator approximation, TwoPhaseIterator twoPhase) {
        /** @param leadCost how many documents the base query will ask about (a date range then reads doc values) */
        static Filter of(Weight weight, LeafReaderContext leaf, long leadCost) throws IOException {
            ScorerSupplier supplier = weight.scorerSupplier(leaf);
            if (supplier == null) {
                return new Filter(DocIdSetIterator.empty(), null);
            }
            Scorer scorer = supplier.get(leadCost);
            TwoPhaseIterator twoPhase = scorer.twoPhaseIterator();
            return new Filter(twoPhase == null ? scorer.iterator() : twoPhase.approximation(), twoPhase);
        }

        boolean matches(int doc) throws IOException {
            int at = approximation.docID();
            if (at < doc) {
                at = approximation.advance(doc);
            }
            return at == doc && (twoPhase == null || twoPhase.matches());
        }
    }
}
