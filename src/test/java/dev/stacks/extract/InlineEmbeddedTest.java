package dev.stacks.extract;

import dev.stacks.testing.Pdfs;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Embedded documents of formats other than messages: their text is inlined, within the file's limits. */
class InlineEmbeddedTest {
    private static final String REPORT = "Wheat exports rose in March, the ministry said.";
    private static final String ANNEX = "Annex: shipments to Egypt doubled.";

    @TempDir
    Path dir;

    /** A PDF with a text layer and a text file attached to it. */
    private Path pdfWithAttachment(byte[] attachment) throws IOException {
        Path file = dir.resolve("report.pdf");
        try (PDDocument pdf = new PDDocument()) {
            Pdfs.addTextPage(pdf, REPORT);
            PDEmbeddedFile embedded = new PDEmbeddedFile(pdf, new ByteArrayInputStream(attachment));
            embedded.setSubtype("text/plain");
            embedded.setSize(attachment.length);
            PDComplexFileSpecification spec = new PDComplexFileSpecification();
            spec.setFile("annex.txt");
            spec.setEmbeddedFile(embedded);
            PDEmbeddedFilesNameTreeNode files = new PDEmbeddedFilesNameTreeNode();
            files.setNames(Map.of("annex.txt", spec));
            PDDocumentNameDictionary names = new PDDocumentNameDictionary(pdf.getDocumentCatalog());
            names.setEmbeddedFiles(files);
            pdf.getDocumentCatalog().setNames(names);
            pdf.save(file.toFile());
        }
        return file;
    }

    private static ExtractionLimits limits(int maxEmbedded, long maxExpandedBytes) {
        return new ExtractionLimits(100_000, 10 << 20, Duration.ofSeconds(60), maxEmbedded, 3, maxExpandedBytes);
    }

    @Test
    void the_text_of_an_embedded_file_is_inlined_and_it_is_not_an_attachment() throws IOException {
        Extraction e = new TikaExtractor(limits(10, 1 << 20), dir.resolve("work"))
                .extract(pdfWithAttachment(ANNEX.getBytes(StandardCharsets.UTF_8)), "report.pdf");

        assertThat(e.status()).isEqualTo(ExtractionStatus.TEXT);
        assertThat(e.text()).contains(REPORT, ANNEX);
        assertThat(e.attachments()).isEmpty();
        assertThat(e.truncated()).isFalse();
    }

    @Test
    void an_embedded_file_beyond_the_count_limit_is_left_out_and_the_text_marked_truncated() throws IOException {
        Extraction e = new TikaExtractor(limits(0, 1 << 20)).extract(pdfWithAttachment(ANNEX.getBytes(StandardCharsets.UTF_8)), "report.pdf");

        assertThat(e.text()).contains(REPORT).doesNotContain(ANNEX);
        assertThat(e.truncated()).isTrue();
    }

    @Test
    void an_embedded_file_that_expands_beyond_the_byte_limit_rejects_the_file_as_a_suspected_bomb() throws IOException {
        Extraction e = new TikaExtractor(limits(10, 1000)).extract(pdfWithAttachment(new byte[100_000]), "report.pdf");

        assertThat(e.status()).isEqualTo(ExtractionStatus.REJECTED_BOMB);
        assertThat(e.reason()).isEqualTo("suspected bomb: embedded documents expand to more than 1000 bytes (the limit); the file was not indexed");
    }
}
