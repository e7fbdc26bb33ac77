package dev.stacks.search;

/**
 * One period of a term-over-time series: the hits in it, all documents in it, and their ratio
 * (so that a busy year of the archive does not look like a busy year for the topic).
 */
public record TimelineBucket(String period, long count, long total, double normalized) {
}
