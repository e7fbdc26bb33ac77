package dev.stacks.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stacks.corpus.OriginalRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static dev.stacks.api.ApiAssertions.assertBadParameter;
import static dev.stacks.api.ApiAssertions.assertJson;
import static dev.stacks.api.ApiAssertions.assertProblem;
import static dev.stacks.api.TestServer.Multipart;
import static dev.stacks.api.TestServer.texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Reading, downloading, uploading and deleting documents through a real server. */
class ApiDocumentTest {
    static final String ZURICH = "Zürich report – März 1987 (final copy).txt";

    @TempDir
    static Path dir;
    static TestServer server;

    @BeforeAll
    static void start() throws IOException {
        server = TestServer.withSamples(dir, o -> o.withWritesPerMinute(100_000));
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
    }

    // ---- GET /api/v1/documents/{id}

    @Test
    void a_document_has_its_full_text_actors_places_and_quotes_with_offsets_into_it() {
        String id = server.idOf("coffee-harvest-huila.txt");
        JsonNode doc = assertJson(server.get("/api/v1/documents/" + id), "Document");
        String text = doc.path("text").asText();
        assertThat(doc.path("id").asText()).isEqualTo(id);
        assertThat(doc.path("date").asText()).isEqualTo("2019-04-12");
        assertThat(doc.path("dateSource").asText()).isEqualTo("test:gold");
        assertThat(text).startsWith("Rains delay Huila's mitaca coffee harvest as growers count losses");
        JsonNode luz = doc.path("actors").path(1);
        assertThat(luz.path("name").asText()).isEqualTo("Luz Marina Perdomo");
        assertThat(luz.path("type").asText()).isEqualTo("person");
        assertThat(luz.path("mentions")).isNotEmpty();
        luz.path("mentions").forEach(m -> assertThat(text.substring(m.path("start").asInt(), m.path("end").asInt())).isEqualTo("Luz Marina Perdomo"));
        JsonNode huila = doc.path("locations").path(1);
        assertThat(huila.path("path").asText()).isEqualTo("Colombia/Huila");
        huila.path("mentions").forEach(m -> assertThat(text.substring(m.path("start").asInt(), m.path("end").asInt())).isEqualTo("Huila"));
        JsonNode quote = doc.path("quotes").path(0);
        assertThat(quote.path("speaker").asText()).isEqualTo("Luz Marina Perdomo");
        assertThat(text.substring(quote.path("start").asInt(), quote.path("end").asInt())).isEqualTo(quote.path("text").asText());
        assertThat(doc.path("matches")).isEmpty();
    }

    @Test
    void a_document_shows_its_source_and_provenance() {
        JsonNode doc = server.json("/api/v1/documents/" + server.idOf("port-strike-valparaiso.pdf"));
        JsonNode source = doc.path("source");
        assertThat(source.path("name").asText()).isEqualTo("port-strike-valparaiso.pdf");
        assertThat(source.path("names")).hasSize(1);
        assertThat(source.path("names").path(0).asText()).isEqualTo("port-strike-valparaiso.pdf");
        assertThat(source.path("contentType").asText()).isEqualTo("application/pdf");
        assertThat(source.path("format").asText()).isEqualTo("pdf");
        assertThat(source.path("size").asLong()).isEqualTo(2954);
        assertThat(source.path("sha256").asText()).startsWith(doc.path("id").asText());
        JsonNode receipt = doc.path("provenance").path(0);
        assertThat(receipt.path("name").asText()).isEqualTo("port-strike-valparaiso.pdf");
        assertThat(receipt.path("from").asText()).isEqualTo("file");
        assertThat(receipt.path("key").isNull()).isTrue();
        assertThat(doc.path("extraction").path("outcome").asText()).isEqualTo("indexed");
        assertThat(doc.path("extraction").path("tika").asText()).startsWith("Apache Tika 3.");
        assertThat(doc.path("truncated").asBoolean()).isFalse();
    }

    @Test
    void with_q_a_document_lists_every_match_of_the_query_in_its_text() {
        String id = server.idOf("coffee-harvest-huila.txt");
        JsonNode doc = assertJson(server.get("/api/v1/documents/" + id + "?q=harvest"), "Document");
        String text = doc.path("text").asText();
        Matcher occurrences = Pattern.compile("(?i)\\bharvests?\\b").matcher(text);
        int expected = 0;
        while (occurrences.find()) {
            expected++;
        }
        assertThat(doc.path("matches")).hasSize(expected);
        doc.path("matches").forEach(m -> assertThat(text.substring(m.path("start").asInt(), m.path("end").asInt())).matches("(?i)harvests?"));
        assertBadParameter(server.get("/api/v1/documents/" + id + "?q=" + "x".repeat(2001)), "q");
        assertBadParameter(server.get("/api/v1/documents/" + id + "?q=%28harvest"), "q");
    }

