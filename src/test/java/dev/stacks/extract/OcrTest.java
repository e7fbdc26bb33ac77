package dev.stacks.extract;

import dev.stacks.testing.Pdfs;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Issue 3: scans are OCRed when tesseract is installed, and archived as "no text: OCR not available" when not. */
class OcrTest {
    private static final String LINE_1 = "Harvest falls short in Huila";
    private static final String LINE_2 = "coffee growers said on Monday";

    @TempDir
    Path dir;

    private Path png;
    private Path scannedPdf;

    /** A page as a scanner would give it: the text only as pixels, in a PNG and in an image-only PDF. */
    @BeforeEach
    void scan() throws IOException {
        BufferedImage page = new BufferedImage(1200, 400, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = page.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, page.getWidth(), page.getHeight());
        g.setColor(Color.BLACK);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font(Font.SERIF, Font.PLAIN, 48));
        g.drawString(LINE_1, 60, 150);
        g.drawString(LINE_2, 60, 250);
        g.dispose();
        png = dir.resolve("scan.png");
        ImageIO.write(page, "png", png.toFile());

        scannedPdf = dir.resolve("scan.pdf");
        try (PDDocument pdf = new PDDocument()) {
            PDPage pdfPage = new PDPage(new PDRectangle(600, 200));
            pdf.addPage(pdfPage);
            try (PDPageContentStream content = new PDPageContentStream(pdf, pdfPage)) {
                content.drawImage(LosslessFactory.createFromImage(pdf, page), 0, 0, 600, 200);
            }
            pdf.save(scannedPdf.toFile());
        }
    }

    private Path textPdf() throws IOException {
        Path file = dir.resolve("text.pdf");
        try (PDDocument pdf = new PDDocument()) {
            Pdfs.addTextPage(pdf, "Wheat exports rose in March, the ministry said.");
            pdf.save(file.toFile());
        }
        return file;
    }

    private static TikaExtractor withOcr() {
        assumeTrue(OcrSupport.tesseractAvailable(), "tesseract is not installed (Debian: tesseract-ocr)");
        return new TikaExtractor(ExtractionLimits.defaults());
    }

    @Test
    void a_scanned_page_image_is_ocred() {
        Extraction e = withOcr().extract(png, "scan.png");

        assertThat(e.status()).isEqualTo(ExtractionStatus.TEXT);
        assertThat(e.contentType()).isEqualTo("image/png");
        assertThat(e.text()).contains("Harvest", "falls", "short", "Huila", "coffee", "growers", "Monday");
    }

    @Test
    void an_image_only_pdf_is_ocred() {
        Extraction e = withOcr().extract(scannedPdf, "scan.pdf");

        assertThat(e.status()).isEqualTo(ExtractionStatus.TEXT);
        assertThat(e.text()).contains("Harvest", "falls", "short", "Huila", "coffee", "growers", "Monday");
        assertThat(e.first("pdf:ocrPageCount")).isEqualTo("1");
    }

    @Test
    void a_pdf_with_a_text_layer_is_not_ocred() throws IOException {
        Extraction e = withOcr().extract(textPdf(), "text.pdf");

        assertThat(e.text()).isEqualTo("Wheat exports rose in March, the ministry said.");
        assertThat(e.first("pdf:ocrPageCount")).isEqualTo("0");
    }

    @Test
    void without_ocr_a_scan_is_archived_with_no_text_and_the_reason() {
        TikaExtractor noOcr = new TikaExtractor(ExtractionLimits.defaults(), null, false);

        for (Path scan : new Path[] {png, scannedPdf}) {
            Extraction e = noOcr.extract(scan, scan.getFileName().toString());
            assertThat(e.status()).isEqualTo(ExtractionStatus.NO_TEXT);
            assertThat(e.reason()).isEqualTo("no text: OCR not available");
            assertThat(e.text()).isEmpty();
        }
    }

    @Test
    void a_blank_scan_is_archived_with_no_text_when_ocr_finds_none() throws IOException {
        BufferedImage blank = new BufferedImage(600, 200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = blank.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 600, 200);
        g.dispose();
        Path file = dir.resolve("blank.png");
        ImageIO.write(blank, "png", file.toFile());

        Extraction e = withOcr().extract(file, "blank.png");

        assertThat(e.status()).isEqualTo(ExtractionStatus.NO_TEXT);
        assertThat(e.reason()).isEqualTo("no text: OCR found no text");
    }
}
