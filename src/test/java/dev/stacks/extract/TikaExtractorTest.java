package dev.stacks.extract;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class TikaExtractorTest {
    private static TikaExtractor extractor;

    @TempDir
    Path dir;

    @BeforeAll
    static void setUp() {
        extractor = new TikaExtractor(ExtractionLimits.defaults());
    }

    private Path write(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    @Test
    void html_keeps_the_article_and_drops_navigation_header_footer_aside_forms_and_scripts() throws IOException {
        String html = """
                <html><head><title>Port strike ends</title><script>var tracker = 1;</script>
                <style>.x { color: red }</style></head><body>
                <header>Daily Bugle — Home | World | Sport</header>
                <nav><a href="/">Home</a> <a href="/world">World news menu</a></nav>
                <form><input name="q"> Search the site</form>
                <article><h1>Port strike ends</h1><p>Dock workers in Valparaíso returned to work on Monday after a
                nine-day strike, the union said.</p><p>The agreement raises wages by six percent over two years and
                settles the dispute over night shifts that began in March, officials said.</p></article>
                <aside>Most read: celebrity gossip</aside><footer>© Daily Bugle. All rights reserved.</footer>
                </body></html>""";
        Extraction e = extractor.extract(write("page.html", html.getBytes(StandardCharsets.UTF_8)), "page.html");

        assertThat(e.status()).isEqualTo(ExtractionStatus.TEXT);
        assertThat(e.title()).isEqualTo("Port strike ends");
        assertThat(e.text()).contains("Dock workers in Valparaíso returned to work")
                .contains("settles the dispute over night shifts")
                .doesNotContain("World news menu", "Search the site", "celebrity gossip", "All rights reserved", "tracker", "color: red");
    }

    @Test
    void windows_1252_text_is_decoded_without_mojibake() throws IOException {
        String text = "MINISTER’S “BIG” DAY\r\nThe minister’s plan – approved on Friday – was “a good start,” he said.\r\n";
        Extraction e = extractor.extract(write("w.txt", text.getBytes(Charset.forName("windows-1252"))), "w.txt");

        assertThat(e.status()).isEqualTo(ExtractionStatus.TEXT);
        assertThat(e.text()).contains("The minister’s plan – approved on Friday – was “a good start,” he said.")
                .doesNotContain("\uFFFD", "\r");
    }

    @Test
    void the_type_comes_from_the_bytes_not_the_name() throws IOException {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0};
        Extraction e = extractor.extract(write("notes.txt", png), "notes.txt");
        assertThat(e.contentType()).isEqualTo("image/png");
        assertThat(e.text()).isEmpty();
        assertThat(e.status()).isIn(ExtractionStatus.NO_TEXT, ExtractionStatus.REJECTED_UNSUPPORTED, ExtractionStatus.REJECTED_CORRUPT);
    }

    @Test
    void random_bytes_named_docx_are_rejected_as_undetected() throws IOException {
        byte[] noise = new byte[4096];
        new java.util.Random(7).nextBytes(noise);
        Extraction e = extractor.extract(write("report.docx", noise), "report.docx");
        assertThat(e.status()).isEqualTo(ExtractionStatus.REJECTED_UNSUPPORTED);
        assertThat(e.reason()).contains("application/octet-stream");
    }

    @Test
    void an_empty_file_is_rejected_as_empty() throws IOException {
        Extraction e = extractor.extract(write("empty.pdf", new byte[0]), "empty.pdf");
        assertThat(e.status()).isEqualTo(ExtractionStatus.REJECTED_EMPTY);
        assertThat(e.reason()).isEqualTo("empty file");
    }

    @Test
    void text_beyond_the_write_limit_is_cut_and_flagged() throws IOException {
        TikaExtractor small = new TikaExtractor(new ExtractionLimits(1000, 1 << 20, Duration.ofSeconds(10), 10, 2));
        Extraction e = small.extract(write("long.txt", "word ".repeat(5000).getBytes(StandardCharsets.UTF_8)), "long.txt");
        assertThat(e.status()).isEqualTo(ExtractionStatus.TEXT);
        assertThat(e.truncated()).isTrue();
        assertThat(e.text().length()).isLessThanOrEqualTo(1000);
    }

    @Test
    void files_over_the_size_limit_are_rejected_before_parsing() throws IOException {
        TikaExtractor small = new TikaExtractor(new ExtractionLimits(1000, 100, Duration.ofSeconds(10), 10, 2));
        Extraction e = small.extract(write("big.txt", new byte[101]), "big.txt");
        assertThat(e.status()).isEqualTo(ExtractionStatus.REJECTED_TOO_LARGE);
        assertThat(e.reason()).contains("101 bytes").contains("limit is 100");
    }

    @Test
    void markdown_is_read_as_text_with_its_first_heading_as_title() throws IOException {
        Extraction e = extractor.extract(write("note.md", "# Harvest falls short\n\nCoffee growers in Huila said the *rains* came late.\n"
                .getBytes(StandardCharsets.UTF_8)), "note.md");
        assertThat(e.status()).isEqualTo(ExtractionStatus.TEXT);
        assertThat(e.title()).isEqualTo("Harvest falls short");
        assertThat(e.text()).contains("Coffee growers in Huila");
    }

    @Test
    void markdown_backslash_escapes_stand_for_the_characters_they_escape() throws IOException {
        Extraction e = extractor.extract(write("can.md", "# AMERICAN CAN \\<AC\\> SETS DIVIDEND\n\nThe company said \\*regular\\* dividend.\n"
                .getBytes(StandardCharsets.UTF_8)), "can.md");

        assertThat(e.title()).isEqualTo("AMERICAN CAN <AC> SETS DIVIDEND");
        assertThat(e.text()).contains("The company said *regular* dividend.");
    }

    @Test
    void a_story_whose_first_letters_look_like_an_image_signature_is_read_as_text() throws IOException {
        // Tika's magic alone takes "BA" at offset 0 for an OS/2 bitmap (Reuters-21578 NEWID 1944)
        String story = "BANK OF COMMUNICATIONS PLANS 200 MLN H.K. DLR CD\n\nDate: 5-MAR-1987 05:13:53.42\n\n"
                + "The Chinese state-owned Bank of Communications Ltd Hong Kong branch is planning a 200 mln H.K. dlr issue.\n";
        Extraction e = extractor.extract(write("01944.txt", story.getBytes(StandardCharsets.UTF_8)), "01944.txt");

        assertThat(e.contentType()).isEqualTo("text/plain");
        assertThat(e.status()).isEqualTo(ExtractionStatus.TEXT);
        assertThat(e.text()).startsWith("BANK OF COMMUNICATIONS PLANS 200 MLN H.K. DLR CD");
    }

    @Test
    void a_text_file_that_is_really_html_is_parsed_as_html() throws IOException {
        Extraction e = extractor.extract(write("page.txt", "<html><head><title>Gold steady</title></head><body><nav>Home</nav><p>Gold was steady.</p></body></html>"
                .getBytes(StandardCharsets.UTF_8)), "page.txt");

        assertThat(e.contentType()).isEqualTo("text/html");
        assertThat(e.title()).isEqualTo("Gold steady");
        assertThat(e.text()).isEqualTo("Gold was steady.");
    }

    @Test
    void every_extraction_names_its_file_the_rejected_ones_too() throws IOException {
        Extraction e = extractor.extract(write("empty.txt", new byte[0]), "empty.txt");
        assertThat(e.first(Extraction.RESOURCE_NAME)).isEqualTo("empty.txt");
    }

    @Test
    void the_private_preset_type_key_never_reaches_the_metadata() throws IOException {
        Extraction e = extractor.extract(write("page.html", "<html><body><p>Gold was steady.</p></body></html>".getBytes(StandardCharsets.UTF_8)), "page.html");
        assertThat(e.metadata().keySet()).noneMatch(k -> k.startsWith("X-Stacks"));
    }
}
