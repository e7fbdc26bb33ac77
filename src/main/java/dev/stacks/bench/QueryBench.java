package dev.stacks.bench;

import dev.stacks.api.ApiKeys;
import dev.stacks.api.ApiServer;
import dev.stacks.api.ServerOptions;
import dev.stacks.app.Archive;
import dev.stacks.bench.BenchReport.Latency;
import dev.stacks.bench.BenchReport.QueryFigures;
import dev.stacks.search.ArchiveSearch;
import dev.stacks.search.FacetBrowser;
import dev.stacks.search.FacetValue;
import dev.stacks.search.Interval;
import dev.stacks.search.SearchRequest;
import dev.stacks.search.Timeline;
import dev.stacks.search.TimelineSeries;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IntSummaryStatistics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Query latency over an open archive: the same mix in-process ({@code ArchiveSearch.search}, facets
 * and snippets included) and through the HTTP API on a loopback port, each with one client and with
 * four concurrent ones. Every client runs the whole mix once per round in its own shuffled order;
 * warm-up rounds come first and are not counted. Loops are bounded by the mix and the round count.
 */
final class QueryBench {
    private static final int MANY = 4;
    private static final int SLOWEST = 5;
    private static final long WARM_UP_MAX_SECONDS = 90;

    private final BenchSettings settings;
    private final PrintStream log;
    private final Path webDir;

    QueryBench(BenchSettings settings, Path webDir, PrintStream log) {
        this.settings = settings;
        this.webDir = webDir;
        this.log = log;
    }

    /** Sends one query and returns when its answer is complete; throws when the answer is a failure. */
    @FunctionalInterface
    private interface Client {
        void send(BenchQuery query) throws Exception;
    }

    QueryFigures run(Archive archive, Path corpusDir) throws IOException {
        archive.search().reuseCounts(false); // the mix repeats every search each round: each is timed from scratch
        QueryMix.Mix mix = QueryMix.draw(archive.search(), settings);
        // a query that fails is a bug to report, not a latency: it is left out of the timed mix
        List<BenchQuery> queries = new ArrayList<>();
        List<String> failing = new ArrayList<>();
        List<String> empty = new ArrayList<>();
        for (BenchQuery q : mix.queries()) {
            try {
                if (archive.search().search(q.request()).total() == 0) {
                    empty.add(q.describe());
                }
                queries.add(q);
            } catch (RuntimeException e) {
                failing.add(q.describe() + " -> " + e);
            }
        }
        log.printf("query bench: %,d documents, a mix of %d queries (%d find nothing, %d fail and are left out)%n",
                mix.documents(), queries.size(), empty.size(), failing.size());
        empty.forEach(q -> log.println("  finds nothing: " + q));
        failing.forEach(f -> log.println("  failing query: " + f));
        if (queries.isEmpty()) {
            throw new IllegalStateException("every query of the mix failed; the first: " + failing.get(0));
        }

        List<Latency> latencies = new ArrayList<>();
        Samples inProcessSamples = Samples.of(queries);
        Samples httpSamples = Samples.of(queries);
        Client inProcess = q -> archive.search().search(q.request());
        warmUp("in-process", queries, inProcess);
        latencies.add(measure("in-process", 1, queries, () -> inProcess, inProcessSamples));
        latencies.add(measure("in-process", MANY, queries, () -> inProcess, null));

        var server = ApiServer.create(archive, new ApiKeys(ApiKeys.fileIn(corpusDir)), ServerOptions.defaults(webDir));
        server.start("127.0.0.1", 0);
        long heap;
        try {
            String base = "http://127.0.0.1:" + server.port();
            warmUp("HTTP", queries, http(base));
            latencies.add(measure("HTTP", 1, queries, () -> http(base), httpSamples));
            latencies.add(measure("HTTP", MANY, queries, () -> http(base), null));
            latencies.add(measureFromAnotherProcess(base, 1, queries, archive.corpus().workFolder()));
            latencies.add(measureFromAnotherProcess(base, MANY, queries, archive.corpus().workFolder()));
            heap = heapUsedAfterGc();
        } finally {
            server.stop();
        }
        List<BenchReport.NextStep> nextSteps = List.of(
                nextStep(archive, "a facet value clicked", queries.stream().filter(q -> !q.filter().equals("none")).toList(),
                        q -> q.request().withoutFilters(), BenchQuery::request),
                nextStep(archive, "the next page", queries, BenchQuery::request, q -> q.request().nextPage()));
        BenchReport.TimelineStep timeline = timeline(new Timeline(archive.index()), queries);
        BenchReport.DrillStep drill = drill(archive, queries);
        List<String> slowest = inProcessSamples.slowest(SLOWEST);
        Map<String, Double> p50ByKind = inProcessSamples.byKindMs(Latencies.Round::p50Ms);
        Map<String, Double> p99ByKind = inProcessSamples.byKindMs(Latencies.Round::p99Ms);
        Map<String, Double> p99ByKindHttp = httpSamples.byKindMs(Latencies.Round::p99Ms);
        List<String> examples = new ArrayList<>();
        for (String kind : QueryMix.KINDS) {
            for (String filter : QueryMix.FILTERS) {
                queries.stream().filter(q -> q.kind().equals(kind) && q.filter().equals(filter)).findFirst()
                        .ifPresent(q -> examples.add(q.describe()));
            }
        }
        return new QueryFigures((int) mix.documents(), queries.size(), QueryMix.counts(queries), empty, failing, examples, latencies, p50ByKind, p99ByKind, p99ByKindHttp, slowest, heap, nextSteps, timeline, drill);
    }

