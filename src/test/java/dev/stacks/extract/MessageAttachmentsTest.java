package dev.stacks.extract;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 3: "Attachments of e-mails are indexed as their own documents linked to their parent." */
class MessageAttachmentsTest {
    private static final String BODY = "Dock workers in Valparaiso returned to work on Monday, the union said.";
    private static final String AGREEMENT = "The agreement raises wages by six percent over two years.";
    private static final String NOTES_HTML = "<html><head><title>Night shifts</title></head><body><nav>Menu</nav>"
            + "<p>The dispute over night shifts began in March.</p></body></html>";

    @TempDir
    Path dir;

    private Path work() {
        return dir.resolve("work");
    }

    /** One part of a multipart/mixed message: its headers and its (base64-encoded) content. */
    private record Part(String headers, byte[] content) {
        static Part attachment(String type, String fileName, byte[] content) {
            return new Part("Content-Type: " + type + "\r\nContent-Disposition: attachment"
                    + (fileName == null ? "" : "; filename=\"" + fileName + "\""), content);
        }

        static Part attachment(String type, String fileName, String content) {
            return attachment(type, fileName, content.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static String message(String subject, String body, Part... parts) {
        StringBuilder m = new StringBuilder()
                .append("From: desk@example.org\r\nTo: archive@example.org\r\nSubject: ").append(subject)
                .append("\r\nDate: Mon, 02 Mar 1987 10:00:00 +0000\r\nMIME-Version: 1.0\r\n")
                .append("Content-Type: multipart/mixed; boundary=\"b-").append(subject.length()).append("\"\r\n\r\n")
                .append("--b-").append(subject.length()).append("\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n")
                .append(body).append("\r\n");
        for (Part part : parts) {
            m.append("--b-").append(subject.length()).append("\r\n").append(part.headers())
                    .append("\r\nContent-Transfer-Encoding: base64\r\n\r\n")
                    .append(Base64.getMimeEncoder().encodeToString(part.content())).append("\r\n");
        }
        return m.append("--b-").append(subject.length()).append("--\r\n").toString();
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    private static ExtractionLimits limits(int maxEmbedded, int maxDepth, long maxExpandedBytes) {
        return new ExtractionLimits(100_000, 10 << 20, Duration.ofSeconds(60), maxEmbedded, maxDepth, maxExpandedBytes);
    }

    private static List<Path> filesIn(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList();
        }
    }

    private Path portStrike() throws IOException {
        return write("strike.eml", message("Port strike ends", BODY,
                Part.attachment("text/plain", "agreement.txt", AGREEMENT),
                Part.attachment("text/html", "notes.html", NOTES_HTML)));
    }

    @Test
    void the_message_text_is_its_own_and_each_attachment_is_an_extraction_of_its_own() throws IOException {
        Extraction e = new TikaExtractor(ExtractionLimits.defaults(), work()).extract(portStrike(), "strike.eml");

        assertThat(e.status()).isEqualTo(ExtractionStatus.TEXT);
        assertThat(e.contentType()).isEqualTo("message/rfc822");
        assertThat(e.title()).isEqualTo("Port strike ends");
        assertThat(e.text()).isEqualTo(BODY);
        assertThat(e.first(Extraction.RESOURCE_NAME)).isEqualTo("strike.eml");
        assertThat(e.attachments()).hasSize(2);

        Extraction agreement = e.attachments().get(0);
        assertThat(agreement.status()).isEqualTo(ExtractionStatus.TEXT);
        assertThat(agreement.contentType()).isEqualTo("text/plain");
        assertThat(agreement.text()).isEqualTo(AGREEMENT);
        assertThat(agreement.first(Extraction.RESOURCE_NAME)).isEqualTo("agreement.txt");

        Extraction notes = e.attachments().get(1);
        assertThat(notes.contentType()).isEqualTo("text/html");
        assertThat(notes.title()).isEqualTo("Night shifts");
        assertThat(notes.text()).isEqualTo("The dispute over night shifts began in March.");
        assertThat(notes.first(Extraction.RESOURCE_NAME)).isEqualTo("notes.html");
    }

    @Test
    void each_attachment_is_saved_in_the_work_folder_for_the_caller_to_archive() throws IOException {
        Extraction e = new TikaExtractor(ExtractionLimits.defaults(), work()).extract(portStrike(), "strike.eml");

        assertThat(e.file()).isNull();
        Extraction agreement = e.attachments().get(0);
        assertThat(agreement.file()).isNotNull().hasParent(work());
        assertThat(Files.readString(agreement.file())).isEqualTo(AGREEMENT);
        assertThat(Files.readString(e.attachments().get(1).file())).isEqualTo(NOTES_HTML);
        assertThat(filesIn(work())).containsExactlyInAnyOrder(agreement.file(), e.attachments().get(1).file());
    }

    @Test
    void an_attachment_is_extracted_exactly_as_its_saved_bytes_would_be_on_their_own() throws IOException {
        TikaExtractor extractor = new TikaExtractor(ExtractionLimits.defaults(), work());
        Extraction notes = extractor.extract(portStrike(), "strike.eml").attachments().get(1);

        Extraction alone = extractor.extract(notes.file(), "notes.html");

        assertThat(notes.withFile(null)).isEqualTo(alone);
    }

    @Test
    void without_a_work_folder_attachments_are_extracted_and_no_file_is_left() throws IOException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        String prefix = AttachmentFiles.prefix(ProcessHandle.current().pid());

        Extraction e = new TikaExtractor(ExtractionLimits.defaults()).extract(portStrike(), "strike.eml");

        assertThat(e.attachments()).extracting(Extraction::text).containsExactly(AGREEMENT, "The dispute over night shifts began in March.");
        assertThat(e.attachments()).extracting(Extraction::file).containsOnlyNulls();
        assertThat(filesIn(tmp)).noneMatch(f -> f.getFileName().toString().startsWith(prefix));
    }

    @Test
    void attachments_beyond_the_count_limit_are_skipped_and_the_message_is_marked_truncated() throws IOException {
        Extraction e = new TikaExtractor(limits(1, 3, 1 << 20), work()).extract(portStrike(), "strike.eml");

        assertThat(e.status()).isEqualTo(ExtractionStatus.TEXT);
        assertThat(e.truncated()).isTrue();
        assertThat(e.attachments()).extracting(a -> a.first(Extraction.RESOURCE_NAME)).containsExactly("agreement.txt");
        assertThat(filesIn(work())).containsExactly(e.attachments().get(0).file());
    }

    @Test
    void a_forwarded_message_keeps_its_own_attachments_down_to_the_depth_limit() throws IOException {
        String inner = message("Harvest note", "Coffee growers in Huila said the rains came late.",
                Part.attachment("text/plain", "yields.txt", "Yields fell by a tenth."));
        Path outer = write("fwd.eml", message("Fwd: harvest", "See the note below.",
                Part.attachment("message/rfc822", null, inner)));

        Extraction deep = new TikaExtractor(limits(10, 2, 1 << 20), work()).extract(outer, "fwd.eml");
        Extraction forwarded = deep.attachments().get(0);
        assertThat(forwarded.contentType()).isEqualTo("message/rfc822");
        assertThat(forwarded.first(Extraction.RESOURCE_NAME)).isEqualTo("attachment-1.eml");
        assertThat(forwarded.title()).isEqualTo("Harvest note");
        assertThat(forwarded.text()).isEqualTo("Coffee growers in Huila said the rains came late.");
        assertThat(forwarded.attachments()).extracting(Extraction::text).containsExactly("Yields fell by a tenth.");
        assertThat(deep.truncated()).isFalse();

        Extraction shallow = new TikaExtractor(limits(10, 1, 1 << 20), null).extract(outer, "fwd.eml");
        assertThat(shallow.attachments()).hasSize(1);
        assertThat(shallow.attachments().get(0).attachments()).isEmpty();
        assertThat(shallow.truncated()).isTrue();
    }

    @Test
    void attachments_that_expand_beyond_the_byte_limit_reject_the_message_as_a_suspected_bomb() throws IOException {
        Path bomb = write("bomb.eml", message("Zeros", BODY, Part.attachment("application/octet-stream", "zeros.bin", new byte[50_000])));

        Extraction e = new TikaExtractor(limits(10, 3, 10_000), work()).extract(bomb, "bomb.eml");

        assertThat(e.status()).isEqualTo(ExtractionStatus.REJECTED_BOMB);
        assertThat(e.reason()).isEqualTo("suspected bomb: embedded documents expand to more than 10000 bytes (the limit); the file was not indexed");
        assertThat(e.attachments()).isEmpty();
        assertThat(filesIn(work())).isEmpty();
    }

    @Test
    void an_attachment_name_is_reduced_to_a_safe_base_name() throws IOException {
        Path mail = write("names.eml", message("Names", BODY,
                Part.attachment("text/plain", "../../etc/passwd", "root is not here"),
                // a quoted backslash is written twice in a MIME header
                Part.attachment("text/plain", "C:\\\\Users\\\\desk\\\\minutes.txt", "Minutes of the meeting.")));

        Extraction e = new TikaExtractor(ExtractionLimits.defaults()).extract(mail, "names.eml");

        assertThat(e.attachments()).extracting(a -> a.first(Extraction.RESOURCE_NAME)).containsExactly("passwd", "minutes.txt");
    }

    @Test
    void an_unreadable_attachment_is_still_listed_with_its_reason() throws IOException {
        Path mail = write("archive.eml", message("Archive", BODY,
                Part.attachment("application/zip", "stories.zip", new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0, 0, 0})));

        Extraction e = new TikaExtractor(ExtractionLimits.defaults(), work()).extract(mail, "archive.eml");

        assertThat(e.status()).isEqualTo(ExtractionStatus.TEXT);
        Extraction zip = e.attachments().get(0);
        assertThat(zip.status()).isEqualTo(ExtractionStatus.REJECTED_UNSUPPORTED);
        assertThat(zip.reason()).isEqualTo("unsupported type application/zip: archives are not unpacked; extract the files and ingest them");
        assertThat(zip.first(Extraction.RESOURCE_NAME)).isEqualTo("stories.zip");
        assertThat(zip.file()).exists();
    }
}
