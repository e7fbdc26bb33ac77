package dev.stacks.bench;

import dev.stacks.app.Archive;
import dev.stacks.app.Enrichers;
import dev.stacks.bench.BenchReport.IngestFigures;
import dev.stacks.bench.BenchReport.Throughput;
import dev.stacks.enrich.Enricher;
import dev.stacks.extract.Extraction;
import dev.stacks.extract.ExtractionLimits;
import dev.stacks.extract.ExtractionStatus;
import dev.stacks.extract.Extractor;
import dev.stacks.ingest.FileFilter;
import dev.stacks.ingest.FileResult;
import dev.stacks.ingest.IngestListener;
import dev.stacks.ingest.IngestReport;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Ingest throughput of one folder: the full pipeline ({@link Archive} into a fresh corpus and index:
 * originals stored, extraction, enrichment, indexing, commit) against extraction alone (the same
 * extractor over the same files on the same number of threads), alternating run by run so that
 * both see the same machine state. The last run's corpus and index are kept for the query bench.
 * Each run opens a new extractor, so forked extraction workers start cold in every run, as they do
 * in a one-off {@code stacks ingest}.
 */
final class IngestBench {
    /** Texts kept from extraction for the enrichment measurement (a deterministic spread over the files). */
    private static final int ENRICHMENT_SAMPLE = 2000;
    /**
     * Warm-up before the measured runs: up to this many files, ingested this many times into fresh
     * archives, so that the JIT has compiled the hot paths. On two cores the compiler needs tens of
     * CPU seconds: measured on the Reuters stories, the full pipeline's CPU time per document falls
     * for three passes (1.67, 1.02, 0.74 ms) and then holds (0.57–0.59). The first pass is timed
     * and reported as the cold figure, what a one-off {@code stacks ingest} of the same files sees.
     */
    private static final int WARMUP_FILES = 20_000;
    private static final int WARMUP_PASSES = 3;

    private final BenchSettings settings;
    private final ExtractionLimits limits = ExtractionLimits.defaults();
    private final Enricher enricher = Enrichers.standard();
    private final PrintStream log;

    IngestBench(BenchSettings settings, PrintStream log) {
        this.settings = settings;
        this.log = log;
    }

    /** What the runs measured, and where the last run left its archive. */
    record Result(IngestFigures figures, Path corpus, Path index) {
    }

    Result run(Path folder, WorkFolder work) throws IOException {
        List<Path> files = FileFilter.defaults().expand(List.of(folder));
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no file to ingest under " + folder);
        }
        long bytes = sizeOf(files);
        log.printf("ingest bench: %,d files, %.1f MB, %d threads, %d runs%n", files.size(), bytes / 1e6, settings.threads(), settings.runs());
        Throughput cold = warmUp(files, bytes, work);
        log.printf("  first pass in a cold JVM (warm-up, not in the medians): full pipeline %,.0f docs/s (%.2f CPU ms/doc)%n",
                cold.docsPerSecond(), cold.cpuMsPerDoc());