    /**
     * A step after a search, timed twice in one client's rounds: from scratch (no counts kept), and
     * right after the search it follows (its counts kept, as {@code serve} keeps them).
     */
    private BenchReport.NextStep nextStep(Archive archive, String what, List<BenchQuery> queries,
                                          Function<BenchQuery, SearchRequest> before, Function<BenchQuery, SearchRequest> step) {
        ArchiveSearch search = archive.search();
        Latencies scratch = new Latencies();
        Latencies reused = new Latencies();
        for (int r = -settings.warmupRounds(); r < settings.rounds(); r++) {
            for (BenchQuery q : clientOrder(queries, settings.seed(), r, 0)) {
                search.reuseCounts(false);
                long start = System.nanoTime();
                search.search(step.apply(q));
                long fromScratch = System.nanoTime() - start;
                search.reuseCounts(true);
                search.forgetCounts();
                search.search(before.apply(q));
                start = System.nanoTime();
                search.search(step.apply(q));
                long afterIt = System.nanoTime() - start;
                if (r >= 0) {
                    scratch.add(fromScratch);
                    reused.add(afterIt);
                }
            }
        }
        search.forgetCounts();
        search.reuseCounts(false);
        Latencies.Round s = scratch.summarise(1);
        Latencies.Round k = reused.summarise(1);
        log.printf("  next step, %s: from scratch p50 %.2f ms, p99 %.2f ms; counts kept p50 %.2f ms, p99 %.2f ms%n", what,
                s.p50Ms(), s.p99Ms(), k.p50Ms(), k.p99Ms());
        return new BenchReport.NextStep(what, queries.size(), s.p50Ms(), s.p99Ms(), k.p50Ms(), k.p99Ms());
    }

    /**
     * The page's timeline beside each search of the mix, one client: the one {@code auto} request,
     * and the years-then-months requests it replaced, interleaved query by query.
     */
    private BenchReport.TimelineStep timeline(Timeline timeline, List<BenchQuery> queries) {
        Latencies.Round[] t = timedTwice(queries,
                q -> timeline.series(q.request(), Interval.AUTO),
                q -> {
                    if (fewYears(timeline.series(q.request(), Interval.YEAR))) {
                        timeline.series(q.request(), Interval.MONTH);
                    }
                });
        log.printf("  timeline: auto p50 %.2f ms, p99 %.2f ms; years then months p50 %.2f ms, p99 %.2f ms%n",
                t[0].p50Ms(), t[0].p99Ms(), t[1].p50Ms(), t[1].p99Ms());
        return new BenchReport.TimelineStep(queries.size(), t[0].p50Ms(), t[0].p99Ms(), t[1].p50Ms(), t[1].p99Ms());
    }

