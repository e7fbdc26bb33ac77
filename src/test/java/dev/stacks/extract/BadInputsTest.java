package dev.stacks.extract;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every file of ../shared/corpora/bad-inputs behaves as the table in its README.md says, through the
 * in-process extractor and through the archive's routing one (forked workers): the same status and
 * reason, and text without U+FFFD or NUL. Skipped when ../shared is absent.
 */
class BadInputsTest {
    private static final Path BAD_INPUTS = Path.of("../shared/corpora/bad-inputs");
    private static final String ZURICH = Normalizer.normalize("Zürich report – März 1987 (final copy).txt", Normalizer.Form.NFC);

    @TempDir
    static Path work;

    private static TikaExtractor inProcess;
    private static RoutingExtractor routing;

    @BeforeAll
    static void setUp() {
        inProcess = new TikaExtractor(ExtractionLimits.defaults(), work.resolve("in-process"));
        routing = new RoutingExtractor(ExtractionLimits.defaults(), work.resolve("routing"), 1);
    }

    @AfterAll
    static void tearDown() {
        routing.close();
    }

    /** What the README's table asks of each file, at the extraction level. */
    private static final Map<String, Consumer<Extraction>> EXPECTED = Map.ofEntries(
            Map.entry("empty.pdf", e -> {
                assertThat(e.status()).isEqualTo(ExtractionStatus.REJECTED_EMPTY);
                assertThat(e.reason()).isEqualTo("empty file");
            }),
            Map.entry("truncated.pdf", e -> {
                assertThat(e.status()).isEqualTo(ExtractionStatus.REJECTED_CORRUPT);
                assertThat(e.reason()).startsWith("corrupt or truncated PDF: ");
            }),
            Map.entry("random-bytes.docx", e -> {
                assertThat(e.status()).isEqualTo(ExtractionStatus.REJECTED_UNSUPPORTED);
                assertThat(e.reason()).isEqualTo("unsupported/undetected type application/octet-stream: the bytes match no known document format");
            }),
            Map.entry("huge-single-line.html", e -> {
                assertThat(e.status()).isEqualTo(ExtractionStatus.TEXT);
                assertThat(e.truncated()).isTrue();
                assertThat(e.text().length()).isLessThanOrEqualTo(ExtractionLimits.defaults().maxChars());
                assertThat(e.title()).isEqualTo("UK MAY REVOKE JAPANESE FINANCIAL LICENSES (repeated)");
                assertThat(e.text()).startsWith("UK MAY REVOKE JAPANESE FINANCIAL LICENSES\n\nDate: 1987-03-27\n\n"
                        + "The British government may revoke the licences of selected Japanese banks");
            }),
            Map.entry("windows-1252-curly-quotes.txt", e -> {
                assertThat(e.status()).isEqualTo(ExtractionStatus.TEXT);
                assertThat(e.text()).startsWith("CANADA’S MULRONEY TO MEET WITH ANC LEADER\nDate: 1987-03-23\n")
                        .contains("Maharaz", "accreditation");
            }),
            Map.entry("utf16-bom.txt", e -> {
                assertThat(e.status()).isEqualTo(ExtractionStatus.TEXT);
                assertThat(e.text()).startsWith("NO WHITE HOUSE PANIC ON MARKET, SPOKESMAN SAYS\n").contains("crisis atmosphere");
            }),
            Map.entry("actually-a-png.txt", e -> {
                assertThat(e.contentType()).isEqualTo("image/png");
                assertThat(e.status()).isEqualTo(ExtractionStatus.NO_TEXT);
                assertThat(e.reason()).isEqualTo(OcrSupport.tesseractAvailable() ? "no text: OCR found no text" : "no text: OCR not available");
                assertThat(e.text()).isEmpty();
            }),
            Map.entry("password-protected.pdf", e -> {
                assertThat(e.status()).isEqualTo(ExtractionStatus.REJECTED_ENCRYPTED);
                assertThat(e.reason()).isEqualTo("encrypted PDF, password required");
            }),
            Map.entry("xss-payloads.html", e -> {
                assertThat(e.status()).isEqualTo(ExtractionStatus.TEXT);
                assertThat(e.text()).contains("quokkaxss").doesNotContain("document.cookie", "attacker.example");
            }),
            Map.entry(ZURICH, e -> {
                assertThat(e.status()).isEqualTo(ExtractionStatus.TEXT);
                assertThat(e.text()).startsWith("DIAMOND SHAMROCK OFFSHORE <DSP> IN FIND\n");
                assertThat(e.first(Extraction.RESOURCE_NAME)).isEqualTo(ZURICH);
            }),
            Map.entry("nested-zip-bomb.zip", e -> {
                assertThat(e.status()).isEqualTo(ExtractionStatus.REJECTED_UNSUPPORTED);
                assertThat(e.reason()).isEqualTo("unsupported type application/zip: archives are not unpacked; extract the files and ingest them");
            }));

