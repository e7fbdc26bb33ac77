package dev.stacks.samples;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.text.Normalizer;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Date;
import java.util.GregorianCalendar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;

/**
 * Regenerates the sample documents of {@code corpus/samples} that are not plain UTF-8 text:
 * PDF (PDFBox), DOCX (POI), ODT (hand-written zip), RTF, EML, and the two .txt files whose
 * encoding is the point (Windows-1252 with CRLF line ends, UTF-8 with a byte-order mark).
 *
 * <p>Each document has a source in {@code src/test/java/dev/stacks/samples/sources/}: a few
 * {@code key: value} header lines, a line {@code ---}, then the story, paragraphs separated by a
 * blank line. Header keys:
 * <ul>
 *   <li>{@code output} file name written in the output folder; {@code format} pdf, docx, odt,
 *       rtf, eml or txt</li>
 *   <li>{@code title} document metadata title (and the headline, unless {@code headline} is
 *       given); {@code kicker} a small line printed above the headline</li>
 *   <li>{@code author}, {@code created}, {@code modified} (ISO-8601), {@code company}</li>
 *   <li>pdf: {@code footer}, printed at the foot of every page with the page number</li>
 *   <li>odt: {@code date}, written as {@code dc:date} in meta.xml</li>
 *   <li>eml: {@code from}, {@code to}, {@code date} (RFC 5322), {@code message-id}</li>
 *   <li>txt: {@code encoding} windows-1252 or utf-8-bom; the body is written verbatim</li>
 * </ul>
 * Output is byte-for-byte reproducible: no clock, no random ids, fixed zip entry times.
 *
 * <p>Usage: {@code MakeSamples [outputDir [sourcesDir]]}, defaults {@code corpus/samples} and
 * {@code src/test/java/dev/stacks/samples/sources}, both relative to the project root.
 */
public final class MakeSamples {

    static final String DEFAULT_OUT = "corpus/samples";
    static final String DEFAULT_SOURCES = "src/test/java/dev/stacks/samples/sources";