    /** The page's trees after each search of the mix, one client: the commonest place's children, the commonest year's months. */
    private BenchReport.DrillStep drill(Archive archive, List<BenchQuery> queries) {
        Map<String, List<FacetValue>> all = archive.search().search(SearchRequest.of("")).facets();
        String place = all.get("location").isEmpty() ? "" : all.get("location").get(0).path(); // none: the top level
        String year = all.get("date").stream().filter(v -> v.value().matches("\\d{4}"))
                .max(Comparator.comparingLong(FacetValue::count)).map(FacetValue::value).orElse("");
        FacetBrowser browser = new FacetBrowser(archive.index());
        Latencies.Round[] t = timedTwice(queries,
                q -> browser.values("location", place, q.request(), 10),
                q -> browser.values("date", year, q.request(), 12));
        log.printf("  drilling: %s's children p50 %.2f ms, p99 %.2f ms; %s's months p50 %.2f ms, p99 %.2f ms%n",
                place, t[0].p50Ms(), t[0].p99Ms(), year, t[1].p50Ms(), t[1].p99Ms());
        return new BenchReport.DrillStep(queries.size(), place, year, t[0].p50Ms(), t[0].p99Ms(), t[1].p50Ms(), t[1].p99Ms());
    }

    /** Two things done after each search of the mix, one client, timed in turn query by query, warm-up rounds left out. */
    private Latencies.Round[] timedTwice(List<BenchQuery> queries, Consumer<BenchQuery> first, Consumer<BenchQuery> second) {
        Latencies firsts = new Latencies();
        Latencies seconds = new Latencies();
        for (int r = -settings.warmupRounds(); r < settings.rounds(); r++) {
            for (BenchQuery q : clientOrder(queries, settings.seed(), r, 0)) {
                long start = System.nanoTime();
                first.accept(q);
                long one = System.nanoTime() - start;
                start = System.nanoTime();
                second.accept(q);
                long two = System.nanoTime() - start;
                if (r >= 0) {
                    firsts.add(one);
                    seconds.add(two);
                }
            }
        }
        return new Latencies.Round[] {firsts.summarise(1), seconds.summarise(1)};
    }

    /** The page's rule before {@code auto}: dated hits within two calendar years are drawn by month. */
    private static boolean fewYears(TimelineSeries years) {
        IntSummaryStatistics span = years.buckets().stream().mapToInt(b -> Integer.parseInt(b.period())).summaryStatistics();
        return span.getCount() > 0 && span.getMax() - span.getMin() < 2;
    }

    /** One client's samples by kind, by filter ("+actor") and by query (for the slowest). */
    private record Samples(Map<String, Latencies> byKind, Map<String, Latencies> byQuery) {
        static Samples of(List<BenchQuery> queries) {
            Map<String, Latencies> byKind = new LinkedHashMap<>();
            QueryMix.KINDS.forEach(k -> byKind.put(k, new Latencies()));
            QueryMix.FILTERS.forEach(f -> byKind.put("+" + f, new Latencies()));
            Map<String, Latencies> byQuery = new LinkedHashMap<>();
            queries.forEach(q -> byQuery.put(q.describe(), new Latencies()));
            return new Samples(byKind, byQuery);
        }

        void add(BenchQuery query, long nanos) {
            byKind.get(query.kind()).add(nanos);
            byKind.get("+" + query.filter()).add(nanos);
            byQuery.get(query.describe()).add(nanos);
        }

