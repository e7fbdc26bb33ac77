package dev.stacks.index;

import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.HashMap;
import java.util.Map;

/**
 * An IndexSearcher with what is built once per reader rather than per query: the facet ordinal
 * state, and the type of every actor name. The SearcherManager makes one per refresh.
 */
public final class ArchiveSearcher extends IndexSearcher {
    private final SortedSetDocValuesReaderState facetState;
    private final FacetOrdinals facetOrdinals;
    private volatile Map<String, String> actorTypes;
    private final java.util.concurrent.ConcurrentHashMap<Object, Object> perReader = new java.util.concurrent.ConcurrentHashMap<>();

    /** Below this many documents a query costs about a millisecond: handing half of it to another thread would cost more than it saves. */
    static final int PARALLEL_FROM_DOCS = 100_000;

    private final int parallelFromDocs;
    /** Whether every segment with bodies has their near pairs (none written before the field was). */
    private final boolean nearPairs;
    private volatile List<List<LeafRange>> perCore;

    ArchiveSearcher(IndexReader reader, Executor executor) throws IOException {
        this(reader, executor, PARALLEL_FROM_DOCS);
    }

    /**
     * @param parallelFromDocs the index size (documents) from which a query's slices of segments
     *                         are searched on the executor's threads; below it, on the caller's
     */
    public ArchiveSearcher(IndexReader reader, Executor executor, int parallelFromDocs) throws IOException {
        super(reader, executor);
        this.parallelFromDocs = parallelFromDocs;
        this.facetState = facetStateOf(reader);
        this.facetOrdinals = facetState == null ? null : FacetOrdinals.of(facetState);
        this.nearPairs = reader.leaves().stream().map(l -> l.reader().getFieldInfos())
                .allMatch(fields -> fields.fieldInfo(Fields.BODY) == null || fields.fieldInfo(Fields.BODY_NEAR) != null);
    }

    /**
     * Lucene's rewrite, after each body phrase is narrowed by its near pairs ({@link NearPairs}):
     * every search, count, facet, timeline and export of this searcher checks a phrase of common
     * words only in the articles that have its words close together. An index with segments
     * written before the pairs (or with another list of common words) is searched as it was,
     * until reindexed.
     */
    @Override
    public Query rewrite(Query original) throws IOException {
        return super.rewrite(nearPairs ? NearPairs.narrowed(original) : original);
    }

    /** Whether body phrases are narrowed by their near pairs (see {@link #rewrite}). */
    public boolean hasNearPairs() {
        return nearPairs;
    }

    /**
     * One slice of segments per core, of about equal size, once the index is large enough for a
     * query to take tens of milliseconds on one core; a small index is one slice, searched on the
     * calling thread. (Lucene's default makes slices of up to 250,000 documents or five segments,
     * more slices than this machine has cores.)
     */
    @Override
    protected LeafSlice[] slices(List<LeafReaderContext> leaves) {
        long docs = leaves.stream().mapToLong(l -> l.reader().maxDoc()).sum();
        if (docs < parallelFromDocs) {
            return leaves.isEmpty() ? new LeafSlice[0] : new LeafSlice[] {new LeafSlice(new ArrayList<>(leaves))};
        }
        return segmentsPerCore(leaves);
    }

    /**
     * The index's documents in one share per core, of equal size, cut inside a segment where a
     * share ends: for a query whose one pass over its matches is costly (a common word's thousands
     * of hits, a near-phrase of common words). Slices of whole segments would leave a core idle
     * while the other finishes the largest segment (a few large merged segments and many small
     * ones is an index's usual shape).
     */
    public List<List<LeafRange>> sharesPerCore() {
        List<List<LeafRange>> shares = perCore;
        if (shares == null) {
            shares = shares(getIndexReader().leaves(), Runtime.getRuntime().availableProcessors());
            perCore = shares;
        }
        return shares;
    }