    private MakeSamples() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Paths.get(args.length > 0 ? args[0] : DEFAULT_OUT);
        Path sources = Paths.get(args.length > 1 ? args[1] : DEFAULT_SOURCES);
        if (!Files.isDirectory(sources)) {
            throw new IllegalArgumentException("no sources folder " + sources.toAbsolutePath()
                    + " (run from the project root, or pass it as the second argument)");
        }
        Files.createDirectories(out);
        List<Path> files;
        try (Stream<Path> s = Files.list(sources)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().collect(Collectors.toList());
        }
        for (Path file : files) {
            Source src = Source.read(file);
            Path target = out.resolve(src.require("output"));
            byte[] bytes;
            switch (src.require("format")) {
                case "pdf": bytes = pdf(src); break;
                case "docx": bytes = docx(src); break;
                case "odt": bytes = odt(src); break;
                case "rtf": bytes = rtf(src); break;
                case "eml": bytes = eml(src); break;
                case "txt": bytes = txt(src); break;
                default: throw new IllegalArgumentException(file + ": unknown format " + src.get("format"));
            }
            Files.write(target, bytes);
            System.out.printf("%-40s %8d bytes  <- %s%n", target, bytes.length, file.getFileName());
        }
    }

    // ------------------------------------------------------------------ source files

    /** A parsed source: header fields and the story's paragraphs. */
    static final class Source {
        final Path path;
        final Map<String, String> meta;
        final String body;

        Source(Path path, Map<String, String> meta, String body) {
            this.path = path;
            this.meta = meta;
            this.body = body;
        }

        static Source read(Path path) throws IOException {
            String text = Files.readString(path, StandardCharsets.UTF_8).replace("\r\n", "\n");
            int sep = text.indexOf("\n---\n");
            if (sep < 0) {
                throw new IllegalArgumentException(path + ": no '---' line after the header");
            }
            Map<String, String> meta = new LinkedHashMap<>();
            for (String line : text.substring(0, sep).split("\n")) {
                int colon = line.indexOf(':');
                if (line.isBlank() || colon < 0) {
                    continue;
                }
                meta.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
            return new Source(path, meta, text.substring(sep + 5));
        }

        String get(String key) {
            return meta.get(key);
        }

        String get(String key, String fallback) {
            return meta.getOrDefault(key, fallback);
        }

        String require(String key) {
            String v = meta.get(key);
            if (v == null || v.isEmpty()) {
                throw new IllegalArgumentException(path + ": header '" + key + "' is missing");
            }
            return v;
        }

        String headline() {
            return get("headline", require("title"));
        }

        /** Paragraphs of the body; the lines of one paragraph are joined by a space. */
        List<String> paragraphs() {
            List<String> paras = new ArrayList<>();
            for (String block : body.strip().split("\n\\s*\n")) {
                String p = block.strip().replaceAll("\\s*\n\\s*", " ");
                if (!p.isEmpty()) {
                    paras.add(p);
                }
            }
            return paras;
        }

        OffsetDateTime dateTime(String key) {
            String v = require(key);
            try {
                return OffsetDateTime.parse(v);
            } catch (RuntimeException e) {
                return LocalDateTime.parse(v).atOffset(ZoneOffset.UTC);
            }
        }
    }

    // ------------------------------------------------------------------ PDF

    private static final float PAGE_MARGIN = 64f;
    private static final float BODY_SIZE = 10.5f;
    private static final float BODY_LEADING = 14.5f;

    static byte[] pdf(Source src) throws IOException {
        PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        try (PDDocument doc = new PDDocument()) {
            // a fixed id makes the trailer /ID, and so the whole file, reproducible
            doc.setDocumentId(src.require("output").hashCode() & 0xffffffffL);
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(src.require("title"));
            info.setAuthor(src.get("author"));
            info.setCreator("Stacks MakeSamples");
            info.setProducer("Apache PDFBox");
            info.setCreationDate(calendar(src.dateTime("created")));
            if (src.get("modified") != null) {
                info.setModificationDate(calendar(src.dateTime("modified")));
            }

            PdfWriter w = new PdfWriter(doc, regular, src.get("footer"));
            if (src.get("kicker") != null) {
                w.paragraph(winAnsi(regular, src.get("kicker")), regular, 8.5f, 12f, 10f);
            }
            w.paragraph(winAnsi(bold, src.headline()), bold, 17f, 21f, 12f);
            for (String p : src.paragraphs()) {
                w.paragraph(winAnsi(regular, p), regular, BODY_SIZE, BODY_LEADING, 7f);
            }
            w.finish();

            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            doc.save(bytes);
            return bytes.toByteArray();
        }
    }

    /** Greedy line-filling text layout over as many A4 pages as needed. */
    private static final class PdfWriter {
        private final PDDocument doc;
        private final PDType1Font footerFont;
        private final String footer;
        private final float width = PDRectangle.A4.getWidth() - 2 * PAGE_MARGIN;
        private PDPageContentStream cs;
        private float y;
        private int pages;

        PdfWriter(PDDocument doc, PDType1Font footerFont, String footer) {
            this.doc = doc;
            this.footerFont = footerFont;
            this.footer = footer == null ? null : winAnsi(footerFont, footer);
        }

        void paragraph(String text, PDType1Font font, float size, float leading, float after) throws IOException {
            for (String line : wrap(text, font, size, width)) {
                if (cs == null || y - leading < PAGE_MARGIN + 24) {
                    newPage();
                }
                y -= leading;
                cs.beginText();
                cs.setFont(font, size);
                cs.newLineAtOffset(PAGE_MARGIN, y);
                cs.showText(line);
                cs.endText();
            }
            y -= after;
        }

        private void newPage() throws IOException {
            finishPage();
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            cs = new PDPageContentStream(doc, page);
            pages++;
            y = PDRectangle.A4.getHeight() - PAGE_MARGIN;
        }

        private void finishPage() throws IOException {
            if (cs == null) {
                return;
            }
            String text = (footer == null ? "" : footer + " · ") + "Page " + pages;
            cs.beginText();
            cs.setFont(footerFont, 8f);
            cs.newLineAtOffset(PAGE_MARGIN, PAGE_MARGIN - 24);
            cs.showText(text);
            cs.endText();
            cs.close();
            cs = null;
        }

        void finish() throws IOException {
            finishPage();
        }
    }

    static List<String> wrap(String text, PDType1Font font, float size, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" +")) {
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (line.length() > 0 && font.getStringWidth(candidate) / 1000f * size > width) {
                lines.add(line.toString());
                line.setLength(0);
                line.append(word);
            } else {
                line.setLength(0);
                line.append(candidate);
            }
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }

    private static final Map<Integer, String> PDF_FALLBACKS = Map.of(
            0x2011, "-", 0x2212, "-", 0x2009, " ", 0x202F, " ", 0x2032, "'", 0x2033, "\"");

    /**
     * The Standard 14 fonts only encode WinAnsi; replace what they cannot show (a known
     * substitute, else the letter without its accents, else '?') and say so.
     */
    static String winAnsi(PDType1Font font, String text) {
        StringBuilder sb = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            String ch = new String(Character.toChars(cp));
            if (encodable(font, ch)) {
                sb.append(ch);
                return;
            }
            String sub = PDF_FALLBACKS.get(cp);
            if (sub == null) {
                String stripped = Normalizer.normalize(ch, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
                sub = !stripped.isEmpty() && encodable(font, stripped) ? stripped : "?";
            }
            System.err.printf("  pdf: U+%04X '%s' is not in WinAnsi, written as '%s'%n", cp, ch, sub);
            sb.append(sub);
        });
        return sb.toString();
    }

    private static boolean encodable(PDType1Font font, String s) {
        try {
            font.getStringWidth(s);
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }

    private static Calendar calendar(OffsetDateTime t) {
        GregorianCalendar c = new GregorianCalendar(TimeZone.getTimeZone(t.getOffset()), Locale.ROOT);
        c.setTimeInMillis(t.toInstant().toEpochMilli());
        return c;
    }

    // ------------------------------------------------------------------ DOCX

    static byte[] docx(Source src) throws IOException {
        try (XWPFDocument doc = new XWPFDocument()) {
            POIXMLProperties props = doc.getProperties();
            POIXMLProperties.CoreProperties core = props.getCoreProperties();
            core.setTitle(src.require("title"));
            core.setCreator(src.get("author"));
            core.setLastModifiedByUser(src.get("author"));
            core.setCreated(Optional.of(Date.from(src.dateTime("created").toInstant())));
            core.setModified(Optional.of(Date.from(src.dateTime(src.get("modified") != null ? "modified" : "created").toInstant())));
            core.setRevision("3");
            if (src.get("company") != null) {
                props.getExtendedProperties().setCompany(src.get("company"));
            }

            if (src.get("kicker") != null) {
                XWPFRun r = doc.createParagraph().createRun();
                r.setFontSize(9);
                r.setText(src.get("kicker"));
            }
            XWPFParagraph head = doc.createParagraph();
            head.setSpacingAfter(240);
            XWPFRun hr = head.createRun();
            hr.setBold(true);
            hr.setFontSize(20);
            hr.setFontFamily("Georgia");
            hr.setText(src.headline());
            for (String p : src.paragraphs()) {
                XWPFParagraph para = doc.createParagraph();
                para.setSpacingAfter(160);
                XWPFRun r = para.createRun();
                r.setFontFamily("Georgia");
                r.setFontSize(11);
                r.setItalic(p.startsWith("By "));
                r.setText(p);
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            doc.write(bytes);
            return normaliseZip(bytes.toByteArray(), src.dateTime("created").toLocalDateTime());
        }
    }

    /** Rewrites a zip with every entry dated {@code time}, so the bytes do not depend on the clock. */
    static byte[] normaliseZip(byte[] zip, LocalDateTime time) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
             ZipOutputStream zos = new ZipOutputStream(out)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                byte[] data = in.readAllBytes();
                putEntry(zos, e.getName(), data, e.getMethod() == ZipEntry.STORED, time);
            }
        }
        return out.toByteArray();
    }

    private static void putEntry(ZipOutputStream zos, String name, byte[] data, boolean stored, LocalDateTime time)
            throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTimeLocal(time);
        if (stored) {
            CRC32 crc = new CRC32();
            crc.update(data);
            entry.setMethod(ZipEntry.STORED);
            entry.setSize(data.length);
            entry.setCompressedSize(data.length);
            entry.setCrc(crc.getValue());
        } else {
            entry.setMethod(ZipEntry.DEFLATED);
        }
        zos.putNextEntry(entry);
        zos.write(data);
        zos.closeEntry();
    }

    // ------------------------------------------------------------------ ODT

    private static final String ODT_MIME = "application/vnd.oasis.opendocument.text";
    private static final String NS_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";

    static byte[] odt(Source src) throws IOException {
        DateTimeFormatter iso = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
        String created = src.dateTime("created").toLocalDateTime().format(iso);
        String date = src.dateTime(src.get("date") != null ? "date" : "created").toLocalDateTime().format(iso);

        String manifest = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.2\">\n"
                + " <manifest:file-entry manifest:full-path=\"/\" manifest:version=\"1.2\" manifest:media-type=\"" + ODT_MIME + "\"/>\n"
                + " <manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>\n"
                + " <manifest:file-entry manifest:full-path=\"styles.xml\" manifest:media-type=\"text/xml\"/>\n"
                + " <manifest:file-entry manifest:full-path=\"meta.xml\" manifest:media-type=\"text/xml\"/>\n"
                + "</manifest:manifest>\n";

        String meta = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<office:document-meta xmlns:office=\"" + NS_OFFICE + "\""
                + " xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\""
                + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\" office:version=\"1.2\">\n"
                + " <office:meta>\n"
                + "  <meta:generator>Stacks MakeSamples</meta:generator>\n"
                + "  <dc:title>" + xml(src.require("title")) + "</dc:title>\n"
                + "  <dc:creator>" + xml(src.get("author", "")) + "</dc:creator>\n"
                + "  <meta:initial-creator>" + xml(src.get("author", "")) + "</meta:initial-creator>\n"
                + "  <meta:creation-date>" + created + "</meta:creation-date>\n"
                + "  <dc:date>" + date + "</dc:date>\n"
                + "  <dc:language>en-GB</dc:language>\n"
                + "  <meta:editing-cycles>4</meta:editing-cycles>\n"
                + " </office:meta>\n"
                + "</office:document-meta>\n";

        String styles = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<office:document-styles xmlns:office=\"" + NS_OFFICE + "\""
                + " xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\""
                + " xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\" office:version=\"1.2\">\n"
                + " <office:styles>\n"
                + "  <style:style style:name=\"Standard\" style:family=\"paragraph\">\n"
                + "   <style:paragraph-properties fo:margin-bottom=\"0.2cm\"/>\n"
                + "   <style:text-properties fo:font-size=\"11pt\"/>\n"
                + "  </style:style>\n"
                + "  <style:style style:name=\"Heading_20_1\" style:display-name=\"Heading 1\" style:family=\"paragraph\""
                + " style:parent-style-name=\"Standard\" style:default-outline-level=\"1\">\n"
                + "   <style:text-properties fo:font-size=\"18pt\" fo:font-weight=\"bold\"/>\n"
                + "  </style:style>\n"
                + " </office:styles>\n"
                + "</office:document-styles>\n";

        StringBuilder content = new StringBuilder();
        content.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<office:document-content xmlns:office=\"").append(NS_OFFICE).append("\"")
                .append(" xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"")
                .append(" xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\"")
                .append(" office:version=\"1.2\">\n")
                .append(" <office:body>\n  <office:text>\n");
        if (src.get("kicker") != null) {
            content.append("   <text:p text:style-name=\"Standard\">").append(xml(src.get("kicker"))).append("</text:p>\n");
        }
        content.append("   <text:h text:style-name=\"Heading_20_1\" text:outline-level=\"1\">")
                .append(xml(src.headline())).append("</text:h>\n");
        for (String p : src.paragraphs()) {
            content.append("   <text:p text:style-name=\"Standard\">").append(xml(p)).append("</text:p>\n");
        }
        content.append("  </office:text>\n </office:body>\n</office:document-content>\n");

        LocalDateTime time = src.dateTime(src.get("date") != null ? "date" : "created").toLocalDateTime();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zos = new ZipOutputStream(out)) {
            // the mimetype must come first and uncompressed, so that it can be sniffed at offset 38
            putEntry(zos, "mimetype", ODT_MIME.getBytes(StandardCharsets.US_ASCII), true, time);
            putEntry(zos, "META-INF/manifest.xml", utf8(manifest), false, time);
            putEntry(zos, "meta.xml", utf8(meta), false, time);
            putEntry(zos, "styles.xml", utf8(styles), false, time);
            putEntry(zos, "content.xml", utf8(content.toString()), false, time);
        }
        return out.toByteArray();
    }

    static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    // ------------------------------------------------------------------ RTF

    static byte[] rtf(Source src) {
        OffsetDateTime created = src.dateTime("created");
        StringBuilder r = new StringBuilder();
        r.append("{\\rtf1\\ansi\\ansicpg1252\\deff0\\uc1\n")
                .append("{\\fonttbl{\\f0\\froman\\fcharset0 Times New Roman;}{\\f1\\fswiss\\fcharset0 Arial;}}\n")
                .append("{\\info{\\title ").append(rtfText(src.require("title"))).append('}')
                .append("{\\author ").append(rtfText(src.get("author", ""))).append('}')
                .append(String.format(Locale.ROOT, "{\\creatim\\yr%d\\mo%d\\dy%d\\hr%d\\min%d}",
                        created.getYear(), created.getMonthValue(), created.getDayOfMonth(),
                        created.getHour(), created.getMinute()))
                .append("}\n")
                .append("\\paperw11906\\paperh16838\\margl1440\\margr1440\\margt1440\\margb1440\n");
        if (src.get("kicker") != null) {
            r.append("\\pard\\plain\\f1\\fs18\\sa120 ").append(rtfText(src.get("kicker"))).append("\\par\n");
        }
        r.append("\\pard\\plain\\f1\\fs32\\b\\sa240 ").append(rtfText(src.headline())).append("\\b0\\par\n");
        for (String p : src.paragraphs()) {
            r.append("\\pard\\plain\\f0\\fs24\\sa200 ").append(rtfText(p)).append("\\par\n");
        }
        r.append("}\n");
        return r.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** RTF escaping: control characters escaped, everything beyond ASCII as a Unicode control word. */
    static String rtfText(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '\\' || c == '{' || c == '}') {
                sb.append('\\').append(c);
            } else if (c < 0x80) {
                sb.append(c);
            } else {
                sb.append("\\u").append((int) (short) c).append('?');
            }
        }
        return sb.toString();
    }

    // ------------------------------------------------------------------ EML

    static byte[] eml(Source src) {
        StringBuilder m = new StringBuilder();
        m.append("Return-Path: <bounces@news.example.org>\r\n");
        m.append("Message-ID: ").append(src.require("message-id")).append("\r\n");
        m.append("Date: ").append(src.require("date")).append("\r\n");
        m.append("From: ").append(src.require("from")).append("\r\n");
        m.append("To: ").append(src.require("to")).append("\r\n");
        m.append("Subject: ").append(encodedWords(src.require("title"))).append("\r\n");
        m.append("MIME-Version: 1.0\r\n");
        m.append("Content-Type: text/plain; charset=UTF-8\r\n");
        m.append("Content-Transfer-Encoding: quoted-printable\r\n");
        m.append("List-Unsubscribe: <https://news.example.org/unsubscribe>\r\n");
        m.append("\r\n");

        // the body of a plain-text newsletter: paragraphs hard-wrapped at 72 columns
        StringBuilder text = new StringBuilder();
        for (String block : src.body.strip().split("\n\\s*\n")) {
            if (block.startsWith("--\n")) {
                text.append(block.replace("\n", "\r\n")).append("\r\n\r\n"); // signature: keep its lines
                continue;
            }
            for (String line : wrapPlain(block.strip().replaceAll("\\s*\n\\s*", " "), 72)) {
                text.append(line).append("\r\n");
            }
            text.append("\r\n");
        }
        m.append(quotedPrintable(text.toString().stripTrailing() + "\r\n"));
        return m.toString().getBytes(StandardCharsets.US_ASCII);
    }

    static List<String> wrapPlain(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" +")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** RFC 2045 quoted-printable of UTF-8 text with CRLF line breaks, soft breaks at 76 columns. */
    static String quotedPrintable(String text) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\r\n", -1)) {
            byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
            StringBuilder enc = new StringBuilder();
            int col = 0;
            for (int i = 0; i < bytes.length; i++) {
                int b = bytes[i] & 0xff;
                boolean last = i == bytes.length - 1;
                String piece;
                if ((b >= 33 && b <= 126 && b != '=') || ((b == ' ' || b == '\t') && !last)) {
                    piece = String.valueOf((char) b);
                } else {
                    piece = String.format(Locale.ROOT, "=%02X", b);
                }
                if (col + piece.length() > 75) {
                    enc.append("=\r\n");
                    col = 0;
                }
                enc.append(piece);
                col += piece.length();
            }
            out.append(enc).append("\r\n");
        }
        // split(-1) leaves one empty tail after the final CRLF
        return out.substring(0, out.length() - 2);
    }

    /** RFC 2047: words with non-ASCII characters become UTF-8 Q-encoded words. */
    static String encodedWords(String header) {
        StringBuilder sb = new StringBuilder();
        for (String word : header.split(" ")) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            if (word.chars().allMatch(c -> c < 0x80)) {
                sb.append(word);
                continue;
            }
            sb.append("=?UTF-8?Q?");
            for (byte b : word.getBytes(StandardCharsets.UTF_8)) {
                int v = b & 0xff;
                if ((v >= '0' && v <= '9') || (v >= 'A' && v <= 'Z') || (v >= 'a' && v <= 'z')) {
                    sb.append((char) v);
                } else {
                    sb.append(String.format(Locale.ROOT, "=%02X", v));
                }
            }
            sb.append("?=");
        }
        return sb.toString();
    }

    // ------------------------------------------------------------------ TXT in a given encoding

    static byte[] txt(Source src) throws CharacterCodingException {
        String body = src.body.strip() + "\n";
        switch (src.require("encoding").toLowerCase(Locale.ROOT)) {
            case "windows-1252": {
                // a file saved by a Windows editor: CP1252, CRLF line ends
                CharsetEncoder enc = Charset.forName("windows-1252").newEncoder()
                        .onUnmappableCharacter(CodingErrorAction.REPORT);
                ByteBuffer bb = enc.encode(CharBuffer.wrap(body.replace("\n", "\r\n")));
                byte[] bytes = new byte[bb.remaining()];
                bb.get(bytes);
                return bytes;
            }
            case "utf-8-bom": {
                byte[] text = utf8(body);
                byte[] bytes = new byte[text.length + 3];
                bytes[0] = (byte) 0xEF;
                bytes[1] = (byte) 0xBB;
                bytes[2] = (byte) 0xBF;
                System.arraycopy(text, 0, bytes, 3, text.length);
                return bytes;
            }
            default:
                throw new IllegalArgumentException(src.path + ": unknown encoding " + src.get("encoding"));
        }
    }
}
