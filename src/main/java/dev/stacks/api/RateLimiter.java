package dev.stacks.api;

import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per client address, for writes: {@code perMinute} requests a minute on average,
 * bursts up to {@code burst}. Old buckets are dropped as the map grows so it stays small.
 */
final class RateLimiter {
    private final double perMilli;
    private final int burst;
    private final ConcurrentHashMap<String, double[]> buckets = new ConcurrentHashMap<>();

    /** Bursts of ten seconds' allowance, at least 10 writes but never more than a minute's. */
    static RateLimiter perMinute(int perMinute) {
        return new RateLimiter(perMinute, Math.max(1, Math.min(perMinute, Math.max(10, perMinute / 6))));
    }

    RateLimiter(int perMinute, int burst) {
        this.perMilli = perMinute / 60_000.0;
        this.burst = burst;
    }

    /** True if the client may go ahead; takes one token. */
    boolean tryAcquire(String client) {
        long now = System.currentTimeMillis();
        if (buckets.size() > 10_000) {
            buckets.clear();
        }
        double[] bucket = buckets.computeIfAbsent(client, k -> new double[] {burst, now});
        synchronized (bucket) {
            bucket[0] = Math.min(burst, bucket[0] + (now - bucket[1]) * perMilli);
            bucket[1] = now;
            if (bucket[0] >= 1) {
                bucket[0] -= 1;
                return true;
            }
            return false;
        }
    }
}
