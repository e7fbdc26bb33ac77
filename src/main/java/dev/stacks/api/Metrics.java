package dev.stacks.api;

import dev.stacks.search.KeptCounts;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Request counts and latencies by route and status, and a few gauges, in the Prometheus text
 * format. Routes are counted by their template ("/api/v1/documents/{id}") so the series stay few;
 * the page's files count as "static" and requests that match no route as "unmatched".
 */
final class Metrics {
    private record Key(String method, String route, int status) {
    }

    private final Map<Key, LongAdder> counts = new ConcurrentHashMap<>();
    private final Map<String, DoubleAdder> seconds = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> observed = new ConcurrentHashMap<>();
    private final LongSupplier documents;
    private final LongSupplier indexBytes;
    private final Supplier<KeptCounts> keptCounts;

    Metrics(LongSupplier documents, LongSupplier indexBytes, Supplier<KeptCounts> keptCounts) {
        this.documents = documents;
        this.indexBytes = indexBytes;
        this.keptCounts = keptCounts;
    }

    void record(Context ctx, float millis) {
        Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
        String route;
        if (endpoint != null) {
            route = endpoint.path;
        } else {
            // the page's files have no route of their own; anything else unrouted is a 404 or 405
            route = ctx.status().getCode() < 400 ? "static" : "unmatched";
        }
        counts.computeIfAbsent(new Key(ctx.method().name(), route, ctx.status().getCode()), k -> new LongAdder()).increment();
        seconds.computeIfAbsent(route, k -> new DoubleAdder()).add(millis / 1000.0);
        observed.computeIfAbsent(route, k -> new LongAdder()).increment();
    }

    String render() {
        StringBuilder sb = new StringBuilder();
        sb.append("# HELP stacks_http_requests_total HTTP requests by method, route and status.\n");
        sb.append("# TYPE stacks_http_requests_total counter\n");
        counts.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(java.util.Comparator.comparing(Key::route).thenComparing(Key::method).thenComparingInt(Key::status)))
                .forEach(e -> sb.append("stacks_http_requests_total{method=\"").append(e.getKey().method())
                        .append("\",route=\"").append(escape(e.getKey().route())).append("\",status=\"").append(e.getKey().status())
                        .append("\"} ").append(e.getValue().sum()).append('\n'));
        sb.append("# HELP stacks_http_request_duration_seconds Time spent answering requests, by route.\n");
        sb.append("# TYPE stacks_http_request_duration_seconds summary\n");
        new TreeMap<>(seconds).forEach((route, sum) -> {
            sb.append("stacks_http_request_duration_seconds_sum{route=\"").append(escape(route)).append("\"} ").append(sum.sum()).append('\n');
            sb.append("stacks_http_request_duration_seconds_count{route=\"").append(escape(route)).append("\"} ")
                    .append(observed.get(route).sum()).append('\n');
        });
        gauge(sb, "stacks_documents", "Documents visible to search.", documents.getAsLong());
        gauge(sb, "stacks_index_bytes", "Size of the index on disk.", indexBytes.getAsLong());
        KeptCounts kept = keptCounts.get();
        gauge(sb, "stacks_search_counts_kept", "Costly searches whose counts are kept for their next page or facet click.", kept.searches());
        gauge(sb, "stacks_search_counts_kept_bytes", "Memory those kept counts take.", kept.bytes());
        gauge(sb, "stacks_search_counts_reused", "Searches that read kept counts since the index last changed.", kept.reused());
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        gauge(sb, "stacks_jvm_heap_used_bytes", "JVM heap in use.", heap.getUsed());
        gauge(sb, "stacks_jvm_heap_max_bytes", "JVM heap limit.", heap.getMax());
        return sb.toString();
    }

    private static void gauge(StringBuilder sb, String name, String help, long value) {
        sb.append("# HELP ").append(name).append(' ').append(help).append('\n');
        sb.append("# TYPE ").append(name).append(" gauge\n");
        sb.append(name).append(' ').append(value).append('\n');
    }

    private static String escape(String label) {
        return label.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
