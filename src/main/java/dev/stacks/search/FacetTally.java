package dev.stacks.search;

import dev.stacks.index.FacetOrdinals;
import org.apache.lucene.index.LeafReaderContext;

import java.util.List;
import java.util.function.IntUnaryOperator;

/**
 * The facet counts of one search, counted while its hits are collected: every dimension over the
 * hits, and each filtered dimension over its sideways documents (those failing that dimension's
 * filter only). One tally per share of the documents searched on its own core; the tallies are
 * then added up.
 */
final class FacetTally {
    private final FacetOrdinals ordinals;
    private final List<String> filtered;
    private final FacetOrdinals.Range[] sidewaysRanges;
    private final int[] hits;
    private final int[][] sideways;
    private long total;
    private FacetOrdinals.Leaf leaf;

    /**
     * @param filtered       the filtered dimensions, in the order of their filters
     * @param sidewaysRanges the ordinals of each filtered dimension, in the same order
     */
    FacetTally(FacetOrdinals ordinals, List<String> filtered, FacetOrdinals.Range[] sidewaysRanges) {
        this.ordinals = ordinals;
        this.filtered = filtered;
        this.sidewaysRanges = sidewaysRanges;
        this.hits = new int[ordinals == null ? 0 : ordinals.valueCount()];
        this.sideways = new int[sidewaysRanges.length][];
        for (int i = 0; i < sidewaysRanges.length; i++) {
            sideways[i] = new int[sidewaysRanges[i].size()];
        }
    }

    /** Moves on to a segment; documents given next are of it. */
    void setLeaf(LeafReaderContext context) {
        leaf = ordinals == null ? null : ordinals.leaf(context);
    }

    /** A hit: counted for the total and in every dimension. */
    void hit(int doc) {
        total++;
        if (leaf != null) {
            leaf.countAll(doc, hits);
        }
    }

    /**
     * A document that fails the filter of dimension {@code filter} only: counted for that dimension.
     * (Hits count there too, but are not given here: {@link #sidewaysCount} adds the hits' counts.)
     */
    void sideways(int filter, int doc) {
        if (leaf != null) {
            leaf.countIn(doc, sidewaysRanges[filter], sideways[filter]);
        }
    }

    /** Whether a document that fails the filter of dimension {@code filter} only would count there: it has a value in it. */
    boolean countsSideways(int filter, int doc) {
        return leaf != null && leaf.hasValueIn(doc, sidewaysRanges[filter]);
    }

    /**
     * A dimension's count of each of its values, as a search shows it: over the hits, or for a
     * filtered dimension over its sideways documents (the hits as if its own filter were not set).
     */
    IntUnaryOperator counts(String dim) {
        int filter = filtered.indexOf(dim);
        return filter < 0 ? ord -> hits[ord] : ord -> sidewaysCount(filter, ord);
    }

    long total() {
        return total;
    }

    /** A filtered dimension's sideways count of an ordinal of that dimension: its hits and its near misses. */
    private int sidewaysCount(int filter, int ord) {
        return hits[ord] + sideways[filter][ord - sidewaysRanges[filter].start()];
    }

    /**
     * Fills a filtered dimension's sideways counts from the tally of the same base query without
     * filters: there every base document counted, so those that fail this one filter are its
     * counts less the hits'. Valid when this dimension's filter is the only one.
     */
    void sidewaysFrom(FacetTally unfiltered, int filter) {
        FacetOrdinals.Range range = sidewaysRanges[filter];
        int[] counts = sideways[filter];
        for (int ord = range.start(); ord < range.end(); ord++) {
            counts[ord - range.start()] = unfiltered.hits[ord] - hits[ord];
        }
    }

    /** About the bytes this tally holds (its counts), for a cache's budget. */
    long bytes() {
        long ints = hits.length;
        for (int[] counts : sideways) {
            ints += counts.length;
        }
        return 64 + 4 * ints;
    }

    /** The tallies of several shares in one (the first of them, added to). */
    static FacetTally sum(List<FacetTally> shares) {
        FacetTally sum = shares.get(0);
        for (FacetTally other : shares.subList(1, shares.size())) {
            sum.total += other.total;
            add(sum.hits, other.hits);
            for (int i = 0; i < sum.sideways.length; i++) {
                add(sum.sideways[i], other.sideways[i]);
            }
        }
        return sum;
    }

    private static void add(int[] into, int[] from) {
        for (int i = 0; i < into.length; i++) {
            into[i] += from[i];
        }
    }
}
