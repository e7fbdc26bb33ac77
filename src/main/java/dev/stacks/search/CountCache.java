package dev.stacks.search;

import org.apache.lucene.search.Query;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The totals and facet counts of one index reader's recent costly searches, so that a
 * researcher's usual next step does not match and count the same documents again: the next page,
 * another sort order, or one facet value clicked (its sideways counts are the unfiltered search's
 * counts less the new hits'). Only the top hits are then searched for, which Lucene does without
 * visiting every match. Solr and Elasticsearch keep such caches too (query result and request
 * caches).
 *
 * <p>One cache per reader ({@link dev.stacks.index.ArchiveSearcher#cached}): an ingest or a delete
 * opens a new reader with an empty cache, so counts are never stale. Bounded by bytes, the least
 * recently used out first.
 */
final class CountCache {
    /** Room for about 350 searches' counts over Reuters ×26 (490,000 articles, 24,000 facet values at 4 bytes). */
    static final long BUDGET_BYTES = 32L << 20;

    /** What a search's counts depend on: its base query and its filters, one per dimension. */
    record Key(Query base, Map<String, Query> filters) {
        Key {
            filters = Map.copyOf(filters);
        }
    }

    private final long budgetBytes;
    private final boolean everyQuery;
    private final LinkedHashMap<Key, FacetTally> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long bytes;
    private long reused;

    /**
     * @param everyQuery keep every search's counts, not only those of costly ones (for tests, whose
     *                   archives are too small for a search to be costly)
     */
    CountCache(long budgetBytes, boolean everyQuery) {
        this.budgetBytes = budgetBytes;
        this.everyQuery = everyQuery;
    }

    /** Whether a search's counts are worth keeping: {@code costly} as {@link OnePassSearch} judges it. */
    boolean keeps(boolean costly) {
        return costly || everyQuery;
    }

    synchronized FacetTally get(Key key) {
        FacetTally tally = entries.get(key);
        reused += tally == null ? 0 : 1;
        return tally;
    }

    /** Keeps a search's tally, which nobody changes any more: it is read by later searches. */
    synchronized void put(Key key, FacetTally tally) {
        long size = tally.bytes();
        if (size > budgetBytes) {
            return;
        }
        FacetTally replaced = entries.put(key, tally);
        bytes += size - (replaced == null ? 0 : replaced.bytes());
        Iterator<FacetTally> eldest = entries.values().iterator();
        while (bytes > budgetBytes) { // the new entry is the youngest and fits alone: it stays
            bytes -= eldest.next().bytes();
            eldest.remove();
        }
    }

    synchronized void clear() {
        entries.clear();
        bytes = 0;
    }

    synchronized int size() {
        return entries.size();
    }

    /** How many times a search found counts here. */
    synchronized long reused() {
        return reused;
    }

    synchronized KeptCounts snapshot() {
        return new KeptCounts(entries.size(), bytes, reused);
    }
}
