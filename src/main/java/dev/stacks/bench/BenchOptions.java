package dev.stacks.bench;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The options every bench takes: where to work and write, how much to repeat, the seed. */
final class BenchOptions {
    static final long DEFAULT_SEED = 20261129L;

    @Option(names = "--work", paramLabel = "DIR",
            description = "Work in DIR (new or empty) and keep it; by default a temporary folder is made and deleted.")
    Path work;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the figures as JSON to FILE.")
    Path json;

    @Option(names = "--quick", description = "One short run of each part (for tests and smoke checks; figures are rough).")
    boolean quick;

    @Option(names = "--runs", paramLabel = "N", description = "Ingest runs, each into a fresh corpus and index (default 3; quick 1).")
    Integer runs;

    @Option(names = "--threads", paramLabel = "N", description = "Ingest and extraction threads (default: one per core).")
    Integer threads;

    @Option(names = "--warmup", paramLabel = "N", description = "Query warm-up rounds, not counted (default 3; quick 1).")
    Integer warmup;

    @Option(names = "--rounds", paramLabel = "N", description = "Measured query rounds; figures are their medians (default 5; quick 1).")
    Integer rounds;

    @Option(names = "--queries", paramLabel = "N", description = "Queries per kind and filter in the mix (default 10; quick 2).")
    Integer queries;

    @Option(names = "--sample", paramLabel = "N", description = "Documents sampled to draw the mix from (default 2000; quick 200).")
    Integer sample;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of every random choice (default: ${DEFAULT-VALUE}).",
            defaultValue = "" + DEFAULT_SEED)
    long seed;

    @Option(names = "--web", paramLabel = "DIR", defaultValue = "web",
            description = "The search page's folder, served as by 'serve' (default: ${DEFAULT-VALUE}).")
    Path web;

    BenchSettings settings() {
        return new BenchSettings(
                or(runs, quick ? 1 : 3),
                or(threads, Runtime.getRuntime().availableProcessors()),
                or(warmup, quick ? 1 : 3),
                or(rounds, quick ? 1 : 5),
                or(queries, quick ? 2 : 10),
                or(sample, quick ? 200 : 2000),
                seed, quick);
    }

    private static int or(Integer value, int defaultValue) {
        return value != null ? value : defaultValue;
    }
}