        /** The queries with the highest median, slowest first, as "median  query". */
        List<String> slowest(int count) {
            return byQuery.entrySet().stream()
                    .map(e -> Map.entry(e.getKey(), e.getValue().summarise(1).p50Ms()))
                    .sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(count)
                    .map(e -> String.format("%.2f  %s", e.getValue(), e.getKey())).toList();
        }

        /** A figure (p50, p99) by kind and by filter, over every measured round. */
        Map<String, Double> byKindMs(java.util.function.ToDoubleFunction<Latencies.Round> figure) {
            Map<String, Double> out = new LinkedHashMap<>();
            byKind.forEach((kind, l) -> {
                if (l.count() > 0) {
                    out.put(kind, figure.applyAsDouble(l.summarise(1)));
                }
            });
            return out;
        }
    }

    /**
     * Compiles a path before anything on it is timed: the mix on two threads, round after round,
     * for at least ten seconds and until the JIT is quiet (at most {@link #WARM_UP_MAX_SECONDS};
     * one round in quick mode).
     */
    private void warmUp(String what, List<BenchQuery> queries, Client client) {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        int[] round = {0};
        try {
            long min = settings.quick() ? 0 : 10_000_000_000L;
            long max = settings.quick() ? 0 : WARM_UP_MAX_SECONDS * 1_000_000_000L;
            JitWarmUp.Outcome outcome = JitWarmUp.run(() -> round(pool, List.of(client, client), queries, -100 - round[0]++, null), min, max);
            log.printf("  warm-up, %s: %d rounds in %.0f s%s%n", what, outcome.rounds(), outcome.seconds(),
                    outcome.quiet() ? ", until the JIT was quiet" : ", the JIT still compiling at the bound");
        } catch (Exception e) {
            throw new IllegalStateException("the warm-up failed: " + e, e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** One client per thread, each with its own kept-alive HTTP/1.1 connection, as separate users would have. */
    private static Client http(String base) {
        return q -> HttpLoad.get(base + q.httpPath());
    }

    /**
     * The same mix through HTTP from clients in another JVM ({@link HttpLoad}), with a small heap
     * and the serial collector so that they take little from the server's two cores.
     */
    private Latency measureFromAnotherProcess(String base, int clients, List<BenchQuery> queries, Path work) throws IOException {
        Path paths = work.resolve("bench-http-paths-" + clients + ".txt");
        Files.write(paths, queries.stream().map(BenchQuery::httpPath).toList(), StandardCharsets.UTF_8);
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = List.of(java, "-Xmx256m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                HttpLoad.class.getName(), base, paths.toString(), String.valueOf(clients),
                String.valueOf(settings.warmupRounds()), String.valueOf(settings.rounds()), String.valueOf(settings.seed()));
        long ownCpu = ProcessCpu.ownNanos();
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<Latencies.Round> rounds = new ArrayList<>();
        long clientCpu = 0;
        int errors = 0;
        String firstError = null;
        try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null; ) {
                String[] f = line.split(" ");
                switch (f[0]) {
                    case "ROUND" -> {
                        Latencies round = new Latencies();
                        for (int i = 3; i < f.length; i++) {
                            round.add(Long.parseLong(f[i]));
                        }
                        errors += Integer.parseInt(f[2]);
                        rounds.add(round.summarise(Long.parseLong(f[1])));
                    }
                    case "ERROR" -> firstError = firstError != null ? firstError : line.substring(6);
                    case "START" -> { // the measured rounds begin: CPU from here on, in both processes
                        ownCpu = ProcessCpu.ownNanos();
                        clientCpu = -Long.parseLong(f[1]);
                    }
                    case "CPU" -> clientCpu += Long.parseLong(f[1]);
                    default -> { }
                }
            }
        }
        try {
            if (process.waitFor() != 0 || rounds.isEmpty()) {
                throw new IOException("the HTTP client process failed (exit " + process.exitValue() + ")");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while the HTTP clients ran", e);
        }
        Files.deleteIfExists(paths);
        int measured = rounds.stream().mapToInt(Latencies.Round::queries).sum();
        // this process's CPU (the server) and the client process's, over the measured rounds
        double cpuMsPerQuery = (ProcessCpu.ownNanos() - ownCpu + clientCpu) / 1e6 / Math.max(1, measured);
        Latency latency = Latency.of("HTTP, client process", clients, rounds, cpuMsPerQuery, errors, firstError);
        log.printf("  HTTP from another process, %d client(s): p50 %.2f ms, p99 %.2f ms, %,.0f queries/s%n", clients,
                latency.p50Ms(), latency.p99Ms(), latency.qps());
        return latency;
    }

    private Latency measure(String mode, int clients, List<BenchQuery> queries,
                            Supplier<Client> clientFactory, Samples samples) {
        List<Client> perClient = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            perClient.add(clientFactory.get());
        }
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            for (int r = 0; r < settings.warmupRounds(); r++) {
                round(pool, perClient, queries, -1 - r, null);
            }
            List<Latencies.Round> rounds = new ArrayList<>();
            int errors = 0;
            String firstError = null;
            long cpu = ProcessCpu.ownNanos();
            for (int r = 0; r < settings.rounds(); r++) {
                RoundResult result = round(pool, perClient, queries, r, samples);
                rounds.add(result.latencies.summarise(result.wallNanos));
                errors += result.latencies.errors();
                firstError = firstError != null ? firstError : result.latencies.firstError();
            }
            double cpuMsPerQuery = (ProcessCpu.ownNanos() - cpu) / 1e6 / Math.max(1, rounds.stream().mapToInt(Latencies.Round::queries).sum());
            Latency latency = Latency.of(mode, clients, rounds, cpuMsPerQuery, errors, firstError);
            log.printf("  %s, %d client(s): p50 %.2f ms, p99 %.2f ms, %,.0f queries/s, %.2f CPU ms/query%n", mode, clients,
                    latency.p50Ms(), latency.p99Ms(), latency.qps(), cpuMsPerQuery);
            return latency;
        } finally {
            pool.shutdownNow();
        }
    }