    @Test
    void unknown_ids_and_traversal_like_ids_are_404s_that_reveal_nothing() {
        for (String id : List.of("0000000000000000", "..%2f..%2fetc%2fpasswd", "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "..%5c..%5cwindows%5cwin.ini",
                "6766C4CC54D383C7", "6766c4cc54d383c7a", "6766c4cc54d383c", "%00")) {
            for (String suffix : List.of("", "/original", "/similar")) {
                HttpResponse<String> response = server.get("/api/v1/documents/" + id + suffix);
                assertThat(response.statusCode()).as(id + suffix).isIn(400, 404);
                assertProblem(response, response.statusCode());
                assertThat(response.body()).doesNotContain("root:", "[fonts]");
            }
        }
    }

    @Test
    void a_document_has_an_etag_and_answers_304_while_it_is_unchanged() {
        String path = "/api/v1/documents/" + server.idOf("flood-trier.txt");
        HttpResponse<String> first = server.get(path);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).matches("\"[0-9a-f]{32}\"");
        assertThat(first.headers().firstValue("Cache-Control")).hasValue("no-cache");
        HttpResponse<String> again = server.get(path, "If-None-Match", etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(again.headers().firstValue("ETag")).hasValue(etag);
        assertThat(server.get(path, "If-None-Match", "W/" + etag).statusCode()).isEqualTo(304);
        assertThat(server.get(path, "If-None-Match", "\"other\", " + etag).statusCode()).isEqualTo(304);
        assertThat(server.get(path, "If-None-Match", "\"other\"").statusCode()).isEqualTo(200);
        assertThat(server.get(path + "?q=flood").headers().firstValue("ETag")).get().isNotEqualTo(etag);
    }

    // ---- GET /api/v1/documents/{id}/original

    @Test
    void the_original_is_the_archived_bytes_with_their_type_as_an_attachment() {
        String id = server.idOf("port-strike-valparaiso.pdf");
        HttpResponse<byte[]> response = server.getBytes("/api/v1/documents/" + id + "/original");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(TestServer.read(TestServer.SAMPLES.resolve("port-strike-valparaiso.pdf")));
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(response.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"port-strike-valparaiso.pdf\"; filename*=UTF-8''port-strike-valparaiso.pdf");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void the_original_has_its_hash_as_etag_and_answers_304() {
        String id = server.idOf("court-ruling-montreal.docx");
        String path = "/api/v1/documents/" + id + "/original";
        HttpResponse<byte[]> first = server.getBytes(path);
        String sha = server.json("/api/v1/documents/" + id).path("source").path("sha256").asText();
        assertThat(first.headers().firstValue("ETag")).hasValue("\"" + sha + "\"");
        assertThat(first.headers().firstValue("Cache-Control")).hasValue("private, max-age=86400, immutable");
        HttpResponse<byte[]> again = server.getBytes(path, "If-None-Match", "\"" + sha + "\"");
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
    }

    @Test
    void an_original_with_a_non_ascii_name_downloads_under_that_exact_name() {
        byte[] bytes = "DIAMOND SHAMROCK OFFSHORE <DSP> IN FIND\n\nA report from Zürich, March 1987.\n".getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> upload = server.upload(ZURICH, bytes);
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(201);
        JsonNode result = TestServer.parse(upload.body()).path("results").path(0);
        assertThat(result.path("file").asText()).isEqualTo(ZURICH);
        HttpResponse<byte[]> original = server.getBytes("/api/v1/documents/" + result.path("id").asText() + "/original");
        assertThat(original.body()).isEqualTo(bytes);
        assertThat(original.headers().firstValue("Content-Type")).get().asString().startsWith("text/plain");
        assertThat(original.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"Z_rich report _ M_rz 1987 (final copy).txt\"; "
                + "filename*=UTF-8''Z%C3%BCrich%20report%20%E2%80%93%20M%C3%A4rz%201987%20%28final%20copy%29.txt");
        JsonNode doc = server.json("/api/v1/documents/" + result.path("id").asText());
        assertThat(doc.path("source").path("name").asText()).isEqualTo(ZURICH);
        assertThat(doc.path("provenance").path(0).path("from").asText()).isEqualTo("upload");
        assertThat(doc.path("provenance").path(0).path("key").asText()).isEqualTo("tester");
    }

    // ---- POST /api/v1/documents

    @Test
    void uploading_without_a_key_is_401_and_with_a_wrong_or_revoked_key_403() throws IOException {
        Multipart body = new Multipart().file("keyless.txt", "Uploaded without a key.".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> none = server.upload(null, body);
        assertProblem(none, 401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"stacks\"");
        HttpResponse<String> basic = server.send(server.request("/api/v1/documents").header("Authorization", "Basic dXNlcjpwYXNz")
                .header("Content-Type", body.contentType()).POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes())).build());
        assertProblem(basic, 401);
        assertProblem(server.upload("stk_wrong", body), 403);
        String revoked = server.keys.create("leaver");
        server.keys.revoke("leaver");
        assertProblem(server.upload(revoked, body), 403);
        assertThat(server.json("/api/v1/search?q=keyless").path("total").asLong()).isZero();
    }

