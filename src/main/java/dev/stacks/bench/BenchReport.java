package dev.stacks.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Everything one bench run measured: where, on what, and the figures (medians over repeated runs
 * or rounds). Printed as a compact table and written as JSON with the same names.
 * A part that was not run ({@code conversion}, {@code ingest} or {@code query}) is null.
 */
record BenchReport(String what, Environment environment, BenchSettings settings, Conversion conversion,
                   IngestFigures ingest, QueryFigures query) {

    /**
     * The machine as the bench found it. {@code loadAverage} is the system's one-minute load when the
     * report was made: above the core count, other processes shared the cores and the figures are low.
     */
    record Environment(String java, String collector, int cores, long maxHeapBytes, double loadAverage) {
        static Environment current() {
            return new Environment(System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                    GarbageCollector.name(), Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory(),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    /** The Reuters SGML turned into one file per story ({@code copies} shifted-date copies). */
    record Conversion(String from, int stories, int copies, int files, long bytes, double seconds) {
    }

    /**
     * Files per second and input megabytes (10^6 bytes) per second of one run, or the median of
     * several; and the process's CPU time per file (all threads, GC and JIT included), which other
     * processes on the machine disturb far less than wall time.
     */
    record Throughput(double seconds, double docsPerSecond, double mbPerSecond, double cpuMsPerDoc) {
        static Throughput of(int files, long bytes, long nanos, long cpuNanos) {
            double s = Math.max(1e-9, nanos / 1e9);
            return new Throughput(s, files / s, bytes / 1e6 / s, cpuNanos / 1e6 / files);
        }

        static Throughput median(List<Throughput> runs) {
            return new Throughput(
                    Latencies.median(runs.stream().mapToDouble(Throughput::seconds).toArray()),
                    Latencies.median(runs.stream().mapToDouble(Throughput::docsPerSecond).toArray()),
                    Latencies.median(runs.stream().mapToDouble(Throughput::mbPerSecond).toArray()),
                    Latencies.median(runs.stream().mapToDouble(Throughput::cpuMsPerDoc).toArray()));
        }
    }

    /**
     * The full pipeline against extraction alone, on the same files and threads in the same run;
     * {@code fullToExtraction} is the ratio of their median docs/s, {@code fullToExtractionCpu} the
     * ratio of their CPU time per file (what the wall-time ratio would be with the cores to themselves).
     * {@code commitTailSeconds} is the time from the last file's end to the ingest's return: the final
     * commit, which flushes what is still buffered.
     */
    record IngestFigures(int files, long bytes, int threads, Throughput coldPass, Throughput full, Throughput extractionAlone,
                         Throughput plainTika, double fullToExtraction, double fullToExtractionCpu, double fullToTika, double fullToTikaCpu, double commitTailSeconds, List<Throughput> fullRuns, List<Throughput> extractionRuns,
                         Map<String, Integer> outcomes, Enrichment enrichment) {
    }

    /**
     * The enricher alone on one thread over already extracted texts: the thread's CPU time per 1,000
     * words (what one core spends), and the wall time, which other processes on the machine inflate.
     */
    record Enrichment(int articles, long words, double msPer1000Words, double wallMsPer1000Words, List<Double> runs) {
    }

    /**
     * One way of querying (in-process or HTTP, with some concurrent clients): medians over the measured
     * rounds; {@code cpuMsPerQuery} is the process's CPU time over those rounds per query (over HTTP it
     * includes the bench's own HTTP clients), less disturbed by other processes than the latencies.
     */
    record Latency(String mode, int clients, int rounds, int queries, double p50Ms, double p99Ms, double meanMs,
                   double qps, double cpuMsPerQuery, int errors, String firstError) {
        static Latency of(String mode, int clients, List<Latencies.Round> rounds, double cpuMsPerQuery, int errors,
                          String firstError) {
            return new Latency(mode, clients, rounds.size(), rounds.stream().mapToInt(Latencies.Round::queries).sum(),
                    Latencies.median(rounds.stream().mapToDouble(Latencies.Round::p50Ms).toArray()),
                    Latencies.median(rounds.stream().mapToDouble(Latencies.Round::p99Ms).toArray()),
                    Latencies.median(rounds.stream().mapToDouble(Latencies.Round::meanMs).toArray()),
                    Latencies.median(rounds.stream().mapToDouble(Latencies.Round::qps).toArray()),
                    cpuMsPerQuery, errors, firstError);
        }
    }

    /**
     * The query mix and its latencies. {@code findNothing} lists the queries of the mix without a hit
     * (none is expected: each is drawn from a document it finds); {@code failing} lists the queries
     * that threw, which are left out of the timed mix. {@code p50ByKindMs} and {@code p99ByKindMs} (by kind of query and by
     * filter, "+actor") are in-process with one client, over all
     * measured rounds; {@code heapUsedBytes} is measured after a full GC with the index open and the
     * server running. {@code slowest} names the queries with the highest median latency (in-process,
     * one client), where the tail comes from.
     */
    record QueryFigures(int documents, int mixSize, Map<String, Integer> mix, List<String> findNothing, List<String> failing,
                        List<String> examples,
                        List<Latency> latencies, Map<String, Double> p50ByKindMs, Map<String, Double> p99ByKindMs,
                        Map<String, Double> p99ByKindHttpMs, List<String> slowest, long heapUsedBytes, List<NextStep> nextSteps,
                        TimelineStep timeline, DrillStep drill) {
    }

    /**
     * A researcher's next step after a search (a facet value clicked, the next page), timed in-process
     * with one client: from scratch, and with the search's counts kept from the step before.
     */
    record NextStep(String step, int queries, double scratchP50Ms, double scratchP99Ms, double reusedP50Ms, double reusedP99Ms) {
    }

    /**
     * The timeline the page asks for beside each search, timed in-process with one client: one
     * request with the interval chosen by the server ({@code auto}), and the requests it replaced
     * (years, then months again when the years were too few).
     */
    record TimelineStep(int queries, double autoP50Ms, double autoP99Ms, double yearsThenMonthsP50Ms, double yearsThenMonthsP99Ms) {
    }

    /**
     * Drilling into the page's trees after each search, in-process with one client: the children of
     * the archive's commonest place ({@code place}) and the months of its commonest year.
     */
    record DrillStep(int queries, String place, String year, double placeP50Ms, double placeP99Ms, double yearP50Ms, double yearP99Ms) {
    }

    void print(PrintStream out) {
        out.println();
        out.printf("Stacks bench: %s  (%s, %s, %d cores, load %.1f, max heap %,d MB, seed %d%s)%n", what, environment.java(),
                environment.collector(), environment.cores(), environment.loadAverage(), environment.maxHeapBytes() >> 20, settings.seed(),
                settings.quick() ? ", quick" : "");
        if (conversion != null) {
            out.printf("  converted %,d stories x %d copies -> %,d files, %.1f MB in %.1f s%n", conversion.stories(),
                    conversion.copies(), conversion.files(), conversion.bytes() / 1e6, conversion.seconds());
        }
        if (ingest != null) {
            printIngest(out);
        }
        if (query != null) {
            printQuery(out);
        }
        out.println();
    }

    private void printIngest(PrintStream out) {
        IngestFigures in = ingest;
        out.printf("%nINGEST  %,d files, %.1f MB, %d threads, median of %d runs%n", in.files(), in.bytes() / 1e6,
                in.threads(), in.fullRuns().size());
        out.printf("  %-34s %10s %8s %8s %11s%n", "", "docs/s", "MB/s", "s", "CPU ms/doc");
        row(out, "full pipeline (warm JVM)", in.full());
        row(out, "extraction alone (same run)", in.extractionAlone());
        row(out, "plain Tika alone (same run)", in.plainTika());
        row(out, "full pipeline, first pass (cold)", in.coldPass());
        out.printf("  %-34s %9.1f%%   (by CPU time per doc %.1f%%)%n", "full / extraction alone",
                100 * in.fullToExtraction(), 100 * in.fullToExtractionCpu());
        out.printf("  %-34s %9.1f%%   (target >= 60%%; by CPU time per doc %.1f%%)%n", "full / plain Tika alone",
                100 * in.fullToTika(), 100 * in.fullToTikaCpu());
        out.printf("  %-34s %.2f s%n", "final commit (after the last file)", in.commitTailSeconds());
        out.printf("  %-34s %s%n", "runs, full docs/s", runs(in.fullRuns()));
        out.printf("  %-34s %s%n", "runs, extraction docs/s", runs(in.extractionRuns()));
        out.printf("  %-34s %s%n", "outcomes (last run)", in.outcomes().entrySet().stream()
                .filter(e -> e.getValue() > 0).map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")));
        Enrichment e = in.enrichment();
        if (e != null) {
            out.printf("  %-34s %.3f CPU ms per 1,000 words (1 thread; wall %.3f ms; %,d articles, %,d words)%n",
                    "enrichment alone", e.msPer1000Words(), e.wallMsPer1000Words(), e.articles(), e.words());
        }
    }

    private static void row(PrintStream out, String label, Throughput t) {
        out.printf("  %-34s %10.1f %8.2f %8.2f %11.3f%n", label, t.docsPerSecond(), t.mbPerSecond(), t.seconds(), t.cpuMsPerDoc());
    }

    private static String runs(List<Throughput> runs) {
        return runs.stream().map(t -> String.format("%.0f", t.docsPerSecond())).collect(Collectors.joining(" "));
    }

    private void printQuery(PrintStream out) {
        QueryFigures q = query;
        out.printf("%nQUERIES  %,d documents; mix of %d queries (%s); %d warm-up + %d measured rounds%n",
                q.documents(), q.mixSize(), mixSummary(q.mix()), settings.warmupRounds(), settings.rounds());
        out.printf("  %-34s %8s %8s %8s %9s %11s %7s%n", "", "p50 ms", "p99 ms", "mean ms", "queries/s", "CPU ms/q", "errors");
        for (Latency l : q.latencies()) {
            out.printf("  %-34s %8.2f %8.2f %8.2f %9.1f %11.3f %7d%n", l.mode() + ", " + l.clients() + (l.clients() == 1 ? " client" : " clients"),
                    l.p50Ms(), l.p99Ms(), l.meanMs(), l.qps(), l.cpuMsPerQuery(), l.errors());
            if (l.firstError() != null) {
                out.printf("    first error: %s%n", l.firstError());
            }
        }
        out.printf("  %-34s %s%n", "p50 ms by kind (in-process, 1)", q.p50ByKindMs().entrySet().stream()
                .map(e -> String.format("%s %.2f", e.getKey(), e.getValue())).collect(Collectors.joining(", ")));
        out.printf("  %-34s %s%n", "p99 ms by kind (in-process, 1)", q.p99ByKindMs().entrySet().stream()
                .map(e -> String.format("%s %.2f", e.getKey(), e.getValue())).collect(Collectors.joining(", ")));
        out.printf("  %-34s %s%n", "p99 ms by kind (HTTP, 1)", q.p99ByKindHttpMs().entrySet().stream()
                .map(e -> String.format("%s %.2f", e.getKey(), e.getValue())).collect(Collectors.joining(", ")));
        for (String slow : q.slowest()) {
            out.printf("  %-34s %s%n", "slowest (median ms, in-process, 1)", slow);
        }
        out.printf("  %-34s %,.1f MB%n", "heap used after GC", q.heapUsedBytes() / 1048576.0);
        for (NextStep step : q.nextSteps()) {
            out.printf("  %-34s from scratch p50 %.2f ms, p99 %.2f ms; counts kept: p50 %.2f ms, p99 %.2f ms (%d queries)%n",
                    "next step: " + step.step(), step.scratchP50Ms(), step.scratchP99Ms(), step.reusedP50Ms(), step.reusedP99Ms(),
                    step.queries());
        }
        TimelineStep t = q.timeline();
        out.printf("  %-34s auto p50 %.2f ms, p99 %.2f ms; years then months p50 %.2f ms, p99 %.2f ms (%d queries)%n",
                "timeline beside each search", t.autoP50Ms(), t.autoP99Ms(), t.yearsThenMonthsP50Ms(), t.yearsThenMonthsP99Ms(), t.queries());
        DrillStep d = q.drill();
        out.printf("  %-34s %s's children p50 %.2f ms, p99 %.2f ms; %s's months p50 %.2f ms, p99 %.2f ms (%d queries)%n",
                "drilling into a place and a year", d.place(), d.placeP50Ms(), d.placeP99Ms(), d.year(), d.yearP50Ms(), d.yearP99Ms(), d.queries());
        for (String f : q.findNothing()) {
            out.printf("  finds nothing (each query is drawn from a document it should find): %s%n", f);
        }
        for (String f : q.failing()) {
            out.printf("  left out, fails: %s%n", f);
        }
    }

    private static String mixSummary(Map<String, Integer> mix) {
        return mix.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }

    void write(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), this);
    }
}
