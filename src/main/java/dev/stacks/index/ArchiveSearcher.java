package dev.stacks.index;

import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * An IndexSearcher with what is built once per reader rather than per query: the facet ordinal
 * state, and the type of every actor name. The SearcherManager makes one per refresh.
 */
public final class ArchiveSearcher extends IndexSearcher {
    private final SortedSetDocValuesReaderState facetState;
    private volatile Map<String, String> actorTypes;
    private final java.util.concurrent.ConcurrentHashMap<Object, Object> perReader = new java.util.concurrent.ConcurrentHashMap<>();

    ArchiveSearcher(IndexReader reader) throws IOException {
        super(reader);
        this.facetState = facetStateOf(reader);
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