    @Test
    void uploading_new_bytes_is_201_and_the_same_bytes_again_200_duplicate() {
        byte[] bytes = "Date: 2001-02-03\nThe lighthouse keeper of Tórshavn retired after forty winters.\n".getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> created = server.upload("lighthouse.txt", bytes);
        JsonNode first = assertJsonStatus(created, 201).path("results").path(0);
        assertThat(first.path("file").asText()).isEqualTo("lighthouse.txt");
        assertThat(first.path("outcome").asText()).isEqualTo("indexed");
        assertThat(first.path("reason").isNull()).isTrue();
        assertThat(first.path("id").asText()).matches("[0-9a-f]{16}");
        assertThat(first.path("title").asText()).isEqualTo("lighthouse");
        JsonNode hit = server.json("/api/v1/search?q=lighthouse").path("hits").path(0);
        assertThat(hit.path("id").asText()).isEqualTo(first.path("id").asText());
        assertThat(hit.path("date").asText()).isEqualTo("2001-02-03");

        JsonNode again = assertJsonStatus(server.upload("lighthouse-copy.txt", bytes), 200).path("results").path(0);
        assertThat(again.path("outcome").asText()).isEqualTo("duplicate");
        assertThat(again.path("id").asText()).isEqualTo(first.path("id").asText());
        assertThat(again.path("reason").asText()).isEqualTo("already archived as " + first.path("id").asText() + " (lighthouse.txt)");
        assertThat(again.path("title").asText()).isEqualTo("lighthouse");
        assertThat(server.json("/api/v1/documents/" + first.path("id").asText()).path("source").path("names").toString())
                .isEqualTo("[\"lighthouse.txt\",\"lighthouse-copy.txt\"]");
    }

    @Test
    void uploading_several_files_is_207_with_one_result_each_in_order() {
        Multipart body = new Multipart()
                .file("first-of-three.txt", "The first of three files, about a glassblower.".getBytes(StandardCharsets.UTF_8))
                .file("archive.zip", zip())
                .file("first-again.txt", "The first of three files, about a glassblower.".getBytes(StandardCharsets.UTF_8));
        JsonNode results = assertJsonStatus(server.upload(server.key, body), 207).path("results");
        assertThat(texts(results, "file")).containsExactly("first-of-three.txt", "archive.zip", "first-again.txt");
        assertThat(texts(results, "outcome")).containsExactly("indexed", "rejected", "duplicate");
        assertThat(results.path(1).path("reason").asText()).isEqualTo("unsupported type application/zip: archives are not unpacked; extract the files and ingest them");
        assertThat(results.path(1).path("id").isNull()).isTrue();
        assertThat(texts(results, "title")).containsExactly("first-of-three", "null", "first-of-three");
    }

    @Test
    void uploading_an_unsupported_type_is_415_with_the_pipelines_reason() {
        JsonNode problem = assertProblem(server.upload("photos.zip", zip()), 415);
        assertThat(problem.path("parameter").asText()).isEqualTo("file");
        assertThat(problem.path("detail").asText())
                .isEqualTo("photos.zip: unsupported type application/zip: archives are not unpacked; extract the files and ingest them");
        assertThat(assertProblem(server.upload("photos-again.zip", zip()), 415).path("detail").asText())
                .isEqualTo("photos-again.zip: unsupported type application/zip: archives are not unpacked; extract the files and ingest them");
    }

    @Test
    void uploading_an_empty_or_corrupt_file_is_422_with_the_pipelines_reason() {
        assertThat(assertProblem(server.upload("nothing.pdf", new byte[0]), 422).path("detail").asText()).isEqualTo("nothing.pdf: empty file");
        byte[] broken = "%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n%% cut here".getBytes(StandardCharsets.US_ASCII);
        assertThat(assertProblem(server.upload("broken.pdf", broken), 422).path("detail").asText()).startsWith("broken.pdf: corrupt or truncated PDF");
    }

    @Test
    void uploading_an_encrypted_pdf_is_422_encrypted() {
        Path encrypted = TestServer.BAD_INPUTS.resolve("password-protected.pdf");
        assumeTrue(Files.isRegularFile(encrypted), "needs ../shared/corpora/bad-inputs");
        JsonNode problem = assertProblem(server.upload("password-protected.pdf", TestServer.read(encrypted)), 422);
        assertThat(problem.path("detail").asText()).isEqualTo("password-protected.pdf: encrypted PDF, password required");
    }

