package dev.stacks.bench;

import dev.stacks.bench.BenchReport.Enrichment;
import dev.stacks.enrich.Enricher;
import dev.stacks.enrich.Source;
import dev.stacks.extract.Extraction;
import dev.stacks.extract.Formats;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;

/**
 * The enricher alone, on the calling thread, over texts already extracted: the thread's CPU
 * milliseconds per 1,000 words (whitespace-separated), the median of three timed passes after a
 * warm-up pass. Each timed pass repeats the sample until it has used enough CPU time to be
 * measured, within a bound on the repeats.
 */
final class EnrichmentBench {
    private static final int TIMED_PASSES = 3;
    private static final int MAX_REPEATS = 200;

    private final Enricher enricher;
    private final long minNanosPerPass;

    EnrichmentBench(Enricher enricher, boolean quick) {
        this.enricher = enricher;
        this.minNanosPerPass = quick ? 50_000_000L : 2_000_000_000L;
    }

    Enrichment measure(List<Extraction> sample) {
        if (sample.isEmpty()) {
            return new Enrichment(0, 0, 0, 0, List.of());
        }
        long words = 0;
        List<Source> sources = new ArrayList<>(sample.size());
        for (int i = 0; i < sample.size(); i++) {
            Extraction e = sample.get(i);
            words += words(e.text());
            String hash = String.format("%064x", i);
            sources.add(new Source("bench-" + i, e.contentType(), Formats.of(e.contentType()), hash, e.text().length()));
        }
        enrichAll(sample, sources);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<Double> runs = new ArrayList<>();
        List<Double> wall = new ArrayList<>();
        for (int pass = 0; pass < TIMED_PASSES; pass++) {
            IngestBench.quiesce();
            long cpu = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            int repeats = 0;
            do {
                enrichAll(sample, sources);
                repeats++;
            } while (threads.getCurrentThreadCpuTime() - cpu < minNanosPerPass && repeats < MAX_REPEATS);
            double thousands = repeats * (double) words / 1000;
            runs.add((threads.getCurrentThreadCpuTime() - cpu) / 1e6 / thousands);
            wall.add((System.nanoTime() - start) / 1e6 / thousands);
        }
        return new Enrichment(sample.size(), words,
                Latencies.median(runs.stream().mapToDouble(Double::doubleValue).toArray()),
                Latencies.median(wall.stream().mapToDouble(Double::doubleValue).toArray()), runs);
    }

    private void enrichAll(List<Extraction> sample, List<Source> sources) {
        for (int i = 0; i < sample.size(); i++) {
            Source s = sources.get(i);
            if (enricher.enrich(s.sha256().substring(48), sample.get(i), s) == null) {
                throw new IllegalStateException("the enricher returned no article for " + s.name());
            }
        }
    }

    static long words(String text) {
        long n = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            boolean space = Character.isWhitespace(text.charAt(i));
            if (!space && !inWord) {
                n++;
            }
            inWord = !space;
        }
        return n;
    }
}
