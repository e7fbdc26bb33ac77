package dev.stacks.search;

import java.util.List;

/** A term-over-time series: its periods' width (never {@link Interval#AUTO}: the one chosen) and its buckets, oldest first. */
public record TimelineSeries(Interval interval, List<TimelineBucket> buckets) {
}
