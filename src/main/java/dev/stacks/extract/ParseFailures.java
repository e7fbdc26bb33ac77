package dev.stacks.extract;

import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.ZeroByteFileException;

import java.util.Locale;

/**
 * Turns what a parser threw into a status and a reason a librarian can act on: encrypted, empty,
 * suspected bomb, or corrupt with the parser's own first line (never a stack trace). Serves
 * {@link TikaExtractor}.
 */
final class ParseFailures {

    private ParseFailures() {
    }

    /** The parse was stopped on purpose at the write limit: not a failure, the text so far is kept. */
    static boolean isWriteLimit(Exception e) {
        return e instanceof TextCollector.LimitReached || rootCause(e) instanceof TextCollector.LimitReached;
    }

    static Extraction classify(String contentType, Exception e) {
        Throwable root = rootCause(e);
        String message = (e.getMessage() + " " + root.getMessage()).toLowerCase(Locale.ROOT);
        if (root instanceof BudgetedInputStream.ExpansionLimitReached) {
            // the extractor sees its budget exceeded and gives the full reason
            return Extraction.failed(contentType, ExtractionStatus.REJECTED_BOMB, "suspected bomb");
        }
        if (message.contains("zip bomb")) {
            // Tika's SecureContentHandler: far more text than bytes, or absurdly deep nesting
            return Extraction.failed(contentType, ExtractionStatus.REJECTED_BOMB, "suspected bomb: " + firstLine(root.getMessage()));
        }
        if (e instanceof EncryptedDocumentException || root instanceof EncryptedDocumentException || message.contains("password")) {
            return encrypted(contentType);
        }
        if (e instanceof ZeroByteFileException) {
            return Extraction.failed(contentType, ExtractionStatus.REJECTED_EMPTY, "empty file");
        }
        return Extraction.failed(contentType, ExtractionStatus.REJECTED_CORRUPT,
                "corrupt or truncated " + shortName(contentType) + ": " + firstLine(root.getMessage()));
    }

    static Extraction tooDeep(String contentType) {
        return Extraction.failed(contentType, ExtractionStatus.REJECTED_CORRUPT,
                "corrupt " + shortName(contentType) + ": nesting too deep to parse");
    }

    private static Extraction encrypted(String contentType) {
        return Extraction.failed(contentType, ExtractionStatus.REJECTED_ENCRYPTED,
                "encrypted " + shortName(contentType) + ", password required");
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
}
