package dev.stacks.index;

import org.apache.lucene.index.LeafReaderContext;

/**
 * A run of one segment's documents, {@code from} inclusive to {@code to} exclusive (segment doc
 * ids): a share of one core's work on a query, so that two cores get equal work even when one
 * segment holds most of the archive.
 */
public record LeafRange(LeafReaderContext leaf, int from, int to) {
    public LeafRange {
        if (from < 0 || to > leaf.reader().maxDoc() || from >= to) {
            throw new IllegalArgumentException("no documents " + from + " to " + to + " in a segment of " + leaf.reader().maxDoc());
        }
    }

    /** The whole segment. */
    public static LeafRange of(LeafReaderContext leaf) {
        return new LeafRange(leaf, 0, leaf.reader().maxDoc());
    }

    public int size() {
        return to - from;
    }
}
