package dev.stacks.bench;

import java.util.Arrays;

/**
 * Query latencies of one measured round, in nanoseconds, and the summary the report shows.
 * Percentiles are nearest-rank on the sorted samples: p99 of 280 samples is the 278th.
 */
final class Latencies {
    private long[] nanos = new long[256];
    private int count;
    private int errors;
    private String firstError;

    void add(long elapsedNanos) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = elapsedNanos;
    }

    void error(String description) {
        errors++;
        if (firstError == null) {
            firstError = description;
        }
    }

    /** Adds another client's samples (after the clients have finished). */
    void addAll(Latencies other) {
        for (int i = 0; i < other.count; i++) {
            add(other.nanos[i]);
        }
        errors += other.errors;
        if (firstError == null) {
            firstError = other.firstError;
        }
    }

    int count() {
        return count;
    }

    int errors() {
        return errors;
    }

    String firstError() {
        return firstError;
    }

    /** The round's figures; {@code wallNanos} is the round's elapsed time, for queries per second. */
    Round summarise(long wallNanos) {
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        double mean = count == 0 ? 0 : Arrays.stream(sorted).average().orElse(0) / 1e6;
        return new Round(count, percentile(sorted, 50) / 1e6, percentile(sorted, 99) / 1e6, mean,
                count / Math.max(1e-9, wallNanos / 1e9), errors);
    }

    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
    }

    /** The median of some figures (the mean of the middle two for an even count). */
    static double median(double... values) {
        if (values.length == 0) {
            return 0;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /** One round: how many queries, their p50/p99/mean in milliseconds, queries per second, failures. */
    record Round(int queries, double p50Ms, double p99Ms, double meanMs, double qps, int errors) {
    }
}