    /** The leaves' documents, in order, in {@code cores} shares whose sizes differ by one document at most. */
    static List<List<LeafRange>> shares(List<LeafReaderContext> leaves, int cores) {
        long docs = leaves.stream().mapToLong(l -> l.reader().maxDoc()).sum();
        if (docs == 0) {
            return List.of();
        }
        int count = (int) Math.max(1, Math.min(cores, docs));
        List<List<LeafRange>> shares = new ArrayList<>();
        List<LeafRange> share = new ArrayList<>();
        long placed = 0; // documents already in a share
        for (LeafReaderContext leaf : leaves) {
            int maxDoc = leaf.reader().maxDoc();
            int from = 0;
            while (from < maxDoc) {
                long end = docs * (shares.size() + 1) / count; // where the current share ends, in the whole index
                int to = (int) Math.min(maxDoc, from + (end - placed));
                share.add(new LeafRange(leaf, from, to));
                placed += to - from;
                from = to;
                if (placed == end && shares.size() < count - 1) {
                    shares.add(List.copyOf(share));
                    share = new ArrayList<>();
                }
            }
        }
        shares.add(List.copyOf(share));
        return List.copyOf(shares);
    }

    /** Lucene's own searches on a large index: whole segments, largest first into the emptiest slice. */
    private static LeafSlice[] segmentsPerCore(List<LeafReaderContext> leaves) {
        int cores = Runtime.getRuntime().availableProcessors();
        if (cores < 2 || leaves.size() < 2) {
            return leaves.isEmpty() ? new LeafSlice[0] : new LeafSlice[] {new LeafSlice(new ArrayList<>(leaves))};
        }
        List<List<LeafReaderContext>> groups = new ArrayList<>();
        long[] sizes = new long[Math.min(cores, leaves.size())];
        for (int i = 0; i < sizes.length; i++) {
            groups.add(new ArrayList<>());
        }
        List<LeafReaderContext> bySize = new ArrayList<>(leaves);
        bySize.sort(Comparator.comparingInt((LeafReaderContext l) -> l.reader().maxDoc()).reversed());
        for (LeafReaderContext leaf : bySize) { // largest first into the emptiest slice
            int smallest = 0;
            for (int i = 1; i < sizes.length; i++) {
                if (sizes[i] < sizes[smallest]) {
                    smallest = i;
                }
            }
            groups.get(smallest).add(leaf);
            sizes[smallest] += leaf.reader().maxDoc();
        }
        return groups.stream().map(LeafSlice::new).toArray(LeafSlice[]::new);
    }

    private static SortedSetDocValuesReaderState facetStateOf(IndexReader reader) throws IOException {
        try {
            return new DefaultSortedSetDocValuesReaderState(reader, DocumentMapper.facetsConfig());
        } catch (IllegalArgumentException e) {
            return null; // an empty index has no facet field yet
        }
    }

    /** The facet state of this reader, or null while the index holds no document. */
    public SortedSetDocValuesReaderState facetState() {
        return facetState;
    }

    /** Every document's facet ordinals, for counting; null while the index holds no document. */
    public FacetOrdinals facetOrdinals() {
        return facetOrdinals;
    }

    /**
     * A value computed once for this reader (such as the number of documents per month, which
     * every timeline divides by) and reused by every query until the next refresh.
     */
    @SuppressWarnings("unchecked")
    public <T> T cached(Object key, java.util.function.Function<ArchiveSearcher, T> compute) {
        return (T) perReader.computeIfAbsent(key, k -> compute.apply(this));
    }

    /** Whether any document has a value in this facet dimension (counting a missing one fails). */
    public boolean hasFacet(String dim) {
        if (facetState == null) {
            return false;
        }
        for (String d : facetState.getDims()) {
            if (d.equals(dim)) {
                return true;
            }
        }
        return false;
    }

    /** "person" or "organisation" for an actor name; built lazily, once per reader. */
    public String actorType(String name) {
        Map<String, String> types = actorTypes;
        if (types == null) {
            types = loadActorTypes();
            actorTypes = types;
        }
        return types.getOrDefault(name, "person");
    }

    private Map<String, String> loadActorTypes() {
        try {
            Terms terms = MultiTerms.getTerms(getIndexReader(), Fields.ACTOR_TYPED);
            if (terms == null) {
                return Collections.emptyMap();
            }
            Map<String, String> types = new HashMap<>();
            TermsEnum it = terms.iterator();
            for (BytesRef term; (term = it.next()) != null; ) {
                String s = term.utf8ToString();
                int bar = s.indexOf('|');
                // a name typed both ways keeps the first seen; organisations sort first ("organisation" < "person")
                types.putIfAbsent(s.substring(bar + 1), s.substring(0, bar));
            }
            return types;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