        List<Throughput> fullRuns = new ArrayList<>();
        List<Throughput> extractionRuns = new ArrayList<>();
        List<Throughput> tikaRuns = new ArrayList<>();
        List<Double> tails = new ArrayList<>();
        List<Extraction> sample = List.of();
        Map<String, Integer> outcomes = Map.of();
        Path corpus = null;
        Path index = null;
        for (int run = 1; run <= settings.runs(); run++) {
            Path dir = work.fresh("run-" + run);
            corpus = dir.resolve("corpus");
            index = dir.resolve("index");

            ExtractionRun extraction = extractAll(files, run == 1, work);
            extractionRuns.add(Throughput.of(files.size(), bytes, extraction.nanos, extraction.cpuNanos));
            quiesce();
            tikaRuns.add(plainTika(files, bytes));
            if (run == 1) {
                sample = extraction.kept;
            }

            quiesce();
            IngestReport report;
            long fullNanos;
            long fullCpu;
            try (Archive archive = Archive.open(corpus, index, limits, enricher, settings.threads())) {
                // timed as the ingest command reports it: listing, storing, extracting, enriching, indexing, commit
                AtomicLong lastFileDone = new AtomicLong();
                IngestListener listener = new IngestListener() {
                    @Override
                    public void finished(FileResult result) {
                        lastFileDone.accumulateAndGet(System.nanoTime(), Math::max);
                    }
                };
                long cpu = ProcessCpu.withChildrenNanos();
                long start = System.nanoTime();
                report = archive.ingestor().ingest(List.of(folder), FileFilter.defaults(), listener);
                long end = System.nanoTime();
                fullNanos = end - start;
                fullCpu = ProcessCpu.withChildrenNanos() - cpu;
                tails.add((end - Math.max(start, lastFileDone.get())) / 1e9);
            }
            fullRuns.add(Throughput.of(files.size(), bytes, fullNanos, fullCpu));
            outcomes = new LinkedHashMap<>();
            for (var e : report.counts().entrySet()) {
                outcomes.put(e.getKey().label(), e.getValue());
            }
            Throughput x = extractionRuns.get(run - 1);
            Throughput f = fullRuns.get(run - 1);
            Throughput t = tikaRuns.get(run - 1);
            log.printf("  run %d/%d: extraction alone %,.0f docs/s (%.2f CPU ms/doc), plain Tika %,.0f docs/s (%.2f), full pipeline %,.0f docs/s (%.2f CPU ms/doc): %.1f%% / %.1f%%%n",
                    run, settings.runs(), x.docsPerSecond(), x.cpuMsPerDoc(), t.docsPerSecond(), t.cpuMsPerDoc(), f.docsPerSecond(), f.cpuMsPerDoc(),
                    100 * f.docsPerSecond() / x.docsPerSecond(), 100 * f.docsPerSecond() / t.docsPerSecond());
            if (run < settings.runs()) {
                WorkFolder.delete(dir);
            }
        }
        Throughput full = Throughput.median(fullRuns);
        Throughput alone = Throughput.median(extractionRuns);
        Throughput tika = Throughput.median(tikaRuns);
        BenchReport.Enrichment enrichment = new EnrichmentBench(enricher, settings.quick()).measure(sample);
        log.printf("  enrichment alone: %.3f CPU ms per 1,000 words%n", enrichment.msPer1000Words());
        IngestFigures figures = new IngestFigures(files.size(), bytes, settings.threads(), cold, full, alone, tika,
                full.docsPerSecond() / alone.docsPerSecond(), alone.cpuMsPerDoc() / full.cpuMsPerDoc(),
                full.docsPerSecond() / tika.docsPerSecond(), tika.cpuMsPerDoc() / full.cpuMsPerDoc(),
                Latencies.median(tails.stream().mapToDouble(Double::doubleValue).toArray()), fullRuns, extractionRuns, outcomes, enrichment);
        return new Result(figures, corpus, index);
    }

    /**
     * Compiles the hot paths of both before anything is timed: the files (up to {@link #WARMUP_FILES})
     * through the full pipeline, then extraction alone, {@link #WARMUP_PASSES} times; returns the
     * first pass's full-pipeline throughput.
     */
    private Throughput warmUp(List<Path> files, long bytes, WorkFolder work) throws IOException {
        List<Path> slice = files.subList(0, Math.min(files.size(), settings.quick() ? 50 : WARMUP_FILES));
        long sliceBytes = slice.size() == files.size() ? bytes : sizeOf(slice);
        Throughput cold = null;
        for (int pass = 1; pass <= (settings.quick() ? 1 : WARMUP_PASSES); pass++) {
            Path dir = work.fresh("warm-up");
            long cpu = ProcessCpu.withChildrenNanos();
            long start = System.nanoTime();
            try (Archive archive = Archive.open(dir.resolve("corpus"), dir.resolve("index"), limits, enricher, settings.threads())) {
                archive.ingestor().ingest(slice, FileFilter.defaults(), IngestListener.NONE);
            }
            if (cold == null) {
                cold = Throughput.of(slice.size(), sliceBytes, System.nanoTime() - start, ProcessCpu.withChildrenNanos() - cpu);
            }
            WorkFolder.delete(dir);
            extract(slice, false, work);
        }
        return cold;
    }

    private static long sizeOf(List<Path> files) throws IOException {
        long total = 0;
        for (Path f : files) {
            total += Files.size(f);
        }
        return total;
    }

    private record ExtractionRun(long nanos, long cpuNanos, List<Extraction> kept) {
    }

    private ExtractionRun extractAll(List<Path> files, boolean keep, WorkFolder work) throws IOException {
        quiesce();
        return extract(files, keep, work);
    }

    /**
     * Extracts every file on the bench's threads, as the pipeline's workers would, with the extractor
     * {@link Archive#open} builds (plain text in this process, other formats in forked workers that
     * start on first use); keeps a spread of texts if asked.
     */
    private ExtractionRun extract(List<Path> files, boolean keep, WorkFolder work) throws IOException {
        int stride = Math.max(1, files.size() / ENRICHMENT_SAMPLE);
        Path extractWork = work.fresh("extraction");
        try (Extractor extractor = dev.stacks.app.Archive.newExtractor(limits, extractWork, settings.threads())) {
            List<Extraction> kept = new ArrayList<>();
            // timed before the extractor closes: its worker processes' CPU time counts too
            long[] timing = parallel(files, file -> extractor.extract(file, file.getFileName().toString()), (extraction, i) -> {
                if (keep && i % stride == 0 && extraction.status() == ExtractionStatus.TEXT) {
                    kept.add(extraction);
                }
            });
            return new ExtractionRun(timing[0], timing[1], kept);
        } finally {
            WorkFolder.delete(extractWork);
        }
    }

    /**
     * Tika as a user of tika-app or Tika's own examples runs it: detection and parsing through one
     * AutoDetectParser into a body handler, in this process, without the routing, gates and
     * clean-up that Stacks adds. This is the "Tika extraction alone" of the ingest issue.
     */
    private Throughput plainTika(List<Path> files, long bytes) throws IOException {
        org.apache.tika.parser.AutoDetectParser parser = new org.apache.tika.parser.AutoDetectParser();
        long[] timing = parallel(files, file -> {
            org.apache.tika.metadata.Metadata metadata = new org.apache.tika.metadata.Metadata();
            metadata.set(org.apache.tika.metadata.TikaCoreProperties.RESOURCE_NAME_KEY, file.getFileName().toString());
            org.apache.tika.sax.BodyContentHandler text = new org.apache.tika.sax.BodyContentHandler(-1);
            try (java.io.InputStream in = org.apache.tika.io.TikaInputStream.get(file)) {
                parser.parse(in, text, metadata, new org.apache.tika.parser.ParseContext());
            } catch (Exception e) {
                return null; // a file Tika cannot parse still took its time; Stacks rejects such files too
            }
            return text.toString();
        }, (result, i) -> { });
        return Throughput.of(files.size(), bytes, timing[0], timing[1]);
    }

    private interface FileTask<T> {
        T run(Path file) throws Exception;
    }

    /**
     * Runs a task over every file on the bench's threads and hands each result, in file order, to
     * the sink (results are dropped as they are handed over: a large folder's texts must not pile
     * up). Returns the wall and CPU nanoseconds.
     */
    private <T> long[] parallel(List<Path> files, FileTask<T> task, java.util.function.ObjIntConsumer<T> sink) throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(settings.threads());
        try {
            long cpu = ProcessCpu.withChildrenNanos();
            long start = System.nanoTime();
            List<Future<T>> results = new ArrayList<>(files.size());
            for (Path file : files) {
                results.add(pool.submit(() -> task.run(file)));
            }
            for (int i = 0; i < results.size(); i++) {
                T result = results.get(i).get();
                results.set(i, null);
                sink.accept(result, i);
            }
            return new long[] {System.nanoTime() - start, ProcessCpu.withChildrenNanos() - cpu};
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while extracting", e);
        } catch (ExecutionException e) {
            throw new IOException("extraction failed unexpectedly: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Lets the previous run's garbage go before the next timing starts. */
    static void quiesce() {
        System.gc();
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
