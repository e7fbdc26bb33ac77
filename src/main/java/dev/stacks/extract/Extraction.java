package dev.stacks.extract;

import java.util.List;
import java.util.Map;

/**
 * What the extractor got out of one original: its plain text, a title if the format carries one,
 * the detected content type, the metadata that later stages read (dates, authors), and how it went.
 *
 * <p>{@code metadata} keys are Tika's names ("dc:title", "dcterms:created", "Message:Raw-Header:Date",
 * "meta:article:published_time") so that readers can say which source a value came from; values keep
 * their order. No Tika type leaks out of this package.
 */
public record Extraction(
        String text,
        String title,
        String contentType,
        Map<String, List<String>> metadata,
        ExtractionStatus status,
        String reason,
        boolean truncated,
        List<Extraction> attachments) {

    public Extraction {
        metadata = Map.copyOf(metadata);
        attachments = List.copyOf(attachments);
    }

    /** The first value of a metadata key, or null. */
    public String first(String key) {
        List<String> values = metadata.get(key);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public static Extraction failed(String contentType, ExtractionStatus status, String reason) {
        return new Extraction("", null, contentType, Map.of(), status, reason, false, List.of());
    }
}