    /** The set's files, its README excepted (it documents the set). */
    private static List<Path> inputs() throws IOException {
        try (Stream<Path> files = Files.list(BAD_INPUTS)) {
            return files.filter(f -> !f.getFileName().toString().equals("README.md")).sorted().toList();
        }
    }

    static Stream<Arguments> cases() throws IOException {
        if (!Files.isDirectory(BAD_INPUTS)) {
            return Stream.of(Arguments.of(null, "../shared is absent"));
        }
        return inputs().stream().flatMap(f -> Stream.of(Arguments.of(f, "in-process"), Arguments.of(f, "routing")));
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("cases")
    void each_bad_input_behaves_as_its_readme_says(Path file, String extractor) {
        assumeTrue(file != null, "../shared is absent");
        String name = Normalizer.normalize(file.getFileName().toString(), Normalizer.Form.NFC);
        Consumer<Extraction> expected = EXPECTED.get(name);
        assertThat(expected).as("an expectation for %s (a new file in the set needs one)", name).isNotNull();

        Extraction e = (extractor.equals("routing") ? routing : inProcess).extract(file, name);

        expected.accept(e);
        assertThat(e.text()).doesNotContain("\uFFFD", "\u0000");
        assertThat(e.title() == null ? "" : e.title()).doesNotContain("\uFFFD", "\u0000");
        if (e.status().rejected()) {
            assertThat(e.reason()).doesNotContain("Exception", "\tat ");
        }
    }

    @Test
    void the_nested_zip_bomb_is_refused_at_once_without_unpacking() {
        Path zip = BAD_INPUTS.resolve("nested-zip-bomb.zip");
        assumeTrue(Files.exists(zip), "../shared is absent");

        Measured m = measure(() -> inProcess.extract(zip, "nested-zip-bomb.zip"));

        assertThat(m.extraction().status()).isEqualTo(ExtractionStatus.REJECTED_UNSUPPORTED);
        assertThat(m.took()).isLessThan(Duration.ofSeconds(5));
        // the file is 1 MB and its inner zero file 1 GiB: reading it at all would allocate far more than this
        assertThat(m.allocatedBytes()).isLessThan(32L << 20);
    }

    @Test
    void the_five_megabyte_one_line_page_is_cut_at_the_write_limit_in_bounded_memory() {
        Path html = BAD_INPUTS.resolve("huge-single-line.html");
        assumeTrue(Files.exists(html), "../shared is absent");

        Measured m = measure(() -> inProcess.extract(html, "huge-single-line.html"));

        assertThat(m.extraction().truncated()).isTrue();
        // a few copies of the 5 M characters kept (collecting, cleaning), not of the page or beyond
        assertThat(m.allocatedBytes()).isLessThan(256L << 20);
    }

    private record Measured(Extraction extraction, Duration took, long allocatedBytes) {
    }

    /** Time and bytes allocated by this thread (the in-process extractor parses on the caller's thread). */
    private static Measured measure(java.util.function.Supplier<Extraction> extraction) {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long allocated = threads.getCurrentThreadAllocatedBytes();
        long start = System.nanoTime();
        Extraction e = extraction.get();
        return new Measured(e, Duration.ofNanos(System.nanoTime() - start), threads.getCurrentThreadAllocatedBytes() - allocated);
    }
}