    private record RoundResult(Latencies latencies, long wallNanos) {
    }

    /**
     * The order in which one client sends the mix in one round: fixed by the seed, the round and
     * the client, the same in this process and in {@link HttpLoad}'s.
     */
    static <T> List<T> clientOrder(List<T> mix, long seed, int round, int client) {
        List<T> order = new ArrayList<>(mix);
        Collections.shuffle(order, new Random(seed + 1_000L * round + client));
        return order;
    }

    /** Every client runs the whole mix in its own order (fixed by the seed, the round and the client). */
    private RoundResult round(ExecutorService pool, List<Client> clients, List<BenchQuery> queries, int round,
                              Samples samples) {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Latencies>> done = new ArrayList<>();
        for (int c = 0; c < clients.size(); c++) {
            Client client = clients.get(c);
            List<BenchQuery> order = clientOrder(queries, settings.seed(), round, c);
            done.add(pool.submit(() -> {
                Latencies latencies = new Latencies();
                go.await();
                for (BenchQuery q : order) {
                    long start = System.nanoTime();
                    try {
                        client.send(q);
                        long elapsed = System.nanoTime() - start;
                        latencies.add(elapsed);
                        if (samples != null && clients.size() == 1) {
                            samples.add(q, elapsed);
                        }
                    } catch (InterruptedException e) {
                        throw e;
                    } catch (Exception e) {
                        latencies.error(q.describe() + ": " + e);
                    }
                }
                return latencies;
            }));
        }
        long start = System.nanoTime();
        go.countDown();
        Latencies all = new Latencies();
        try {
            for (Future<Latencies> f : done) {
                all.addAll(f.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during a query round", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("a query client failed: " + e.getCause(), e.getCause());
        }
        return new RoundResult(all, System.nanoTime() - start);
    }

    /** Heap in use after a full collection (twice, so that finalisable garbage is gone too). */
    static long heapUsedAfterGc() {
        var memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 2; i++) {
            memory.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
