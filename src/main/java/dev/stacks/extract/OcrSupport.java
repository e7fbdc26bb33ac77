package dev.stacks.extract;

import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.parser.ocr.TesseractOCRParser;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Map;

/**
 * When scans are OCRed: images and the pages of a PDF that have no text layer, through Tika's
 * Tesseract parser, only when the {@code tesseract} binary is on the PATH. PDFs use the AUTO strategy,
 * which OCRs only pages without enough text, so a PDF with a text layer costs no OCR at all. Images
 * embedded in other documents (logos, figures) are not OCRed: at about a second each they would make
 * every office file slow for little text.
 */
final class OcrSupport {
    private static final Logger log = LoggerFactory.getLogger(OcrSupport.class);
    private static final int MAX_TESSERACT_SECONDS = 120;

    private static volatile Boolean tesseract;

    private final boolean enabled;
    private final TesseractOCRConfig ocr;
    private final TesseractOCRConfig noOcr;
    private final PDFParserConfig pdf;

    OcrSupport(boolean enabled, Duration timeout) {
        this.enabled = enabled;
        this.ocr = new TesseractOCRConfig();
        // one tesseract run may not outlast the file's own limit
        ocr.setTimeoutSeconds((int) Math.max(1, Math.min(MAX_TESSERACT_SECONDS, timeout.toSeconds())));
        ocr.setSkipOcr(!enabled);
        this.noOcr = new TesseractOCRConfig();
        noOcr.setSkipOcr(true);
        this.pdf = new PDFParserConfig();
        pdf.setOcrStrategy(enabled ? PDFParserConfig.OCR_STRATEGY.AUTO : PDFParserConfig.OCR_STRATEGY.NO_OCR);
    }

    /** Whether Tika can run tesseract here; asked once per JVM (it starts the binary). */
    static boolean tesseractAvailable() {
        Boolean known = tesseract;
        if (known == null) {
            known = probe();
            tesseract = known;
        }
        return known;
    }

    private static boolean probe() {
        try {
            TesseractOCRParser parser = new TesseractOCRParser();
            parser.initialize(Map.of());
            return parser.hasTesseract();
        } catch (Exception | LinkageError e) {
            log.debug("tesseract not usable: {}", e.toString());
            return false;
        }
    }

    boolean enabled() {
        return enabled;
    }

    /** OCR settings for the file itself. */
    void configureFile(ParseContext context) {
        context.set(TesseractOCRConfig.class, ocr);
        context.set(PDFParserConfig.class, pdf);
    }

    /** OCR settings for the documents embedded in it: none. */
    void configureEmbedded(ParseContext context) {
        context.set(TesseractOCRConfig.class, noOcr);
        context.set(PDFParserConfig.class, pdf);
    }

    /** Why a scan-like file (image, PDF) gave no text. */
    String noTextReason() {
        return enabled ? "no text: OCR found no text" : "no text: OCR not available";
    }
}
