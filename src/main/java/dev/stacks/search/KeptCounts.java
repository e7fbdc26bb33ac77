package dev.stacks.search;

/**
 * What the current index reader keeps of costly searches' counts (see {@link ArchiveSearch#keptCounts}).
 *
 * @param searches how many searches' counts are kept
 * @param bytes    about the bytes they take
 * @param reused   how many times a search or a filter box has read them since the index last changed
 */
public record KeptCounts(int searches, long bytes, long reused) {
}
