package dev.stacks.ingest;

import dev.stacks.app.Archive;
import dev.stacks.corpus.OriginalRecord;
import dev.stacks.search.Hit;
import dev.stacks.search.SearchRequest;
import dev.stacks.search.SearchResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The pipeline through real parts: files on disk, Tika, a corpus and an index in a temporary folder. */
class IngestorTest {
    @TempDir
    Path dir;

    private Path drop(String name, String text) throws IOException {
        Path f = dir.resolve("drop").resolve(name);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    private Archive open() throws IOException {
        return Archive.open(dir.resolve("corpus"), dir.resolve("index"));
    }

    @Test
    void every_file_ends_in_one_outcome_and_a_bad_file_does_not_stop_the_batch() throws IOException {
        drop("a.txt", "Harbour strike\n\nDock workers walked out on Monday.");
        drop("empty.txt", "");
        Files.write(dir.resolve("drop/noise.docx"), new byte[] {1, 2, 3, 4, 5, 6, 7, (byte) 0xFF, 0, 0, 9});
        drop("b.html", "<html><head><title>Coffee prices</title></head><body><p>Coffee prices rose in Huila.</p></body></html>");
        drop("README.md", "# about this folder");
        try (Archive archive = open()) {
            IngestReport report = archive.ingestor().ingest(List.of(dir.resolve("drop")), FileFilter.defaults(), IngestListener.NONE);
            assertThat(report.files()).hasSize(4);
            assertThat(report.counts().get(Outcome.INDEXED)).isEqualTo(2);
            assertThat(report.rejected()).extracting(FileResult::file, FileResult::reason).containsExactlyInAnyOrder(
                    org.assertj.core.groups.Tuple.tuple("empty.txt", "empty file"),
                    org.assertj.core.groups.Tuple.tuple("noise.docx", "unsupported/undetected type application/octet-stream: the bytes match no known document format"));
            assertThat(archive.search().search(SearchRequest.of("coffee")).hits()).extracting(Hit::title).containsExactly("Coffee prices");
        }
    }

    @Test
    void ingesting_again_skips_what_is_archived_and_the_same_bytes_under_two_names_are_one_document() throws IOException {
        drop("one.txt", "Port strike\n\nThe port of Valparaíso is closed.");
        drop("copy-of-one.txt", "Port strike\n\nThe port of Valparaíso is closed.");
        try (Archive archive = open()) {
            IngestReport first = archive.ingestor().ingest(List.of(dir.resolve("drop")), FileFilter.defaults(), IngestListener.NONE);
            assertThat(first.counts().get(Outcome.INDEXED)).isEqualTo(1);
            assertThat(first.counts().get(Outcome.DUPLICATE)).isEqualTo(1);
            IngestReport again = archive.ingestor().ingest(List.of(dir.resolve("drop")), FileFilter.defaults(), IngestListener.NONE);
            assertThat(again.counts().get(Outcome.DUPLICATE)).isEqualTo(2);
            assertThat(archive.index().articleCount()).isEqualTo(1);
            String id = first.files().stream().filter(f -> f.outcome() == Outcome.INDEXED).findFirst().orElseThrow().id();
            OriginalRecord record = archive.corpus().findById(id).orElseThrow();
            assertThat(record.names()).containsExactlyInAnyOrder("one.txt", "copy-of-one.txt");
            assertThat(record.outcome()).isEqualTo("indexed");
            assertThat(record.tikaVersion()).startsWith("Apache Tika");
            assertThat(Files.readString(archive.corpus().bytesPath(record.sha256()))).contains("Valparaíso");
        }
    }

    @Test
    void reindex_rebuilds_identical_search_results_from_the_corpus_alone() throws IOException {
        Path samples = Path.of("corpus/samples");
        SearchResult before;
        try (Archive archive = open()) {
            archive.ingestor().ingest(List.of(samples), FileFilter.defaults(), IngestListener.NONE);
            before = archive.search().search(SearchRequest.of("strike OR harvest OR court").withSize(50));
        }
        deleteTree(dir.resolve("index"));
        SearchResult after;
        try (Archive archive = open()) {
            assertThat(archive.index().articleCount()).isZero();
            IngestReport report = archive.ingestor().reindex(IngestListener.NONE);
            assertThat(report.rejected()).isEmpty();
            after = archive.search().search(SearchRequest.of("strike OR harvest OR court").withSize(50));
        }
        assertThat(before.total()).isGreaterThan(2);
        assertThat(after.total()).isEqualTo(before.total());
        assertThat(after.hits()).extracting(Hit::id, Hit::title, Hit::date, Hit::snippets)
                .containsExactlyElementsOf(before.hits().stream().map(h -> org.assertj.core.groups.Tuple.tuple(h.id(), h.title(), h.date(), h.snippets())).toList());
    }

    @Test
    void a_deleted_document_leaves_search_but_keeps_its_original_and_can_come_back() throws IOException {
        Path file = drop("memo.txt", "Budget memo\n\nThe council approved the budget.");
        try (Archive archive = open()) {
            String id = archive.ingestor().ingest(List.of(file), FileFilter.defaults(), IngestListener.NONE).files().get(0).id();
            OriginalRecord record = archive.corpus().findById(id).orElseThrow();
            archive.index().delete(id);
            archive.index().commit();
            archive.corpus().update(record.withDeleted(true));
            assertThat(archive.search().search(SearchRequest.of("budget")).total()).isZero();
            assertThat(archive.corpus().bytesPath(record.sha256())).exists();

            IngestReport again = archive.ingestor().ingest(List.of(file), FileFilter.defaults(), IngestListener.NONE);
            assertThat(again.files().get(0).outcome()).isEqualTo(Outcome.INDEXED);
            assertThat(archive.search().search(SearchRequest.of("budget")).total()).isEqualTo(1);
        }
    }

    @Test
    void the_inbox_takes_files_once_they_have_settled_and_never_writes_to_the_inbox() throws IOException {
        Path inbox = dir.resolve("inbox");
        Files.createDirectories(inbox);
        try (Archive archive = open()) {
            InboxWatcher watcher = new InboxWatcher(inbox, archive.ingestor(), () -> { });
            Files.writeString(inbox.resolve("new.txt"), "Flood warning\n\nThe river rose overnight.");
            assertThat(watcher.poll()).isNull(); // first sight: maybe still being copied
            IngestReport report = watcher.poll();
            assertThat(report.files()).extracting(FileResult::outcome).containsExactly(Outcome.INDEXED);
            assertThat(watcher.poll()).isNull(); // taken already
            assertThat(archive.search().search(SearchRequest.of("flood")).total()).isEqualTo(1);
            try (Stream<Path> files = Files.list(inbox)) {
                assertThat(files.map(p -> p.getFileName().toString())).containsExactly("new.txt");
            }
            assertThat(archive.corpus().findById(report.files().get(0).id()).orElseThrow().receipts().get(0).from()).isEqualTo("inbox");
        }
    }

    @Test
    void an_email_attachment_becomes_its_own_document_linked_to_its_message() throws IOException {
        String eml = String.join("\r\n",
                "From: Desk <desk@example.org>",
                "To: Archive <archive@example.org>",
                "Subject: Harbour report",
                "Date: Tue, 08 Jul 2025 09:14:00 +0200",
                "MIME-Version: 1.0",
                "Content-Type: multipart/mixed; boundary=\"XYZ\"",
                "",
                "--XYZ",
                "Content-Type: text/plain; charset=utf-8",
                "",
                "The harbour master's note is attached.",
                "--XYZ",
                "Content-Type: text/plain; charset=utf-8",
                "Content-Disposition: attachment; filename=\"tides.txt\"",
                "",
                "Tide tables\n\nSpring tides will flood the quay at Gdansk on Friday.",
                "--XYZ--",
                "");
        Path file = drop("report.eml", eml);
        try (Archive archive = open()) {
            IngestReport report = archive.ingestor().ingest(List.of(file), FileFilter.defaults(), IngestListener.NONE);
            String messageId = report.files().get(0).id();
            assertThat(report.files().get(0).outcome()).isEqualTo(Outcome.INDEXED);

            SearchResult tides = archive.search().search(SearchRequest.of("spring tides"));
            assertThat(tides.total()).isEqualTo(1);
            String attachmentId = tides.hits().get(0).id();
            assertThat(attachmentId).isNotEqualTo(messageId);
            assertThat(archive.search().document(attachmentId, null).orElseThrow().parentId()).isEqualTo(messageId);
            assertThat(archive.search().document(messageId, null).orElseThrow().text()).doesNotContain("Spring tides");
            OriginalRecord attachment = archive.corpus().findById(attachmentId).orElseThrow();
            assertThat(attachment.names()).containsExactly("tides.txt");
            assertThat(attachment.parentId()).isEqualTo(messageId);
            try (Stream<Path> work = Files.list(archive.corpus().workFolder())) {
                assertThat(work.filter(p -> p.getFileName().toString().startsWith("attachment"))).isEmpty();
            }
        }
        deleteTree(dir.resolve("index"));
        try (Archive archive = open()) {
            archive.ingestor().reindex(IngestListener.NONE);
            assertThat(archive.search().search(SearchRequest.of("spring tides")).total()).isEqualTo(1);
            assertThat(archive.index().articleCount()).isEqualTo(2);
        }
    }

    static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
