package dev.stacks.bench;

import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The query bench's HTTP clients in a process of their own, as a user's browser or script is: the
 * server's latency is then not inflated by the clients' garbage collections in its heap. Started by
 * {@link QueryBench}; prints one line per measured round ({@code ROUND wallNanos errors
 * latencyNanos...}), the first error if any, and its own CPU time when the measured rounds start ({@code START})
 * and at the end ({@code CPU}).
 *
 * <p>Arguments: base URL, a file of request paths (one per line), clients, warm-up rounds,
 * measured rounds, seed.
 */
public final class HttpLoad {
    private HttpLoad() {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        List<String> paths = Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8);
        int clients = Integer.parseInt(args[2]);
        int warmup = Integer.parseInt(args[3]);
        int rounds = Integer.parseInt(args[4]);
        long seed = Long.parseLong(args[5]);
        int[] round = {-warmup};
        while (round[0] < 0) {
            round(base, paths, clients, seed, round[0]++);
        }
        if (warmup > 0) { // this process's own JIT, which shares the machine with the server, done before timing
            JitWarmUp.run(() -> round(base, paths, clients, seed, -1_000 - round[0]++), 0, 30_000_000_000L);
        }
        System.out.println("START " + ProcessCpu.ownNanos());
        System.out.flush(); // read by the bench as it comes: its CPU count starts here
        for (int r = 0; r < rounds; r++) {
            Round result = round(base, paths, clients, seed, r);
            StringBuilder line = new StringBuilder("ROUND ").append(result.wallNanos()).append(' ');
            int failed = 0;
            for (int c = 0; c < clients; c++) {
                failed += result.errorCount()[c];
                if (result.errors()[c] != null) {
                    System.out.println("ERROR " + result.errors()[c].replace('\n', ' '));
                }
            }
            line.append(failed);
            for (long[] client : result.latencies()) {
                for (long nanos : client) {
                    line.append(' ').append(nanos);
                }
            }
            System.out.println(line);
        }
        System.out.println("CPU " + ProcessCpu.ownNanos());
    }

    private record Round(long wallNanos, long[][] latencies, String[] errors, int[] errorCount) {
    }

    /** Every client sends every path once, in its own order (as the in-process clients do). */
    private static Round round(String base, List<String> paths, int clients, long seed, int round) throws InterruptedException {
        long[][] latencies = new long[clients][paths.size()];
        String[] errors = new String[clients];
        int[] errorCount = new int[clients];
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            List<String> order = QueryBench.clientOrder(paths, seed, round, c);
            Thread t = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < order.size(); i++) {
                    long start = System.nanoTime();
                    try {
                        get(base + order.get(i));
                    } catch (Exception e) {
                        errorCount[client]++;
                        errors[client] = errors[client] != null ? errors[client] : order.get(i) + ": " + e;
                    }
                    latencies[client][i] = System.nanoTime() - start;
                }
            });
            t.start();
            threads.add(t);
        }
        long start = System.nanoTime();
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        return new Round(System.nanoTime() - start, latencies, errors, errorCount);
    }

    /**
     * One GET with the JDK's blocking client, which sends and reads in the calling thread over a
     * kept-alive connection (java.net.http hands each request between its own threads, about a
     * millisecond a request here); the whole body is read so that the connection is reused.
     */
    static void get(String url) throws Exception {
        HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
        connection.setConnectTimeout(5_000);
        connection.setReadTimeout(60_000);
        int status = connection.getResponseCode();
        try (InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
            byte[] body = in == null ? new byte[0] : in.readAllBytes();
            if (status != 200) {
                String text = new String(body, StandardCharsets.UTF_8);
                throw new IllegalStateException("HTTP " + status + ": " + text.substring(0, Math.min(200, text.length())));
            }
        }
    }
}
