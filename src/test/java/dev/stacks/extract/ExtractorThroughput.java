package dev.stacks.extract;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Files per second of each extractor over one folder, for the overhead of the forked workers against
 * in-process extraction. Not a test: run it by hand on an otherwise idle machine.
 *
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat cp.txt) dev.stacks.extract.ExtractorThroughput FOLDER in-process|forked|routing [THREADS] [ROUNDS]
 * </pre>
 *
 * Besides wall-clock files/s it reports files per CPU-second of this process and its workers
 * together: on a shared machine that is the steadier measure of what each extractor costs. The
 * first round (JVM and worker start-up, JIT) is reported apart; the median of the later half is the
 * warm figure.
 */
final class ExtractorThroughput {
    private ExtractorThroughput() {
    }

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        String mode = args[1];
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : Runtime.getRuntime().availableProcessors();
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 6;
        List<Path> files;
        try (Stream<Path> all = Files.list(folder)) {
            files = all.filter(Files::isRegularFile).sorted().toList();
        }
        Path work = Files.createTempDirectory("throughput-");
        ExtractionLimits limits = ExtractionLimits.defaults();
        List<Double> wall = new ArrayList<>();
        List<Double> perCpu = new ArrayList<>();
        try (Extractor extractor = switch (mode) {
            case "in-process" -> new TikaExtractor(limits, work);
            case "forked" -> new ForkedExtractor(limits, work, threads);
            case "routing" -> new RoutingExtractor(limits, work, threads);
            default -> throw new IllegalArgumentException("mode: in-process, forked or routing, not " + mode);
        }) {
            for (int round = 0; round < rounds; round++) {
                long cpu = cpuNanos();
                long start = System.nanoTime();
                extractAll(extractor, files, threads);
                double seconds = (System.nanoTime() - start) / 1e9;
                double cpuSeconds = (cpuNanos() - cpu) / 1e9;
                System.out.printf("%s round %d: %,d files in %.2f s = %,.0f files/s; %.2f CPU-s = %,.0f files per CPU-s%n",
                        mode, round, files.size(), seconds, files.size() / seconds, cpuSeconds, files.size() / cpuSeconds);
                if (round > 0 && round >= rounds / 2) {
                    wall.add(files.size() / seconds);
                    perCpu.add(files.size() / cpuSeconds);
                }
            }
        } finally {
            try (Stream<Path> left = Files.walk(work)) {
                left.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Collections.sort(wall);
        Collections.sort(perCpu);
        System.out.printf("%s, %d threads, warm median: %,.0f files/s, %,.0f files per CPU-s%n", mode, threads,
                wall.get(wall.size() / 2), perCpu.get(perCpu.size() / 2));
    }

    private static void extractAll(Extractor extractor, List<Path> files, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Extraction>> results = new ArrayList<>(files.size());
            for (Path file : files) {
                results.add(pool.submit(() -> extractor.extract(file, file.getFileName().toString())));
            }
            for (Future<Extraction> result : results) {
                result.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    /** CPU time of this JVM and of its child processes (the workers) so far. */
    private static long cpuNanos() {
        long own = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
        long children = ProcessHandle.current().children()
                .mapToLong(p -> p.info().totalCpuDuration().map(d -> d.toNanos()).orElse(0L)).sum();
        return own + children;
    }
}
