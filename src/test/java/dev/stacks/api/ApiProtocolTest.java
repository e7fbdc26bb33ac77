package dev.stacks.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stacks.enrich.Article;
import dev.stacks.enrich.PublicationDate;
import dev.stacks.enrich.Source;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import static dev.stacks.api.ApiAssertions.assertBadParameter;
import static dev.stacks.api.ApiAssertions.assertJson;
import static dev.stacks.api.ApiAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** What every route shares: headers, errors, limits, compression, CORS, metrics and health. */
class ApiProtocolTest {
    @TempDir
    static Path shared;
    static TestServer server;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws IOException {
        server = TestServer.withSamples(shared);
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
    }

    // ---- headers

    @Test
    void the_page_is_served_with_a_content_security_policy_and_nosniff() {
        HttpResponse<String> page = server.get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).get().asString().startsWith("text/html");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValue("default-src 'self'; script-src 'self'; "
                + "style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
                + "frame-ancestors 'none'; form-action 'self'");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        HttpResponse<String> apiPage = server.get("/api.html");
        assertThat(apiPage.statusCode()).isEqualTo(200);
        assertThat(apiPage.headers().firstValue("Content-Security-Policy")).isEqualTo(page.headers().firstValue("Content-Security-Policy"));
    }

    @Test
    void every_response_carries_a_request_id_and_a_sensible_one_from_the_client_is_kept() {
        for (String path : List.of("/", "/health", "/metrics", "/api/v1/search?q=harvest", "/api/v1/search?size=0", "/nope",
                "/api/v1/documents/0000000000000000", "/api/v1/openapi.json", "/api/v1/stats")) {
            assertThat(server.get(path).headers().firstValue("X-Request-Id")).as(path).get().asString().matches("[0-9a-f]{1,16}");
        }
        assertThat(server.get("/health", "X-Request-Id", "trace-42.a").headers().firstValue("X-Request-Id")).hasValue("trace-42.a");
        assertThat(server.get("/health", "X-Request-Id", "a b <script>").headers().firstValue("X-Request-Id")).get()
                .asString().matches("[0-9a-f]{1,16}");
    }

    // ---- errors

    @Test
    void unknown_routes_are_404_problems() {
        for (String path : List.of("/nope", "/api/v1/nope", "/api/v2/search", "/api/v1/facets", "/api/v1/documents/0123456789abcdef/nope")) {
            JsonNode problem = assertProblem(server.get(path), 404);
            assertThat(problem.path("detail").asText()).isEqualTo("nothing at " + path + "; the API is under /api/v1 (see /api/v1/openapi.json)");
        }
    }

    @Test
    void a_wrong_method_is_a_405_problem() {
        HttpResponse<String> put = server.send(server.request("/api/v1/search").PUT(HttpRequest.BodyPublishers.ofString("{}")).build());
        JsonNode problem = assertProblem(put, 405);
        assertThat(problem.path("detail").asText()).isEqualTo("PUT is not allowed on /api/v1/search (see /api/v1/openapi.json)");
        assertThat(put.headers().firstValue("Allow")).hasValue("GET");
        assertProblem(server.send(server.request("/api/v1/stats").DELETE().build()), 405);
        HttpResponse<String> get = server.get("/api/v1/documents");
        assertProblem(get, 405);
        assertThat(get.headers().firstValue("Allow")).hasValue("POST");
        HttpResponse<String> post = server.send(server.request("/api/v1/documents/0123456789abcdef").POST(HttpRequest.BodyPublishers.noBody()).build());
        assertProblem(post, 405);
        assertThat(post.headers().firstValue("Allow")).hasValue("GET, DELETE");
        assertProblem(server.send(server.request("/api/v1/documents/0123456789abcdef").POST(HttpRequest.BodyPublishers.noBody()).build()), 405);
        assertProblem(server.send(server.request("/api/v1/documents/0123456789abcdef")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{}")).build()), 405);
    }

    @Test
    void requests_jetty_refuses_before_any_route_are_problems_too() throws IOException {
        assertProblem(server.get("/api/v1/search?q=" + "a".repeat(9000)), 414);
        assertProblem(server.get("/api/v1/search", "X-Padding", "p".repeat(20_000)), 431);
        String raw = rawRequest("GET /api/v1/doc%00uments HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(raw).startsWith("HTTP/1.1 400 ");
        assertThat(raw).contains("Content-Type: application/problem+json;charset=utf-8", "X-Request-Id: ", "\"status\":400")
                .doesNotContain("<html", "Exception");
    }

    @Test
    void a_failure_inside_the_server_is_a_generic_500_problem_and_health_says_503() throws IOException {
        TestServer broken = TestServer.start(dir);
        try {
            broken.archive.close(); // the index is gone from under the running server
            JsonNode problem = assertProblem(broken.get("/api/v1/search?q=harvest"), 500);
            assertThat(problem.path("detail").asText())
                    .isEqualTo("the server could not complete the request; it is logged as request " + problem.path("requestId").asText());
            assertProblem(broken.get("/health"), 503);
        } finally {
            broken.close();
        }
    }

    @Test
    void an_exception_in_the_pipeline_rejects_the_file_and_an_error_is_a_generic_500_problem() throws IOException {
        dev.stacks.enrich.Enricher failing = (id, extraction, source) -> {
            if (source.name().startsWith("error")) {
                throw new AssertionError("an Error, not an Exception, from deep inside");
            }
            throw new IllegalStateException("secret internal state");
        };
        try (TestServer broken = TestServer.start(dir, o -> o, failing)) {
            HttpResponse<String> exception = broken.upload("exception.txt", "Text one.".getBytes(StandardCharsets.UTF_8));
            assertThat(assertProblem(exception, 422).path("detail").asText()).contains("internal error while processing this file");
            assertThat(exception.body()).doesNotContain("secret");
            HttpResponse<String> error = broken.upload("error.txt", "Text two.".getBytes(StandardCharsets.UTF_8));
            assertThat(assertProblem(error, 500).path("detail").asText()).startsWith("the server could not complete the request");
            assertThat(error.body()).doesNotContain("deep inside");
            assertThat(broken.get("/health").statusCode()).isEqualTo(200);
        }
    }

    // ---- limits

    @Test
    void writes_past_the_rate_limit_are_429_with_retry_after_and_reads_go_on() throws IOException {
        try (TestServer limited = TestServer.start(dir, o -> o.withWritesPerMinute(3))) {
            for (int i = 0; i < 3; i++) {
                assertProblem(limited.delete("000000000000000" + i, limited.key), 404);
            }
            HttpResponse<String> refused = limited.delete("0000000000000004", limited.key);
            assertProblem(refused, 429);
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("10");
            assertProblem(limited.upload("late.txt", "Too late.".getBytes(StandardCharsets.UTF_8)), 429);
            assertThat(limited.get("/api/v1/search").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void an_upload_over_the_size_limit_is_a_413_problem_and_leaves_nothing_behind() throws IOException {
        try (TestServer small = TestServer.start(dir, o -> o.withMaxUploadBytes(10_000))) {
            byte[] big = "All work and no play. ".repeat(1000).getBytes(StandardCharsets.UTF_8);
            JsonNode problem = assertProblem(small.upload("big.txt", big), 413);
            assertThat(problem.path("detail").asText()).contains("at most 10000 bytes");
            TestServer.Multipart body = new TestServer.Multipart().file("big.txt", big);
            HttpResponse<String> chunked = small.send(small.request("/api/v1/documents")
                    .header("Authorization", "Bearer " + small.key).header("Content-Type", body.contentType())
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body.bytes()))).build());
            assertThat(assertProblem(chunked, 413).path("parameter").asText()).isEqualTo("file");
            assertThat(small.upload("fits.txt", "Small enough.".getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(201);
            try (Stream<Path> work = Files.list(small.archive.corpus().workFolder())) {
                assertThat(work).isEmpty();
            }
            assertThat(small.json("/api/v1/stats").path("byOutcome").toString()).isEqualTo("{\"indexed\":1}");
        }
    }

    @Test
    void a_connection_that_stalls_is_dropped_after_the_idle_timeout() throws IOException {
        try (TestServer impatient = TestServer.start(dir, o -> o.withIdleTimeout(Duration.ofMillis(300)));
             Socket socket = new Socket("127.0.0.1", impatient.app.port())) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write("GET /health HTTP/1.1\r\nHost: localhost\r\n".getBytes(StandardCharsets.US_ASCII));
            long start = System.nanoTime();
            InputStream in = socket.getInputStream();
            try {
                while (in.read() >= 0) {
                    // whatever Jetty says before it closes
                }
            } catch (SocketTimeoutException e) {
                throw new AssertionError("the server kept a stalled connection open for 5 s", e);
            } catch (IOException reset) {
                // closed by the server: what the test wants
            }
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
        }
    }

    @Test
    void a_slow_request_is_not_cut_off_by_the_idle_timeout_while_the_server_works_on_it() throws IOException {
        KnownEnricher known = new KnownEnricher();
        dev.stacks.enrich.Enricher slow = (id, extraction, source) -> {
            try {
                Thread.sleep(1_500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return known.enrich(id, extraction, source);
        };
        try (TestServer patient = TestServer.start(dir, o -> o.withIdleTimeout(Duration.ofMillis(300)), slow)) {
            HttpResponse<String> response = patient.upload("slow.txt", "Enriched slowly.".getBytes(StandardCharsets.UTF_8));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        }
    }

    @Test
    void reads_can_require_a_key() throws IOException {
        try (TestServer closed = TestServer.start(dir, o -> o.withKeyForReads(true))) {
            assertProblem(closed.get("/api/v1/search"), 401);
            assertProblem(closed.get("/api/v1/search", "Authorization", "Bearer stk_wrong"), 403);
            assertThat(closed.get("/api/v1/search", "Authorization", "Bearer " + closed.key).statusCode()).isEqualTo(200);
            assertThat(closed.get("/health").statusCode()).isEqualTo(200);
            assertThat(closed.get("/api.html").statusCode()).isEqualTo(200);
            assertThat(closed.get("/api/api.css").statusCode()).isEqualTo(200);
        }
    }

    // ---- compression

    @Test
    void a_large_response_is_gzipped_for_a_client_that_asks() throws IOException {
        HttpResponse<byte[]> plain = server.getBytes("/api/v1/search?size=100&sort=date");
        HttpResponse<byte[]> zipped = server.getBytes("/api/v1/search?size=100&sort=date", "Accept-Encoding", "gzip");
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(zipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        byte[] unzipped = gunzip(zipped.body());
        assertThat(zipped.body().length).isLessThan(unzipped.length / 3);
        JsonNode a = TestServer.parse(new String(plain.body(), StandardCharsets.UTF_8));
        JsonNode b = TestServer.parse(new String(unzipped, StandardCharsets.UTF_8));
        assertThat(b.path("hits")).isEqualTo(a.path("hits"));
        assertThat(server.getBytes("/health", "Accept-Encoding", "gzip").headers().firstValue("Content-Encoding")).isEmpty();
    }

    @Test
    void a_large_export_streams_without_a_content_length_gzipped_or_not() throws IOException {
        try (TestServer big = TestServer.start(dir)) {
            for (int i = 0; i < 3000; i++) {
                String id = String.format("%016x", 0xabc0000L + i);
                String body = "Bulletin " + i + " of the harbour office: tides, cargo and the weather at sea.";
                big.archive.index().upsert(new Article(id, "Harbour bulletin " + i, body, PublicationDate.parseIso("1990-01-01", "test"),
                        List.of(), List.of(), List.of(), new Source("bulletin-" + i + ".txt", "text/plain", "txt", id.repeat(4), body.length()), false, null));
            }
            big.archive.index().commit();
            for (String encoding : List.of("identity", "gzip")) {
                HttpResponse<InputStream> response = big.send(big.request("/api/v1/export?format=csv&q=harbour")
                        .header("Accept-Encoding", encoding).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(response.headers().firstValue("Content-Length")).as(encoding).isEmpty();
                InputStream in = encoding.equals("gzip") ? new GZIPInputStream(response.body()) : response.body();
                assertThat(response.headers().firstValue("Content-Encoding")).isEqualTo(encoding.equals("gzip") ? java.util.Optional.of("gzip") : java.util.Optional.empty());
                String csv = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                assertThat(csv.split("\r\n")).hasSize(3001);
            }
        }
    }

    // ---- CORS

    @Test
    void cors_is_off_by_default() {
        HttpResponse<String> response = server.get("/api/v1/search", "Origin", "https://example.org");
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void cors_allows_the_configured_origins_only() throws IOException {
        try (TestServer open = TestServer.start(dir, o -> o.withCorsOrigins(List.of("https://example.org")))) {
            HttpResponse<String> allowed = open.get("/api/v1/search", "Origin", "https://example.org");
            assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://example.org");
            assertThat(allowed.headers().firstValue("Access-Control-Expose-Headers")).get().asString().contains("X-Request-Id");
            assertThat(String.join(", ", allowed.headers().allValues("Vary"))).contains("Origin", "Accept-Encoding");
            assertThat(open.get("/api/v1/search", "Origin", "https://evil.example").headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
            HttpResponse<String> preflight = open.send(open.request("/api/v1/documents")
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                    .header("Origin", "https://example.org")
                    .header("Access-Control-Request-Method", "POST")
                    .header("Access-Control-Request-Headers", "authorization").build());
            assertThat(preflight.statusCode()).isEqualTo(204);
            assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://example.org");
            assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers")).get().asString().containsIgnoringCase("authorization");
        }
    }

    // ---- status

    @Test
    void health_is_ok_with_the_document_count() {
        JsonNode health = assertJson(server.get("/health"), "Health");
        assertThat(health.toString()).isEqualTo("{\"status\":\"ok\",\"documents\":16}");
    }

    @Test
    void metrics_count_requests_by_route_and_status_in_the_prometheus_text_format() throws IOException {
        try (TestServer fresh = TestServer.start(dir)) {
            fresh.get("/api/v1/search?q=a");
            fresh.get("/api/v1/search?q=b");
            fresh.get("/api/v1/search?size=0");
            fresh.get("/api/v1/documents/0123456789abcdef");
            fresh.get("/nope");
            HttpResponse<String> metrics = fresh.get("/metrics");
            assertThat(metrics.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
            String text = metrics.body();
            assertThat(text).contains(
                    "# TYPE stacks_http_requests_total counter\n",
                    "stacks_http_requests_total{method=\"GET\",route=\"/api/v1/search\",status=\"200\"} 2\n",
                    "stacks_http_requests_total{method=\"GET\",route=\"/api/v1/search\",status=\"400\"} 1\n",
                    "stacks_http_requests_total{method=\"GET\",route=\"/api/v1/documents/{id}\",status=\"404\"} 1\n",
                    "stacks_http_requests_total{method=\"GET\",route=\"unmatched\",status=\"404\"} 1\n",
                    "stacks_http_request_duration_seconds_count{route=\"/api/v1/search\"} 3\n",
                    "# TYPE stacks_documents gauge\nstacks_documents 0\n",
                    "# TYPE stacks_search_counts_kept gauge\nstacks_search_counts_kept 0\n", // no search here is costly
                    "\nstacks_search_counts_kept_bytes 0\n", "\nstacks_search_counts_reused 0\n");
            for (String line : text.split("\n")) {
                assertThat(line).matches("# (HELP|TYPE) .*|[a-z_]+(\\{[a-z]+=\"[^\"]*\"(,[a-z]+=\"[^\"]*\")*\\})? -?[0-9.E-]+");
            }
        }
    }

    // ----

    private static String rawRequest(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.app.port())) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static byte[] gunzip(byte[] bytes) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        }
    }
}
