package dev.stacks.extract;

import org.apache.tika.Tika;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.ZeroByteFileException;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.html.HtmlMapper;
import org.apache.tika.parser.html.IdentityHtmlMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Extracts text and metadata with Apache Tika, in this process. Type detection reads the bytes
 * (magic numbers first; the file name only breaks ties), every limit in {@link ExtractionLimits}
 * is applied, and failures are classified into an {@link ExtractionStatus} with a reason a
 * librarian can act on. Thread-safe: Tika's parsers are stateless and each call has its own context.
 */
public final class TikaExtractor implements Extractor {
    private static final Logger log = LoggerFactory.getLogger(TikaExtractor.class);

    /** Archives are not unpacked: their entries are not articles and they are the zip bombs' vehicle. */
    private static final Set<String> ARCHIVES = Set.of(
            "application/zip", "application/x-tar", "application/gzip", "application/x-gzip",
            "application/x-7z-compressed", "application/x-rar-compressed", "application/x-bzip2",
            "application/x-xz", "application/java-archive", "application/x-archive", "application/x-compress");

    private static final String VERSION = Tika.getString();

    private final ExtractionLimits limits;
    private final AutoDetectParser parser;
    private final Detector detector;
    private final org.apache.tika.mime.MediaTypeRegistry registry;
    private final Parser plainText = new org.apache.tika.parser.txt.TXTParser();

    public TikaExtractor(ExtractionLimits limits) {
        this.limits = limits;
        TikaConfig config = TikaConfig.getDefaultConfig();
        this.parser = new AutoDetectParser(config);
        this.detector = config.getDetector();
        this.registry = config.getMediaTypeRegistry();
    }

    /** "Apache Tika 3.3.1": recorded in each original's provenance. */
    public static String version() {
        return VERSION;
    }

    @Override
    public Extraction extract(Path file, String fileName) {
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
                String contentType = detect(in, metadata);
                Extraction refused = refuse(contentType);
                if (refused != null) {
                    return refused;
                }
                return parse(in, metadata, contentType);
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
     */
    private String detect(TikaInputStream in, Metadata named) throws IOException {
        MediaType byContent = detector.detect(in, new Metadata()).getBaseType();
        if (byContent.equals(MediaType.OCTET_STREAM)) {
            return byContent.toString();
        }
        MediaType byName = detector.detect(in, named).getBaseType();
        boolean refines = registry.isSpecializationOf(byName, byContent);
        return (refines ? byName : byContent).toString();
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
        if (!contentType.startsWith("text/") && !parser.getSupportedTypes(new ParseContext()).contains(MediaType.parse(contentType))) {
            return Extraction.failed(contentType, ExtractionStatus.REJECTED_UNSUPPORTED,
                    "unsupported type " + contentType + ": no parser for it");
        }
        return null;
    }

    private Extraction parse(TikaInputStream in, Metadata metadata, String contentType) {
        TextCollector text = new TextCollector(limits.maxChars());
        ParseContext context = new ParseContext();
        context.set(HtmlMapper.class, IdentityHtmlMapper.INSTANCE);
        context.set(Parser.class, parser);
        context.set(EmbeddedDocumentExtractor.class, new InlineEmbedded(context, limits));
        boolean truncated = false;
        try {
            if (contentType.startsWith("text/") && !parser.getSupportedTypes(context).contains(MediaType.parse(contentType))) {
                // Markdown and other plain-text dialects: read as text, with charset detection
                plainText.parse(in, text, metadata, context);
            } else {
                parser.parse(in, text, metadata, context);
            }
        } catch (TextCollector.LimitReached e) {
            truncated = true;
        } catch (EncryptedDocumentException e) {
            return Extraction.failed(contentType, ExtractionStatus.REJECTED_ENCRYPTED,
                    "encrypted " + shortName(contentType) + ", password required");
        } catch (ZeroByteFileException e) {
            return Extraction.failed(contentType, ExtractionStatus.REJECTED_EMPTY, "empty file");
        } catch (TikaException | SAXException | IOException | RuntimeException e) {
            if (rootCause(e) instanceof TextCollector.LimitReached) {
                truncated = true;
            } else if (rootCause(e) instanceof EncryptedDocumentException
                    || String.valueOf(e.getMessage()).toLowerCase().contains("password")) {
                return Extraction.failed(contentType, ExtractionStatus.REJECTED_ENCRYPTED,
                        "encrypted " + shortName(contentType) + ", password required");
            } else {
                log.debug("parse failed for {}", metadata.get(TikaCoreProperties.RESOURCE_NAME_KEY), e);
                return Extraction.failed(contentType, ExtractionStatus.REJECTED_CORRUPT,
                        "corrupt or truncated " + shortName(contentType) + ": " + firstLine(rootCause(e).getMessage()));
            }
        } catch (StackOverflowError e) {
            return Extraction.failed(contentType, ExtractionStatus.REJECTED_CORRUPT,
                    "corrupt " + shortName(contentType) + ": nesting too deep to parse");
        }
        String body = TextCleaner.clean(text.text());
        truncated |= text.truncated();
        String title = cleanTitle(metadata.get(TikaCoreProperties.TITLE));
        if (title == null && contentType.equals("text/markdown")) {
            title = markdownTitle(body);
        }
        Map<String, List<String>> meta = toMap(metadata);
        if (body.isBlank()) {
            String reason = contentType.startsWith("image/") || contentType.equals("application/pdf")
                    ? "no text: OCR not available" : "no text: the file holds no extractable text";
            return new Extraction("", title, contentType, meta, ExtractionStatus.NO_TEXT, reason, false, List.of());
        }
        return new Extraction(body, title, contentType, meta, ExtractionStatus.TEXT, null, truncated, List.of());
    }

    /** The first "# " heading of a Markdown text. */
    static String markdownTitle(String body) {
        return body.lines().limit(20).filter(l -> l.startsWith("# ")).findFirst()
                .map(l -> l.substring(2).strip()).filter(t -> !t.isEmpty()).orElse(null);
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

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private static String shortName(String contentType) {
        return switch (contentType) {
            case "application/pdf" -> "PDF";
            case "application/vnd.openxmlformats-officedocument.wordprocessingml.document" -> "DOCX";
            case "application/msword" -> "DOC";
            default -> contentType;
        };
    }

    private static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return "the parser could not read it";
        }
        String line = message.lines().findFirst().orElse(message).strip();
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }

    /** Follows embedded documents (e-mail attachments, objects in office files) within bounds, inlining their text. */
    private static final class InlineEmbedded implements EmbeddedDocumentExtractor {
        private final ParseContext context;
        private final ExtractionLimits limits;
        private int count;
        private int depth;

        InlineEmbedded(ParseContext context, ExtractionLimits limits) {
            this.context = context;
            this.limits = limits;
        }

        @Override
        public boolean shouldParseEmbedded(Metadata metadata) {
            return count < limits.maxEmbedded() && depth < limits.maxEmbeddedDepth();
        }

        @Override
        public void parseEmbedded(InputStream stream, ContentHandler handler, Metadata metadata, boolean outputHtml)
                throws SAXException, IOException {
            count++;
            depth++;
            try {
                Parser parser = context.get(Parser.class);
                parser.parse(TikaInputStream.get(stream), new org.apache.tika.sax.EmbeddedContentHandler(
                        new org.apache.tika.sax.BodyContentHandler(handler)), metadata, context);
            } catch (TikaException e) {
                log.debug("embedded document skipped: {}", e.toString());
            } finally {
                depth--;
            }
        }
    }

    static String describe(String[] values) {
        return Arrays.toString(values);
    }
}
