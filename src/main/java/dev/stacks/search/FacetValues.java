package dev.stacks.search;

import dev.stacks.index.ArchiveSearcher;
import dev.stacks.index.FacetOrdinals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntUnaryOperator;

/**
 * The facet values a search shows, from its {@link FacetTally}: each dimension's top-level values
 * with their counts, labelled and typed.
 */
final class FacetValues {
    private static final int FACET_SIZE = 20;

    private FacetValues() {
    }

    /**
     * The top values of every dimension: counted over the hits, or for a filtered dimension over
     * its sideways documents (the hits as if that dimension's filter were not set).
     */
    static Map<String, List<FacetValue>> of(ArchiveSearcher searcher, FacetTally tally) {
        Map<String, List<FacetValue>> out = new LinkedHashMap<>();
        FacetOrdinals ordinals = searcher.facetOrdinals();
        for (String dim : List.of(ArchiveSearch.DIM_ACTOR, ArchiveSearch.DIM_LOCATION, ArchiveSearch.DIM_DATE, ArchiveSearch.DIM_FORMAT)) {
            if (ordinals == null || !searcher.hasFacet(dim)) {
                out.put(dim, List.of());
                continue;
            }
            out.put(dim, values(searcher, ordinals, dim, tally.counts(dim)));
        }
        return out;
    }

    /**
     * A dimension's top-level values with a count: dates all of them, by date; the others the
     * {@link #FACET_SIZE} most frequent, ties in value order (as Lucene's facet counts give them).
     */
    private static List<FacetValue> values(ArchiveSearcher searcher, FacetOrdinals ordinals, String dim, IntUnaryOperator count) {
        TopOrdinals top = new TopOrdinals(dim.equals(ArchiveSearch.DIM_DATE) ? Integer.MAX_VALUE : FACET_SIZE);
        if (ordinals.hierarchical(dim)) {
            for (var it = ordinals.topLevel(dim); it.hasNext(); ) {
                int ord = it.nextInt();
                top.offer(ord, count.applyAsInt(ord));
            }
        } else {
            FacetOrdinals.Range range = ordinals.range(dim);
            for (int ord = range.start(); ord < range.end(); ord++) {
                top.offer(ord, count.applyAsInt(ord));
            }
        }
        List<FacetValue> values = new ArrayList<>(top.size());
        for (int i = 0; i < top.size(); i++) {
            String label = ordinals.label(top.ord(i));
            int n = top.count(i);
            values.add(switch (dim) {
                case ArchiveSearch.DIM_ACTOR -> new FacetValue(label, searcher.actorType(label), null, n);
                case ArchiveSearch.DIM_LOCATION, ArchiveSearch.DIM_DATE -> new FacetValue(label, null, label, n);
                default -> new FacetValue(label, null, null, n);
            });
        }
        if (dim.equals(ArchiveSearch.DIM_DATE)) {
            values.sort(Comparator.comparing(FacetValue::value));
        }
        return values;
    }

    /**
     * The ordinals with the highest counts, most frequent first, offered in ascending ordinal order
     * (so of equal counts the first offered, the lower ordinal, stays ahead). A dimension can have
     * tens of thousands of values with a count: this keeps a small sorted array instead of sorting them.
     */
    static final class TopOrdinals {
        private final int limit;
        private int[] ords = new int[8];
        private int[] counts = new int[8];
        private int size;

        TopOrdinals(int limit) {
            this.limit = limit;
        }

        void offer(int ord, int count) {
            if (count <= 0 || size == limit && count <= counts[size - 1]) {
                return;
            }
            if (size == ords.length) {
                ords = Arrays.copyOf(ords, size * 2);
                counts = Arrays.copyOf(counts, size * 2);
            }
            int at = size < limit ? size++ : size - 1; // the last one drops out when full
            while (at > 0 && counts[at - 1] < count) {
                ords[at] = ords[at - 1];
                counts[at] = counts[at - 1];
                at--;
            }
            ords[at] = ord;
            counts[at] = count;
        }

        int size() {
            return size;
        }

        int ord(int i) {
            return ords[i];
        }

        int count(int i) {
            return counts[i];
        }
    }
}
