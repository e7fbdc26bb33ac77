package dev.stacks.extract;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What the extractor got out of one original: its plain text, a title if the format carries one,
 * the detected content type, the metadata that later stages read (dates, authors), and how it went.
 *
 * <p>{@code metadata} keys are Tika's names ("dc:title", "dcterms:created", "Message:Raw-Header:Date",
 * "meta:article:published_time") so that readers can say which source a value came from; values keep
 * their order. No Tika type leaks out of this package.
 *
 * <p>{@code attachments} are the documents an e-mail carried (message/rfc822, Outlook .msg), each
 * extracted exactly as if its bytes had been ingested on their own under its file name (so a reindex
 * of the stored attachment gives the same result), with that name under "resourceName". Embedded
 * objects of other formats are not listed: their text is inlined into {@code text}.
 *
 * @param file for an attachment, where its bytes were saved (in the extractor's work folder) so that the
 *             caller can archive them as an original of their own; the caller owns the file and deletes
 *             it afterwards. Null for the file that was extracted, and when the extractor has no work folder.
 */
public record Extraction(
        String text,
        String title,
        String contentType,
        Map<String, List<String>> metadata,
        ExtractionStatus status,
        String reason,
        boolean truncated,
        List<Extraction> attachments,
        Path file) {

    /** The metadata key holding a document's file name (Tika's). */
    public static final String RESOURCE_NAME = "resourceName";

    public Extraction {
        metadata = Map.copyOf(metadata);
        attachments = List.copyOf(attachments);
    }

    /** An extraction that is not an attachment saved to a file. */
    public Extraction(String text, String title, String contentType, Map<String, List<String>> metadata,
                      ExtractionStatus status, String reason, boolean truncated, List<Extraction> attachments) {
        this(text, title, contentType, metadata, status, reason, truncated, attachments, null);
    }

    /** The first value of a metadata key, or null. */
    public String first(String key) {
        List<String> values = metadata.get(key);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** This extraction with its bytes saved at {@code file}. */
    public Extraction withFile(Path file) {
        return new Extraction(text, title, contentType, metadata, status, reason, truncated, attachments, file);
    }

    public static Extraction failed(String contentType, ExtractionStatus status, String reason) {
        return new Extraction("", null, contentType, Map.of(), status, reason, false, List.of());
    }
}
