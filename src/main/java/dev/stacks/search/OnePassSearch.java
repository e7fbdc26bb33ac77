package dev.stacks.search;

import dev.stacks.index.ArchiveSearcher;
import dev.stacks.index.FacetOrdinals;
import dev.stacks.index.LeafRange;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BulkScorer;
import org.apache.lucene.search.CollectionTerminatedException;
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
import org.apache.lucene.search.TotalHits;
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
 *
 * <p>A costly search's counts are kept in the reader's {@link CountCache}: the same search again
 * (another page, another sort) then looks for its top hits alone, and the same search with one
 * filter more passes over its hits alone.
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
     * @param counts  the reader's counts of earlier searches, to reuse and to add to; or null
     */
    static Result search(ArchiveSearcher searcher, Query base, Map<String, Query> filters,
                         FieldDoc after, int want, Sort sort, boolean scored, CountCache counts) throws IOException {
        ScoreMode mode = scored ? ScoreMode.COMPLETE : ScoreMode.COMPLETE_NO_SCORES;
        Query rewritten = searcher.rewrite(base);
        Weight baseWeight = searcher.createWeight(rewritten, mode, 1f);
        boolean costly = costly(baseWeight, searcher.getIndexReader().leaves());
        if (counts == null || !counts.keeps(costly)) {
            return onePass(searcher, baseWeight, costly, filters, after, want, sort, scored, searcher.facetOrdinals());
        }
        CountCache.Key key = new CountCache.Key(rewritten, filters);
        FacetTally known = counts.get(key);
        if (known != null) { // the same search again: another page or sort
            return new Result(topHits(searcher, ArchiveSearch.withFilters(rewritten, filters, null), costly, after, want, sort, scored,
                    known.total()), known);
        }
        FacetTally unfiltered = filters.size() == 1 ? counts.get(new CountCache.Key(rewritten, Map.of())) : null;
        Result result = unfiltered == null
                ? onePass(searcher, baseWeight, costly, filters, after, want, sort, scored, searcher.facetOrdinals())
                : narrowed(searcher, rewritten, filters, unfiltered, after, want, sort, scored);
        counts.put(key, result.facets());
        return result;
    }

    /**
     * A search's counts alone (a filter box's values): the kept ones when the reader has them, else
     * counted in one pass, and kept when the search is costly, as {@link #search} does.
     */
    static FacetTally counts(ArchiveSearcher searcher, Query base, Map<String, Query> filters, CountCache counts) throws IOException {
        Query rewritten = searcher.rewrite(base);
        FacetTally known = counts.get(new CountCache.Key(rewritten, filters));
        return known != null ? known : search(searcher, rewritten, filters, null, 1, Sort.INDEXORDER, false, counts).facets();
    }

    /**
     * One dimension's counts alone, at every depth of its paths ({@link FacetOrdinals#everyDepth}),
     * for a place's or a period's children: sideways when the dimension is filtered, as with a
     * search. Never kept: the reader's kept counts are of the top level.
     */
    static FacetTally countEveryDepth(ArchiveSearcher searcher, Query base, Map<String, Query> filters, String dim) throws IOException {
        Weight weight = searcher.createWeight(searcher.rewrite(base), ScoreMode.COMPLETE_NO_SCORES, 1f);
        boolean costly = costly(weight, searcher.getIndexReader().leaves());
        return onePass(searcher, weight, costly, filters, null, 1, Sort.INDEXORDER, false, searcher.facetOrdinals().everyDepth(dim)).facets();
    }

    /** The one pass over the base query's documents: the hits pass every filter; the others count sideways. */
    private static Result onePass(ArchiveSearcher searcher, Weight baseWeight, boolean costly, Map<String, Query> filters,
                                  FieldDoc after, int want, Sort sort, boolean scored, FacetOrdinals ordinals) throws IOException {
        List<String> dims = List.copyOf(filters.keySet());
        Weight[] filterWeights = new Weight[dims.size()];
        for (int i = 0; i < dims.size(); i++) {
            filterWeights[i] = searcher.createWeight(searcher.rewrite(filters.get(dims.get(i))), ScoreMode.COMPLETE_NO_SCORES, 1f);
        }
        return pass(searcher, baseWeight, costly, dims, filterWeights, after, want, sort, scored, ordinals);
    }

    /**
     * A search with one filter whose base query's unfiltered counts are known: one pass over the
     * hits only (the filter leads), the filtered dimension's sideways counts taken from the known
     * ones. A researcher's click on a facet value of a costly search costs what its hits cost.
     */
    private static Result narrowed(ArchiveSearcher searcher, Query base, Map<String, Query> filters, FacetTally unfiltered,
                                   FieldDoc after, int want, Sort sort, boolean scored) throws IOException {
        Query hits = searcher.rewrite(ArchiveSearch.withFilters(base, filters, null));
        Weight weight = searcher.createWeight(hits, scored ? ScoreMode.COMPLETE : ScoreMode.COMPLETE_NO_SCORES, 1f);
        Result result = pass(searcher, weight, costly(weight, searcher.getIndexReader().leaves()), List.copyOf(filters.keySet()),
                new Weight[0], after, want, sort, scored, searcher.facetOrdinals());
        result.facets().sidewaysFrom(unfiltered, 0);
        return result;
    }

    /**
     * The top hits alone, their total known: Lucene may then skip documents that cannot make the
     * top (by their scores' upper bounds, or by the sort field's points).
     */
    private static TopFieldDocs topHits(ArchiveSearcher searcher, Query query, boolean costly, FieldDoc after, int want, Sort sort,
                                        boolean scored, long total) throws IOException {
        List<List<LeafRange>> shares = shares(searcher, costly);
        int numHits = numHits(searcher, want);
        TopFieldCollectorManager manager = new TopFieldCollectorManager(sort, numHits, after, numHits, shares.size() > 1);
        List<TopFieldCollector> collectors = new ArrayList<>(shares.size());
        for (int i = 0; i < shares.size(); i++) {
            collectors.add(manager.newCollector()); // here: the manager is not for concurrent use
        }
        Weight weight = searcher.createWeight(searcher.rewrite(query), collectors.get(0).scoreMode(), 1f);
        List<Callable<TopFieldCollector>> tasks = new ArrayList<>(shares.size());
        for (int i = 0; i < shares.size(); i++) {
            List<LeafRange> share = shares.get(i);
            TopFieldCollector top = collectors.get(i);
            tasks.add(() -> {
                for (LeafRange range : share) {
                    LeafCollector leaf;
                    try {
                        leaf = top.getLeafCollector(range.leaf());
                    } catch (CollectionTerminatedException nothingWanted) {
                        continue; // the collector has all it needs from this segment (index order), as IndexSearcher allows
                    }
                    score(weight, range, leaf);
                    leaf.finish();
                }
                return top;
            });
        }
        TopFieldDocs top = manager.reduce(searcher.getTaskExecutor().invokeAll(tasks));
        TopFieldDocs topDocs = new TopFieldDocs(new TotalHits(total, TotalHits.Relation.EQUAL_TO), top.scoreDocs, top.fields);
        if (scored) {
            scoresFromSortValues(topDocs, sort);
        }
        return topDocs;
    }

    /** How many top hits a collector keeps: those wanted, at least one, at most every document. */
    private static int numHits(ArchiveSearcher searcher, int want) {
        return Math.min(Math.max(want, 1), Math.max(1, searcher.getIndexReader().maxDoc()));
    }

    /** Gives a collector every document of a range that the weight's bulk scorer matches, until the collector has enough. */
    private static void score(Weight weight, LeafRange range, LeafCollector collector) throws IOException {
        BulkScorer scorer = weight.bulkScorer(range.leaf());
        if (scorer != null) {
            try {
                scorer.score(collector, range.leaf().reader().getLiveDocs(), range.from(), range.to());
            } catch (CollectionTerminatedException enough) {
                // the rest of this range cannot compete
            }
        }
    }

    /**
     * The documents in one share per core when the index is large or the query costly (worth a
     * second core even on a small index), else in one share; an empty index is one empty share.
     */
    private static List<List<LeafRange>> shares(ArchiveSearcher searcher, boolean costly) {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        List<List<LeafRange>> shares = searcher.getSlices().length > 1 || costly
                ? searcher.sharesPerCore()
                : List.of(leaves.stream().map(LeafRange::of).toList());
        return shares.isEmpty() ? List.of(List.of()) : shares;
    }

    /**
     * @param dims          the filtered dimensions, whose sideways counts the tally keeps
     * @param filterWeights their filters, in the same order; or none, when the weight's query has them already
     * @param ordinals      what the tally counts: the reader's top-level ordinals, or one dimension's at {@linkplain FacetOrdinals#everyDepth every depth}
     */
    private static Result pass(ArchiveSearcher searcher, Weight baseWeight, boolean costly, List<String> dims, Weight[] filterWeights,
                               FieldDoc after, int want, Sort sort, boolean scored, FacetOrdinals ordinals) throws IOException {
        List<List<LeafRange>> shares = shares(searcher, costly);
        TopFieldCollectorManager topManager = new TopFieldCollectorManager(sort, numHits(searcher, want), after, Integer.MAX_VALUE,
                shares.size() > 1);
        FacetOrdinals.Range[] ranges = new FacetOrdinals.Range[dims.size()];
        for (int i = 0; i < dims.size(); i++) {
            ranges[i] = ordinals == null ? new FacetOrdinals.Range(0, 0) : ordinals.range(dims.get(i));
        }

        // one task per share of the documents, each with its own collectors (Lucene runs a lone task on the caller)
        List<Callable<ShareHits>> tasks = new ArrayList<>(shares.size());
        for (List<LeafRange> share : shares) {
            TopFieldCollector top = topManager.newCollector(); // here: the manager is not for concurrent use
            tasks.add(() -> searchShare(share, top, new FacetTally(ordinals, dims, ranges), baseWeight, filterWeights));
        }
        List<ShareHits> perShare = searcher.getTaskExecutor().invokeAll(tasks);
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
     * than it saves, and their counts are not kept ({@link CountCache}): counting them again is cheap.
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
                score(baseWeight, range, new Hits(topLeaf, facets));
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

    /**
     * The filters are asked first, on the base query's approximation (a phrase's documents with all
     * its words): a document is then matched exactly (a phrase's positions read) only if it can
     * count, as a hit or sideways in a dimension where it has a value.
     */
    private static void collect(LeafRange range, Scorer scorer, Weight[] filterWeights, LeafCollector topLeaf,
                                FacetTally facets) throws IOException {
        LeafReaderContext leaf = range.leaf();
        TwoPhaseIterator exact = scorer.twoPhaseIterator();
        DocIdSetIterator docs = exact == null ? scorer.iterator() : exact.approximation();
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
                if (facets.countsSideways(failed, doc) && (exact == null || exact.matches())) {
                    facets.sideways(failed, doc);
                }
                continue;
            }
            if (exact != null && !exact.matches()) {
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
