package dev.stacks.extract;

import java.util.Map;

/** Short format names for the facet ("pdf", "docx"), from detected content types. */
public final class Formats {
    private static final Map<String, String> BY_TYPE = Map.ofEntries(
            Map.entry("text/plain", "txt"),
            Map.entry("text/html", "html"),
            Map.entry("application/xhtml+xml", "html"),
            Map.entry("text/markdown", "md"),
            Map.entry("text/x-web-markdown", "md"),
            Map.entry("application/pdf", "pdf"),
            Map.entry("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
            Map.entry("application/msword", "doc"),
            Map.entry("application/vnd.oasis.opendocument.text", "odt"),
            Map.entry("application/rtf", "rtf"),
            Map.entry("application/epub+zip", "epub"),
            Map.entry("message/rfc822", "eml"),
            Map.entry("application/vnd.ms-outlook", "msg"),
            Map.entry("application/xml", "xml"),
            Map.entry("text/csv", "csv"));

    private Formats() {
    }

    public static String of(String contentType) {
        if (contentType == null) {
            return "unknown";
        }
        String format = BY_TYPE.get(contentType);
        if (format != null) {
            return format;
        }
        if (contentType.startsWith("image/")) {
            return "image";
        }
        return "other";
    }
}