    @Test
    void path_traversal_file_names_are_400s_and_no_file_is_written_anywhere() throws IOException {
        long originals = originalCount();
        byte[] bytes = "A harmless text about traversal tests.".getBytes(StandardCharsets.UTF_8);
        Path outside = dir.getParent();
        List<String> names = List.of("../../../../tmp/traversal-test.txt", "..\\..\\windows\\win.ini", "/etc/passwd",
                "%2e%2e%2fsecret.txt", "name%00.pdf", "a/../../b.txt", "..", ".", "C:\\boot.ini", "bell\u0007.txt", "nul\u0000.txt");
        boolean tmpFileBefore = Files.exists(Path.of("/tmp/traversal-test.txt"));
        for (String name : names) {
            JsonNode problem = assertBadParameter(server.upload(name, bytes), "file");
            assertThat(problem.path("detail").asText()).as(name).containsAnyOf("is not allowed", "needs a file name", "could not be read");
        }
        assertThat(Files.exists(Path.of("/tmp/traversal-test.txt"))).isEqualTo(tmpFileBefore);
        for (Path p : List.of(outside.resolve("b.txt"), outside.resolve("secret.txt"), dir.resolve("b.txt"), dir.resolve("secret.txt"),
                server.corpus.resolve("b.txt"), server.corpus.getParent().resolve("b.txt"))) {
            assertThat(p).doesNotExist();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .noneMatch(n -> n.contains("traversal") || n.contains("win.ini") || n.equals("passwd") || n.contains("secret") || n.equals("b.txt"));
        }
        assertThat(originalCount()).isEqualTo(originals);
        try (Stream<Path> work = Files.list(server.archive.corpus().workFolder())) {
            // parser workers keep a scratch folder each while they run; no upload may be left behind
            assertThat(work.filter(p -> !p.getFileName().toString().startsWith("worker-"))).isEmpty();
        }
    }

    @Test
    void an_upload_without_file_parts_is_a_400_naming_file() {
        assertBadParameter(server.upload(server.key, new Multipart().part("document", "x.txt", "text".getBytes(StandardCharsets.UTF_8))), "file");
        assertBadParameter(server.send(server.request("/api/v1/documents").header("Authorization", "Bearer " + server.key)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build()), "file");
    }

    // ---- DELETE /api/v1/documents/{id}

    @Test
    void deleting_needs_a_key_then_removes_the_document_from_search_and_keeps_the_original_on_disk() throws IOException {
        String id = server.uploadText("to-be-deleted.txt", "A short notice about the quarantined parrots of Valletta.");
        OriginalRecord record = server.archive.corpus().findById(id).orElseThrow();
        assertProblem(server.delete(id, null), 401);
        assertProblem(server.delete(id, "stk_wrong"), 403);

        HttpResponse<String> deleted = server.delete(id, server.key);
        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();
        assertThat(server.json("/api/v1/search?q=parrots").path("total").asLong()).isZero();
        assertProblem(server.get("/api/v1/documents/" + id), 404);
        assertProblem(server.get("/api/v1/documents/" + id + "/original"), 404);
        assertProblem(server.delete(id, server.key), 404);
        assertThat(server.archive.corpus().bytesPath(record.sha256())).exists();
        assertThat(server.archive.corpus().findById(id).orElseThrow().deleted()).isTrue();
        assertThat(server.json("/api/v1/stats").path("byOutcome").path("deleted").asInt()).isGreaterThanOrEqualTo(1);

        HttpResponse<String> back = server.upload("to-be-deleted.txt", "A short notice about the quarantined parrots of Valletta.".getBytes(StandardCharsets.UTF_8));
        assertThat(back.statusCode()).as(back.body()).isEqualTo(201);
        assertThat(server.json("/api/v1/search?q=parrots").path("total").asLong()).isEqualTo(1);
    }

    @Test
    void deleting_an_unknown_or_malformed_id_is_a_404() {
        assertProblem(server.delete("0123456789abcdef", server.key), 404);
        assertProblem(server.delete("..%2f..%2fcorpus", server.key), 404);
    }

    // ----

    private static JsonNode assertJsonStatus(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode body = TestServer.parse(response.body());
        Schemas.assertValid(body, "Upload");
        return body;
    }

    private static long originalCount() throws IOException {
        try (Stream<OriginalRecord> records = server.archive.corpus().records()) {
            return records.count();
        }
    }

    static byte[] zip() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("inside.txt"));
            zip.write("A file inside a zip archive.".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
