package dev.stacks.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;

/**
 * Warm-up that lasts until the JIT compiler is done, not for a fixed count: on a two-core machine
 * a compiler thread still busy with the search path takes a core from the server and its clients,
 * and figures measured then are of a JVM that no long-running server is in. Rounds repeat until
 * compilation took under {@link #QUIET_SHARE} of the wall time over the last second or more, within
 * a lower and an upper bound on the time spent.
 */
final class JitWarmUp {
    static final double QUIET_SHARE = 0.02;

    private JitWarmUp() {
    }

    /** One round of work to repeat (the whole query mix, say). */
    @FunctionalInterface
    interface Round {
        void run() throws Exception;
    }

    /** What the warm-up took: rounds, seconds, and whether the JIT went quiet before the upper bound. */
    record Outcome(int rounds, double seconds, boolean quiet) {
    }

    static Outcome run(Round round, long minNanos, long maxNanos) throws Exception {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        boolean measurable = jit != null && jit.isCompilationTimeMonitoringSupported();
        long start = System.nanoTime();
        long windowStart = start;
        long windowJitMs = measurable ? jit.getTotalCompilationTime() : 0;
        int rounds = 0;
        while (true) {
            round.run();
            rounds++;
            long now = System.nanoTime();
            if (now - start >= maxNanos) {
                return new Outcome(rounds, (now - start) / 1e9, false);
            }
            if (now - windowStart < 1_000_000_000L) {
                continue;
            }
            long jitMs = measurable ? jit.getTotalCompilationTime() : 0;
            boolean quiet = (jitMs - windowJitMs) * 1e6 < QUIET_SHARE * (now - windowStart);
            if (quiet && now - start >= minNanos) {
                return new Outcome(rounds, (now - start) / 1e9, true);
            }
            windowStart = now;
            windowJitMs = jitMs;
        }
    }
}
