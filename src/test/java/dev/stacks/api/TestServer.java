package dev.stacks.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stacks.app.Archive;
import dev.stacks.enrich.Enricher;
import dev.stacks.extract.ExtractionLimits;
import dev.stacks.ingest.FileFilter;
import dev.stacks.ingest.IngestListener;
import io.javalin.Javalin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real archive (Tika, Lucene) in a temporary folder, served by the real server on a free
 * loopback port, with a real HTTP client and a valid API key named "tester".
 */
final class TestServer implements AutoCloseable {
    static final Path SAMPLES = Path.of("corpus/samples");
    static final Path WEB = Path.of("web");
    static final Path BAD_INPUTS = Path.of(System.getProperty("stacks.shared", "../shared")).resolve("corpora/bad-inputs");
    static final ObjectMapper JSON = new ObjectMapper();

    final Path corpus;
    final Path index;
    final Archive archive;
    final ApiKeys keys;
    final String key;
    final Javalin app;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TestServer(Path corpus, Path index, Archive archive, ApiKeys keys, String key, Javalin app) {
        this.corpus = corpus;
        this.index = index;
        this.archive = archive;
        this.keys = keys;
        this.key = key;
        this.app = app;
    }

    /** A server over an empty archive. */
    static TestServer start(Path dir) throws IOException {
        return start(dir, o -> o);
    }

    static TestServer start(Path dir, UnaryOperator<ServerOptions> options) throws IOException {
        return start(dir, options, new KnownEnricher());
    }

    static TestServer start(Path dir, UnaryOperator<ServerOptions> options, Enricher enricher) throws IOException {
        Path corpus = dir.resolve("corpus");
        Path index = dir.resolve("index");
        Archive archive = Archive.open(corpus, index, ExtractionLimits.defaults(), enricher, 2);
        try {
            ApiKeys keys = new ApiKeys(ApiKeys.fileIn(corpus));
            String key = keys.create("tester");
            Javalin app = ApiServer.create(archive, keys, options.apply(ServerOptions.defaults(WEB)));
            app.start("127.0.0.1", 0);
            return new TestServer(corpus, index, archive, keys, key, app);
        } catch (IOException | RuntimeException e) {
            archive.close();
            throw e;
        }
    }

    /** A server over the sixteen sample articles, enriched with their gold annotations. */
    static TestServer withSamples(Path dir) throws IOException {
        return withSamples(dir, o -> o);
    }

    static TestServer withSamples(Path dir, UnaryOperator<ServerOptions> options) throws IOException {
        TestServer server = start(dir, options);
        server.archive.ingestor().ingest(List.of(SAMPLES), FileFilter.defaults(), IngestListener.NONE);
        return server;
    }

    String base() {
        return "http://127.0.0.1:" + app.port();
    }

    URI uri(String pathAndQuery) {
        return URI.create(base() + pathAndQuery);
    }

    HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(30));
    }

    HttpResponse<String> get(String pathAndQuery, String... headers) {
        HttpRequest.Builder b = request(pathAndQuery);
        if (headers.length > 0) {
            b.headers(headers);
        }
        return send(b.GET().build());
    }

    HttpResponse<byte[]> getBytes(String pathAndQuery, String... headers) {
        HttpRequest.Builder b = request(pathAndQuery);
        if (headers.length > 0) {
            b.headers(headers);
        }
        return send(b.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** GET that must answer 200 with JSON. */
    JsonNode json(String pathAndQuery) {
        HttpResponse<String> r = get(pathAndQuery);
        assertThat(r.statusCode()).as("GET %s: %s", pathAndQuery, r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).get().asString().startsWith("application/json");
        return parse(r.body());
    }

    HttpResponse<String> upload(String bearer, Multipart body) {
        HttpRequest.Builder b = request("/api/v1/documents")
                .header("Content-Type", body.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes()));
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return send(b.build());
    }

    HttpResponse<String> upload(String name, byte[] bytes) {
        return upload(key, new Multipart().file(name, bytes));
    }

    /** Uploads a text and returns the new document's id. */
    String uploadText(String name, String text) {
        HttpResponse<String> r = upload(name, text.getBytes(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return parse(r.body()).path("results").path(0).path("id").asText();
    }

    HttpResponse<String> delete(String id, String bearer) {
        HttpRequest.Builder b = request("/api/v1/documents/" + id).DELETE();
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return send(b.build());
    }

    HttpResponse<String> send(HttpRequest request) {
        return send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(request, handler);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The id of the sample with this file name, found through the API. */
    String idOf(String fileName) {
        JsonNode hits = json("/api/v1/search?size=100").path("hits");
        for (JsonNode hit : hits) {
            if (hit.path("source").path("name").asText().equals(fileName)) {
                return hit.path("id").asText();
            }
        }
        throw new AssertionError("no document named " + fileName);
    }

    static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.path(field).asText()));
        return out;
    }

    /** A multipart/form-data body, built by hand so tests control every byte of the file names. */
    static final class Multipart {
        private final String boundary = "stacks-" + UUID.randomUUID();
        private final java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();

        Multipart file(String fileName, byte[] content) {
            return part("file", fileName, content);
        }

        Multipart part(String field, String fileName, byte[] content) {
            String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\""
                    + (fileName == null ? "" : "; filename=\"" + fileName.replace("\"", "%22") + "\"")
                    + "\r\nContent-Type: application/octet-stream\r\n\r\n";
            out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
            out.writeBytes(content);
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
            return this;
        }

        String contentType() {
            return "multipart/form-data; boundary=" + boundary;
        }

        byte[] bytes() {
            java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
            all.writeBytes(out.toByteArray());
            all.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return all.toByteArray();
        }
    }

    static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            app.stop();
        } finally {
            archive.close();
        }
    }
}
