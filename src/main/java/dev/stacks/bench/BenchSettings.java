package dev.stacks.bench;

/**
 * How much a bench repeats: ingest runs (each into a fresh corpus and index), query rounds after
 * warm-up rounds, queries per kind × filter in the mix, the worker threads and the seed that
 * fixes every random choice (sampled documents, the query mix, its order).
 */
record BenchSettings(int runs, int threads, int warmupRounds, int rounds, int queriesPerCombo, int sampleDocs,
                     long seed, boolean quick) {

    BenchSettings {
        if (runs < 1) {
            throw new IllegalArgumentException("--runs must be at least 1, not " + runs);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("--threads must be at least 1, not " + threads);
        }
        if (rounds < 1 || warmupRounds < 0) {
            throw new IllegalArgumentException("--rounds must be at least 1 and --warmup at least 0");
        }
        if (queriesPerCombo < 1) {
            throw new IllegalArgumentException("--queries must be at least 1, not " + queriesPerCombo);
        }
    }
}
