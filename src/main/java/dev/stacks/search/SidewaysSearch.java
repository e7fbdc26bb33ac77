package dev.stacks.search;

import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * A filtered search and its drill-sideways facet hits in one pass over the unfiltered query,
 * instead of one more search per filtered dimension. A document of the base query that passes
 * every filter is a hit, and counts for every dimension; one that fails exactly one dimension's
 * filter counts for that dimension only, as if its filter were not set (Lucene's DrillSideways
 * rule). Lucene's {@code DrillSideways} does the same, but not with our sort and search-after
 * through {@code FacetsCollectorManager}'s collectors, so this walks the base query itself.
 */
final class SidewaysSearch {
    /**
     * @param topDocs  the top hits passing every filter, as {@code FacetsCollectorManager.searchAfter} gives them
     * @param hits     the documents passing every filter (the totals and the unfiltered dimensions' counts)
     * @param sideways per filtered dimension, the documents passing every other filter
     */
    record Result(TopFieldDocs topDocs, FacetsCollector hits, Map<String, FacetsCollector> sideways) {
    }

    private SidewaysSearch() {
    }

    /**
     * @param base    the query without filters; its scores are the hits' scores
     * @param filters one non-scoring filter per dimension, at least one
     * @param scored  whether the sort needs scores, and the returned top docs carry them
     * @param query   the base query with every filter, to score the top docs by as Lucene does
     */
    static Result search(IndexSearcher searcher, Query base, Map<String, Query> filters, Query query,
                         FieldDoc after, int want, Sort sort, boolean scored) throws IOException {
        int maxDoc = Math.max(1, searcher.getIndexReader().maxDoc());
        IndexSearcher.LeafSlice[] slices = searcher.getSlices();
        if (slices.length == 0) { // an empty index: one slice of nothing still gives empty results
            slices = new IndexSearcher.LeafSlice[] {new IndexSearcher.LeafSlice(List.of())};
        }
        TopFieldCollectorManager topManager = new TopFieldCollectorManager(sort, Math.min(want, maxDoc), after, Integer.MAX_VALUE, slices.length > 1);
        ScoreMode mode = scored ? ScoreMode.COMPLETE : ScoreMode.COMPLETE_NO_SCORES;
        Weight baseWeight = searcher.createWeight(searcher.rewrite(base), mode, 1f);
        String[] dims = filters.keySet().toArray(String[]::new);
        Weight[] filterWeights = new Weight[dims.length];
        for (int i = 0; i < dims.length; i++) {
            filterWeights[i] = searcher.createWeight(searcher.rewrite(filters.get(dims[i])), ScoreMode.COMPLETE_NO_SCORES, 1f);
        }

        // one task per slice of segments (several only on a large index), each with its own collectors
        List<SliceHits> perSlice;
        if (slices.length == 1) {
            perSlice = List.of(searchSlice(slices[0], topManager.newCollector(), baseWeight, filterWeights));
        } else {
            List<Callable<SliceHits>> tasks = new ArrayList<>(slices.length);
            for (IndexSearcher.LeafSlice slice : slices) {
                tasks.add(() -> searchSlice(slice, topManager.newCollector(), baseWeight, filterWeights));
            }
            perSlice = searcher.getTaskExecutor().invokeAll(tasks);
        }
        FacetsCollectorManager merger = new FacetsCollectorManager();
        FacetsCollector hits = merger.reduce(perSlice.stream().map(SliceHits::hits).toList());
        FacetsCollector[] sideways = new FacetsCollector[dims.length];
        for (int i = 0; i < dims.length; i++) {
            int dim = i;
            sideways[i] = merger.reduce(perSlice.stream().map(h -> h.sideways()[dim]).toList());
        }

        TopFieldDocs topDocs = topManager.reduce(perSlice.stream().map(SliceHits::top).toList());
        if (scored) {
            TopFieldCollector.populateScores(topDocs.scoreDocs, searcher, query);
        }
        Map<String, FacetsCollector> byDim = new LinkedHashMap<>();
        for (int i = 0; i < dims.length; i++) {
            byDim.put(dims[i], sideways[i]);
        }
        return new Result(topDocs, hits, byDim);
    }

    /** What one slice of segments collected: its top hits, its hits, and its sideways hits per dimension. */
    private record SliceHits(TopFieldCollector top, FacetsCollector hits, FacetsCollector[] sideways) {
    }

    private static SliceHits searchSlice(IndexSearcher.LeafSlice slice, TopFieldCollector top, Weight baseWeight,
                                         Weight[] filterWeights) throws IOException {
        FacetsCollector hits = new FacetsCollector();
        FacetsCollector[] sideways = new FacetsCollector[filterWeights.length];
        for (int i = 0; i < sideways.length; i++) {
            sideways[i] = new FacetsCollector();
        }
        for (LeafReaderContext leaf : slice.leaves) {
            LeafCollector topLeaf = top.getLeafCollector(leaf);
            LeafCollector hitsLeaf = hits.getLeafCollector(leaf);
            LeafCollector[] sidewaysLeaf = new LeafCollector[sideways.length];
            for (int i = 0; i < sideways.length; i++) {
                sidewaysLeaf[i] = sideways[i].getLeafCollector(leaf);
            }
            Scorer scorer = baseWeight.scorer(leaf);
            if (scorer != null) {
                collect(leaf, scorer, filterWeights, topLeaf, hitsLeaf, sidewaysLeaf);
            }
            topLeaf.finish();
            hitsLeaf.finish();
            for (LeafCollector l : sidewaysLeaf) {
                l.finish();
            }
        }
        return new SliceHits(top, hits, sideways);
    }

    private static void collect(LeafReaderContext leaf, Scorer scorer, Weight[] filterWeights, LeafCollector topLeaf,
                                LeafCollector hitsLeaf, LeafCollector[] sidewaysLeaf) throws IOException {
        DocIdSetIterator docs = scorer.iterator();
        Filter[] filters = new Filter[filterWeights.length];
        for (int i = 0; i < filters.length; i++) {
            filters[i] = Filter.of(filterWeights[i], leaf, docs.cost());
        }
        topLeaf.setScorer(scorer);
        hitsLeaf.setScorer(scorer);
        for (LeafCollector l : sidewaysLeaf) {
            l.setScorer(scorer);
        }
        Bits live = leaf.reader().getLiveDocs();
        for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
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
                sidewaysLeaf[failed].collect(doc);
                continue;
            }
            topLeaf.collect(doc);
            hitsLeaf.collect(doc);
            for (LeafCollector l : sidewaysLeaf) {
                l.collect(doc);
            }
        }
    }

    /** One dimension's filter on one segment, asked about documents in increasing order. */
    private static final class Filter {
        private final DocIdSetIterator approximation;
        private final TwoPhaseIterator twoPhase;

        private Filter(DocIdSetIterator approximation, TwoPhaseIterator twoPhase) {
            this.approximation = approximation;
            this.twoPhase = twoPhase;
        }

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
