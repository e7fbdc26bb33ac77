package dev.stacks.index;

import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiDocValues;
import org.apache.lucene.index.OrdinalMap;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.LongValues;

import java.io.IOException;
import java.util.Map;
import java.util.PrimitiveIterator;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every document's top-level facet ordinals (an actor, a format, a country, a year: the values a
 * search shows; a place's or a period's children are counted from {@link #everyDepth(String)}) in plain arrays, for
 * counting facets at the speed of array reads. Lucene's counter decodes each hit's sorted-set doc values and maps every segment ordinal
 * through a packed ordinal map, once per query; here that decoding is done once per segment (kept
 * while the segment lives, so a refresh only reads new segments) and the segment-to-global map is
 * one int array per segment of this reader.
 *
 * <p>Global ordinals are those of the reader's {@link SortedSetDocValuesReaderState}: a
 * dimension's values are one contiguous range, as the facet field's terms all start with their
 * dimension's name.
 */
public final class FacetOrdinals {
    /**
     * Per segment core and view (the top level, or one dimension at every depth): the decoded
     * ordinals, shared by every reader that holds the segment, dropped when it closes.
     */
    private static final Map<SegmentView, SegmentOrds> SEGMENTS = new ConcurrentHashMap<>();

    /** Which ordinals of a segment are read: {@code dim} null for every dimension's top level. */
    private record SegmentView(Object core, String dim) {
    }

    private final SortedSetDocValuesReaderState state;
    private final SortedSetDocValues labels;
    private final int valueCount;
    private final SegmentOrds[] segments;
    private final int[][] toGlobal;
    private final Map<String, Range> ranges;
    private final String[] labelCache;
    private final byte[] depthCache;
    /** Per hierarchical dimension, read on first use; this reader's top-level view holds them. */
    private final Map<String, FacetOrdinals> everyDepth;

    /** One segment's ordinals: document d's are {@code ords[docStart[d]]} up to {@code ords[docStart[d + 1]]}, ascending. */
    record SegmentOrds(int[] docStart, int[] ords) {
    }

    /** A dimension's global ordinals, {@code start} inclusive, {@code end} exclusive; empty when the dimension has no value. */
    public record Range(int start, int end) {
        public boolean contains(int ord) {
            return ord >= start && ord < end;
        }

        public int size() {
            return end - start;
        }
    }

    /** One segment as a counter reads it: the document's ordinals, already global. */
    public static final class Leaf {
        private final int[] docStart;
        private final int[] ords;
        private final int[] toGlobal;

        Leaf(SegmentOrds segment, int[] toGlobal) {
            this.docStart = segment.docStart();
            this.ords = segment.ords();
            this.toGlobal = toGlobal;
        }

        /** Adds one to {@code counts[ord]} for each of the document's top-level ordinals. */
        public void countAll(int doc, int[] counts) {
            for (int i = docStart[doc], end = docStart[doc + 1]; i < end; i++) {
                counts[toGlobal[ords[i]]]++;
            }
        }

        /** Whether the document has an ordinal in the range. */
        public boolean hasValueIn(int doc, Range range) {
            for (int i = docStart[doc], last = docStart[doc + 1]; i < last; i++) {
                int ord = toGlobal[ords[i]];
                if (ord >= range.start()) {
                    return ord < range.end(); // a document's ordinals ascend (global ones keep the terms' order)
                }
            }
            return false;
        }

        /** Adds one to {@code counts[ord - range.start]} for each of the document's ordinals in the range. */
        public void countIn(int doc, Range range, int[] counts) {
            int start = range.start();
            int end = range.end();
            for (int i = docStart[doc], last = docStart[doc + 1]; i < last; i++) {
                int ord = toGlobal[ords[i]];
                if (ord >= end) {
                    break; // a document's ordinals ascend (global ones keep the terms' order)
                }
                if (ord >= start) {
                    counts[ord - start]++;
                }
            }
        }
    }

    private FacetOrdinals(SortedSetDocValuesReaderState state, SortedSetDocValues labels, SegmentOrds[] segments, int[][] toGlobal) {
        this.state = state;
        this.labels = labels;
        this.valueCount = (int) labels.getValueCount();
        this.segments = segments;
        this.toGlobal = toGlobal;
        this.ranges = new ConcurrentHashMap<>();
        this.labelCache = new String[valueCount];
        this.depthCache = new byte[valueCount];
        this.everyDepth = new ConcurrentHashMap<>();
    }

    /** The same reader's ordinals of one dimension at every depth: the same global ordinals, labels and ranges, other arrays. */
    private FacetOrdinals(FacetOrdinals topLevel, SegmentOrds[] everyDepth) {
        this.state = topLevel.state;
        this.labels = topLevel.labels;
        this.valueCount = topLevel.valueCount;
        this.segments = everyDepth;
        this.toGlobal = topLevel.toGlobal;
        this.ranges = topLevel.ranges;
        this.labelCache = topLevel.labelCache;
        this.depthCache = topLevel.depthCache;
        this.everyDepth = topLevel.everyDepth;
    }

    /**
     * Every document's ordinals of one dimension at every depth of its paths ("location/Mexico" and
     * "location/Mexico/Jalisco"; a year, its month and its day), for counting a place's or a
     * period's children; no other dimension's. Read when first asked for (per segment, kept while
     * the segment lives, as the top-level ones are).
     */
    public FacetOrdinals everyDepth(String dim) {
        return everyDepth.computeIfAbsent(dim, d -> {
            IndexReader reader = state.getReader();
            SegmentOrds[] all = new SegmentOrds[reader.leaves().size()];
            try {
                for (LeafReaderContext leaf : reader.leaves()) {
                    all[leaf.ord] = segment(leaf.reader(), state.getField(), d);
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return new FacetOrdinals(this, all);
        });
    }

    /** Reads (or finds, for segments already read) every segment's ordinals; built once per reader. */
    static FacetOrdinals of(SortedSetDocValuesReaderState state) throws IOException {
        IndexReader reader = state.getReader();
        SortedSetDocValues global = state.getDocValues();
        OrdinalMap map = global instanceof MultiDocValues.MultiSortedSetDocValues multi ? multi.mapping : null;
        SegmentOrds[] segments = new SegmentOrds[reader.leaves().size()];
        int[][] toGlobal = new int[segments.length][];
        for (LeafReaderContext leaf : reader.leaves()) {
            segments[leaf.ord] = segment(leaf.reader(), state.getField(), null);
            SortedSetDocValues values = leaf.reader().getSortedSetDocValues(state.getField());
            int count = values == null ? 0 : (int) values.getValueCount();
            int[] globals = new int[count];
            LongValues segmentToGlobal = map == null ? null : map.getGlobalOrds(leaf.ord);
            for (int ord = 0; ord < count; ord++) {
                globals[ord] = segmentToGlobal == null ? ord : (int) segmentToGlobal.get(ord);
            }
            toGlobal[leaf.ord] = globals;
        }
        return new FacetOrdinals(state, global, segments, toGlobal);
    }

    /** @param dim null for every dimension's top-level ordinals, else this dimension's at every depth */
    private static SegmentOrds segment(LeafReader reader, String field, String dim) throws IOException {
        var helper = reader.getCoreCacheHelper();
        if (helper == null) {
            return read(reader, field, dim);
        }
        SegmentView view = new SegmentView(helper.getKey(), dim);
        SegmentOrds cached = SEGMENTS.get(view);
        if (cached != null) {
            return cached;
        }
        SegmentOrds read = read(reader, field, dim);
        if (SEGMENTS.putIfAbsent(view, read) == null) {
            helper.addClosedListener(core -> SEGMENTS.remove(view));
        }
        return read;
    }

    private static SegmentOrds read(LeafReader reader, String field, String dim) throws IOException {
        int maxDoc = reader.maxDoc();
        int[] docStart = new int[maxDoc + 1];
        SortedSetDocValues values = reader.getSortedSetDocValues(field);
        if (values == null) {
            return new SegmentOrds(docStart, new int[0]);
        }
        boolean[] kept = dim == null ? topLevel(values) : below(values, dim);
        int[] ords = new int[Math.max(16, maxDoc * 2)];
        int size = 0;
        int next = 0;
        for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
            while (next <= doc) {
                docStart[next++] = size;
            }
            int n = values.docValueCount();
            if (size + n > ords.length) {
                ords = java.util.Arrays.copyOf(ords, Math.max(size + n, ords.length + (ords.length >> 1)));
            }
            for (int i = 0; i < n; i++) {
                int ord = (int) values.nextOrd();
                if (kept[ord]) {
                    ords[size++] = ord;
                }
            }
        }
        while (next <= maxDoc) {
            docStart[next++] = size;
        }
        return new SegmentOrds(docStart, java.util.Arrays.copyOf(ords, size));
    }

    /**
     * Which of a segment's ordinals are a dimension's top-level values ("location/Mexico", not
     * "location/Mexico/Jalisco"): the only ones a search shows, so the only ones counted. A
     * hierarchical value is indexed at every depth; keeping one ordinal in three halves the work.
     * (The facet field's delimiter never occurs escaped-out inside a term.)
     */
    private static boolean[] topLevel(SortedSetDocValues values) throws IOException {
        boolean[] top = new boolean[(int) values.getValueCount()];
        TermsEnum terms = values.termsEnum();
        int ord = 0;
        for (BytesRef term = terms.next(); term != null; term = terms.next()) {
            int delimiters = 0;
            for (int i = term.offset, end = term.offset + term.length; i < end && delimiters < 2; i++) {
                if (term.bytes[i] == FacetsConfig.DELIM_CHAR) {
                    delimiters++;
                }
            }
            top[ord++] = delimiters == 1;
        }
        return top;
    }

    /** Which of a segment's ordinals are a dimension's values, at every depth. */
    private static boolean[] below(SortedSetDocValues values, String dim) throws IOException {
        boolean[] below = new boolean[(int) values.getValueCount()];
        TermsEnum terms = values.termsEnum();
        BytesRef prefix = new BytesRef(dim + FacetsConfig.DELIM_CHAR);
        if (terms.seekCeil(prefix) == TermsEnum.SeekStatus.END) {
            return below;
        }
        for (BytesRef term = terms.term(); term != null && org.apache.lucene.util.StringHelper.startsWith(term, prefix); term = terms.next()) {
            below[(int) terms.ord()] = true;
        }
        return below;
    }

    /** The counter's view of a segment of this reader. */
    public Leaf leaf(LeafReaderContext context) {
        return new Leaf(segments[context.ord], toGlobal[context.ord]);
    }

    /** How many global ordinals there are: the size of a counts array. */
    public int valueCount() {
        return valueCount;
    }

    /** The ordinals of a dimension's values (at every depth, for a hierarchical one). */
    public Range range(String dim) {
        return ranges.computeIfAbsent(dim, d -> {
            try {
                TermsEnum terms = state.getDocValues().termsEnum();
                int start = ceil(terms, d + FacetsConfig.DELIM_CHAR);
                int end = ceil(terms, d + (char) (FacetsConfig.DELIM_CHAR + 1));
                return new Range(start, end);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /**
     * The ordinals below a path of a dimension, at every depth ({@code below("location", "Mexico")}:
     * Mexico's regions and their places); empty when no document has the path.
     */
    public Range below(String dim, String... path) {
        try {
            String parent = FacetsConfig.pathToString(dim, path);
            TermsEnum terms = state.getDocValues().termsEnum();
            return new Range(ceil(terms, parent + FacetsConfig.DELIM_CHAR), ceil(terms, parent + (char) (FacetsConfig.DELIM_CHAR + 1)));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** How deep an ordinal's path goes below its dimension: 1 for location/Mexico, 2 for location/Mexico/Jalisco. */
    public int depth(int ord) {
        int depth = depthCache[ord]; // a benign race, as for labels
        if (depth == 0) {
            depth = path(ord).length - 1;
            depthCache[ord] = (byte) depth;
        }
        return depth;
    }

    private String[] path(int ord) {
        try {
            BytesRef term;
            synchronized (labels) { // a doc-values instance is not for concurrent use
                term = BytesRef.deepCopyOf(labels.lookupOrd(ord));
            }
            return FacetsConfig.stringToPath(term.utf8ToString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private int ceil(TermsEnum terms, String term) throws IOException {
        return switch (terms.seekCeil(new BytesRef(term))) {
            case END -> valueCount;
            case FOUND, NOT_FOUND -> (int) terms.ord();
        };
    }

    /** The ordinals of a hierarchical dimension's top-level values (a location's countries, a date's years). */
    public PrimitiveIterator.OfInt topLevel(String dim) {
        return state.getDimTree(dim).iterator();
    }

    /** Whether the dimension is hierarchical (its top-level values come from {@link #topLevel}). */
    public boolean hierarchical(String dim) {
        return state.getFacetsConfig().getDimConfig(dim).hierarchical;
    }

    /** The last component of an ordinal's path: "Jalisco" for location/Mexico/Jalisco. */
    public String label(int ord) {
        String label = labelCache[ord]; // a benign race: Strings are immutable, and any thread computes the same one
        if (label == null) {
            String[] path = path(ord);
            label = path[path.length - 1];
            labelCache[ord] = label;
        }
        return label;
    }
}
