package dev.stacks.extract;

import org.apache.tika.Tika;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.html.HtmlMapper;
import org.apache.tika.parser.html.IdentityHtmlMapper;
import org.apache.tika.parser.txt.TXTParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Extracts text and metadata with Apache Tika, in this process. Type detection reads the bytes
 * (magic numbers first; the file name only refines), every limit in {@link ExtractionLimits} is
 * applied except the time limit (a parse in this process cannot be stopped: {@link ForkedExtractor}
 * enforces it), and failures are classified into an {@link ExtractionStatus} with a reason a
 * librarian can act on. Scans are OCRed when tesseract is installed ({@link OcrSupport}); the
 * attachments of a message become {@link Extraction#attachments()}, saved into the work folder.
 * Thread-safe: Tika's parsers are stateless and each call has its own context.
 *
 * <p>The only class of Stacks that drives Tika; the package-private helpers it uses
 * ({@link InlineEmbedded}, {@link AttachmentSaver}, {@link OcrSupport}, {@link PresetDetector},
 * {@link ParseFailures}) serve it alone.
 */
public final class TikaExtractor implements Extractor {
    private static final Logger log = LoggerFactory.getLogger(TikaExtractor.class);

    /** Archives are not unpacked: their entries are not articles and they are the zip bombs' vehicle. */
    private static final Set<String> ARCHIVES = Set.of(
            "application/zip", "application/x-tar", "application/gzip", "application/x-gzip",
            "application/x-7z-compressed", "application/x-rar-compressed", "application/x-bzip2",
            "application/x-xz", "application/java-archive", "application/x-archive", "application/x-compress");

    /** Messages whose attachments are documents of their own rather than part of the message's text. */
    private static final Set<String> MESSAGES = Set.of("message/rfc822", "application/vnd.ms-outlook");

    private static final String VERSION = Tika.getString();

    private final ExtractionLimits limits;
    private final Path workFolder;
    private final AutoDetectParser parser;
    private final Detector detector;
    private final MediaTypeRegistry registry;
    private final MimeTypes types;
    private final Set<MediaType> supported;
    /** Tika's text parser, with its encoding detection spared the meta-tag scan where it cannot find one. */
    private final Parser plainText = new TXTParser(new MetaTagEncodingDetector());
    private final OcrSupport ocr;

    /** An extractor without a work folder: attachments are extracted but their bytes are not kept. */
    public TikaExtractor(ExtractionLimits limits) {
        this(limits, null);
    }

    /**
     * @param workFolder where the attachments of messages are saved for the caller to archive (created
     *                   if needed); null to keep no attachment bytes
     */
    public TikaExtractor(ExtractionLimits limits, Path workFolder) {
        this(limits, workFolder, OcrSupport.tesseractAvailable());
    }

    /** @param ocr whether to OCR scans; tests turn it off to see the archive without tesseract */
    TikaExtractor(ExtractionLimits limits, Path workFolder, boolean ocr) {
        this.limits = limits;
        this.workFolder = workFolder;
        if (workFolder != null) {
            try {
                Files.createDirectories(workFolder);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the work folder " + workFolder + ": check it is writable", e);
            }
        }
        TikaConfig config = TikaConfig.getDefaultConfig();
        this.detector = config.getDetector();
        this.parser = new AutoDetectParser(config);
        parser.setDetector(new PresetDetector(detector));
        this.registry = config.getMediaTypeRegistry();
        this.types = config.getMimeRepository();
        // asking the parser builds this set anew each time; it never changes
        this.supported = Set.copyOf(parser.getSupportedTypes(new ParseContext()));
        this.ocr = new OcrSupport(ocr, limits.timeout());
    }

    /** "Apache Tika 3.3.1": recorded in each original's provenance. */
    public static String version() {
        return VERSION;
    }

    @Override
    public Extraction extract(Path file, String fileName) {
        return extract(file, fileName, null);
    }

    /**
     * As {@link #extract(Path, String)}, with the type already found by {@link #detect(Path, String)}
     * (null: detect it), so that a file routed between processes is detected once.
     */
    Extraction extract(Path file, String fileName, String contentType) {
        AttachmentFiles files = new AttachmentFiles(workFolder);
        Extraction result = null;
        try {
            result = extract(file, fileName, contentType, new EmbeddedBudget(limits), files, 0);
            return result;
        } finally {
            files.keepOnly(result);
        }
    }

    /**
     * The file's type as {@link #extract} would detect it, or null when the file is rejected before
     * detection (empty, too large, unreadable).
     */
    String detect(Path file, String fileName) {
        try {
            long size = Files.size(file);
            if (size == 0 || size > limits.maxFileBytes()) {
                return null;
            }
            try (TikaInputStream in = TikaInputStream.get(file)) {
                return detect(in, fileName);
            }
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Whether files of this type are read as plain text (text/plain, or a dialect such as Markdown
     * with no parser of its own): a parse that decodes the bytes once and cannot run away.
     */
    boolean readsAsPlainText(String contentType) {
        return contentType.equals("text/plain") || contentType.startsWith("text/") && !supported.contains(MediaType.parse(contentType));
    }

    /** One file at some depth of a message's attachments, with the top-level file's budget. */
    private Extraction extract(Path file, String fileName, String knownType, EmbeddedBudget budget, AttachmentFiles files,
                               int depth) {
        Extraction extraction = read(file, fileName, knownType, budget, files, depth);
        if (fileName == null || List.of(fileName).equals(extraction.metadata().get(Extraction.RESOURCE_NAME))) {
            return extraction;
        }
        // every extraction names its file, the rejected ones too (an attachment is known by it), and by the
        // name it was given: Tika names a message after its subject
        Map<String, List<String>> named = new LinkedHashMap<>(extraction.metadata());
        named.put(Extraction.RESOURCE_NAME, List.of(fileName));
        return new Extraction(extraction.text(), extraction.title(), extraction.contentType(), named, extraction.status(),
                extraction.reason(), extraction.truncated(), extraction.attachments(), extraction.file());
    }

    private Extraction read(Path file, String fileName, String knownType, EmbeddedBudget budget, AttachmentFiles files,
                            int depth) {
        try {
            long size = Files.size(file);
            if (size == 0) {
                return Extraction.failed(null, ExtractionStatus.REJECTED_EMPTY, "empty file");
            }
            if (size > limits.maxFileBytes()) {
                return Extraction.failed(null, ExtractionStatus.REJECTED_TOO_LARGE,
                        "too large: " + size + " bytes, the limit is " + limits.maxFileBytes());
            }
            Metadata metadata = new Metadata();
            if (fileName != null) {
                metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
            }
            try (TikaInputStream in = TikaInputStream.get(file, metadata)) {
                String contentType = knownType != null ? knownType : detect(in, fileName);
                Extraction refused = refuse(contentType);
                if (refused != null) {
                    return refused;
                }
                return checked(parse(in, metadata, contentType, budget, files, depth), budget);
            }
        } catch (IOException e) {
            log.warn("cannot read {}: {}", file, e.toString());
            return Extraction.failed(null, ExtractionStatus.REJECTED_CORRUPT, "cannot read the file: " + e.getMessage());
        }
    }

    /**
     * The type from the bytes; the file name only refines it (text/plain named .md is Markdown; a
     * generic zip named .docx is still judged by its parts). Bytes that match nothing are
     * octet-stream whatever the name says, so random bytes named .docx are not taken for a DOCX.
     * The costly magic scan runs at most once, and not for ordinary plain text ({@link PlainTextGate});
     * the name is matched against the type table alone.
     */
    private String detect(TikaInputStream in, String fileName) throws IOException {
        MediaType byContent = plainText(in) ? MediaType.TEXT_PLAIN : detector.detect(in, new Metadata()).getBaseType();
        return refined(byContent, fileName);
    }

    /**
     * The type {@link #extract} detects for a file whose first bytes {@link PlainTextGate} has passed,
     * found from its name alone: text/plain, or the dialect the name says (Markdown for .md). For a
     * caller that has already read the first bytes, so that they are not read and judged twice.
     */
    String plainTextType(String fileName) {
        return refined(MediaType.TEXT_PLAIN, fileName);
    }

    private String refined(MediaType byContent, String fileName) {
        if (byContent.equals(MediaType.OCTET_STREAM) || fileName == null) {
            return byContent.toString();
        }
        MediaType byName = types.getMimeType(fileName).getType().getBaseType();
        boolean refines = registry.isSpecializationOf(byName, byContent);
        return (refines ? byName : byContent).toString();
    }

    private static boolean plainText(TikaInputStream in) throws IOException {
        byte[] head = new byte[PlainTextGate.HEAD];
        in.mark(head.length);
        int length = in.readNBytes(head, 0, head.length);
        in.reset();
        return PlainTextGate.isPlainText(head, length);
    }

    private Extraction refuse(String contentType) {
        if (ARCHIVES.contains(contentType)) {
            return Extraction.failed(contentType, ExtractionStatus.REJECTED_UNSUPPORTED,
                    "unsupported type " + contentType + ": archives are not unpacked; extract the files and ingest them");
        }
        if (contentType.equals("application/octet-stream")) {
            return Extraction.failed(contentType, ExtractionStatus.REJECTED_UNSUPPORTED,
                    "unsupported/undetected type application/octet-stream: the bytes match no known document format");
        }
        if (!contentType.startsWith("text/") && !supported.contains(MediaType.parse(contentType))) {
            return Extraction.failed(contentType, ExtractionStatus.REJECTED_UNSUPPORTED,
                    "unsupported type " + contentType + ": no parser for it");
        }
        return null;
    }

    /** The file's own text; for a message, then each saved attachment as a file of its own. */
    private Extraction parse(TikaInputStream in, Metadata metadata, String contentType, EmbeddedBudget budget,
                             AttachmentFiles files, int depth) {
        AttachmentSaver attachments = MESSAGES.contains(contentType)
                ? new AttachmentSaver(files, budget, depth + 1, types) : null;
        ParseContext context = context(attachments, budget, depth);
        Extraction body = parseText(in, metadata, contentType, context, budget);
        if (attachments == null || body.status().rejected() || budget.exceeded()) {
            return body;
        }
        List<Extraction> extracted = new ArrayList<>();
        for (AttachmentSaver.Saved saved : attachments.saved()) {
            Extraction attachment = extract(saved.file(), saved.name(), null, budget, files, depth + 1);
            extracted.add(workFolder != null ? attachment.withFile(saved.file()) : attachment);
        }
        return new Extraction(body.text(), body.title(), body.contentType(), body.metadata(), body.status(),
                body.reason(), body.truncated(), extracted);
    }

    /** The file's own settings, and for what it embeds: the message's saver, or inlining without OCR. */
    private ParseContext context(AttachmentSaver attachments, EmbeddedBudget budget, int depth) {
        ParseContext context = new ParseContext();
        context.set(HtmlMapper.class, IdentityHtmlMapper.INSTANCE);
        context.set(Parser.class, parser);
        ocr.configureFile(context);
        if (attachments != null) {
            context.set(EmbeddedDocumentExtractor.class, attachments);
            return context;
        }
        ParseContext embedded = new ParseContext();
        embedded.set(HtmlMapper.class, IdentityHtmlMapper.INSTANCE);
        embedded.set(Parser.class, parser);
        ocr.configureEmbedded(embedded);
        InlineEmbedded inline = new InlineEmbedded(embedded, budget, depth);
        embedded.set(EmbeddedDocumentExtractor.class, inline);
        context.set(EmbeddedDocumentExtractor.class, inline);
        return context;
    }

    /** A bomb found anywhere in the file rejects all of it; a skipped embedded document makes it incomplete. */
    private static Extraction checked(Extraction extraction, EmbeddedBudget budget) {
        if (budget.exceeded()) {
            return Extraction.failed(extraction.contentType(), ExtractionStatus.REJECTED_BOMB, budget.exceededReason());
        }
        if (budget.skipped() && !extraction.truncated() && !extraction.status().rejected()) {
            return new Extraction(extraction.text(), extraction.title(), extraction.contentType(), extraction.metadata(),
                    extraction.status(), extraction.reason(), true, extraction.attachments(), extraction.file());
        }
        return extraction;
    }

    private Extraction parseText(TikaInputStream in, Metadata metadata, String contentType, ParseContext context,
                                 EmbeddedBudget budget) {
        TextCollector text = new TextCollector(budget.chars());
        boolean truncated = false;
        try {
            if (readsAsPlainText(contentType)) {
                // plain text and its dialects (Markdown): read as text with charset detection, without
                // the CSV sniffing that Tika's text parser does first
                plainText.parse(in, text, metadata, context);
            } else {
                PresetDetector.preset(metadata, contentType);
                parser.parse(in, text, metadata, context);
            }
        } catch (Exception e) {
            if (!ParseFailures.isWriteLimit(e)) {
                log.debug("parse failed for {}", metadata.get(TikaCoreProperties.RESOURCE_NAME_KEY), e);
                return ParseFailures.classify(contentType, e);
            }
            truncated = true;
        } catch (StackOverflowError e) {
            return ParseFailures.tooDeep(contentType);
        }
        Extraction result = result(text, truncated, metadata, contentType);
        budget.spendChars(result.text().length());
        return result;
    }

    private Extraction result(TextCollector text, boolean truncated, Metadata metadata, String contentType) {
        String body = TextCleaner.clean(text.text());
        String title = cleanTitle(metadata.get(TikaCoreProperties.TITLE));
        if (contentType.equals("text/markdown")) {
            body = unescapeMarkdown(body);
            title = title != null ? title : markdownTitle(body);
        }
        Map<String, List<String>> meta = toMap(metadata);
        if (body.isBlank()) {
            String reason = contentType.startsWith("image/") || contentType.equals("application/pdf")
                    ? ocr.noTextReason() : "no text: the file holds no extractable text";
            return new Extraction("", title, contentType, meta, ExtractionStatus.NO_TEXT, reason, false, List.of());
        }
        return new Extraction(body, title, contentType, meta, ExtractionStatus.TEXT, null, truncated || text.truncated(), List.of());
    }

    /** The first "# " heading of a Markdown text. */
    static String markdownTitle(String body) {
        return body.lines().limit(20).filter(l -> l.startsWith("# ")).findFirst()
                .map(l -> l.substring(2).strip()).filter(t -> !t.isEmpty()).orElse(null);
    }

    /** Markdown's backslash escapes ("AMERICAN CAN \\<AC\\>") stand for the plain characters. */
    static String unescapeMarkdown(String s) {
        return s.replaceAll("\\\\([\\\\`*_{}\\[\\]()#+\\-.!<>|~\"'])", "$1");
    }

    private static String cleanTitle(String title) {
        if (title == null) {
            return null;
        }
        String t = TextCleaner.clean(title).replaceAll("\\s+", " ");
        return t.isBlank() ? null : t;
    }

    private static Map<String, List<String>> toMap(Metadata metadata) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (String name : metadata.names()) {
            List<String> values = new ArrayList<>();
            for (String v : metadata.getValues(name)) {
                if (v != null && !v.isBlank() && v.length() < 2000) {
                    values.add(TextCleaner.clean(v));
                }
            }
            if (!values.isEmpty()) {
                map.put(name, List.copyOf(values));
            }
        }
        return map;
    }
}
