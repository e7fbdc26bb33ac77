package dev.stacks.enrich;

import dev.stacks.extract.Extraction;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds when an article was published, trusting in this order: metadata meant as a publication
 * date (article:published_time, dc:date, an e-mail Date header, …), a "Date:" line near the top,
 * the dateline, the first full date in the text, and last a document's creation date. A file's
 * modification time is never used, and a creation date (a PDF's is often the conversion date)
 * only when the text gives none. The source is kept ("metadata:dc:date", "date-line", "dateline",
 * "text"); metadata and "Date:" lines may give a year or a month only.
 */
final class DateFinder {

    /** Metadata keys meant as a publication date, most trusted first (Tika's names). */
    static final List<String> PUBLICATION_KEYS = List.of(
            "article:published_time", "meta:article:published_time", "og:article:published_time",
            "og:published_time", "published_time", "dc:date", "dcterms:date", "dc.date", "DC.date", "dcterms:issued",
            "dc:date.issued", "citation_publication_date", "meta:citation_publication_date", "pubdate", "publication_date",
            "date", "Message:Raw-Header:Date", "Message-Date");
    /** Creation dates: only when nothing else says. */
    static final List<String> CREATION_KEYS = List.of("dcterms:created", "meta:creation-date", "Creation-Date", "created");

    private static final Pattern DATE_LINE = Pattern.compile(
            "(?im)^[ \\t]*(?:Date|Dated|Published|Publication date|Posted|Posted on|Published on)[ \\t]*:[ \\t]*(.+)$");
    private static final int DATE_LINE_HEAD = 3000;

    private DateFinder() {
    }

    static PublicationDate find(Extraction extraction, String text, DatelineFinder.Dateline dateline) {
        if ("message/rfc822".equals(extraction.contentType())) {
            // Tika reports an e-mail's Date header as its creation date: for a message that is when it was sent
            PublicationDate sent = fromMetadata(extraction, "dcterms:created");
            if (sent != null) {
                return new PublicationDate(sent.value(), sent.precision(), "metadata:email Date header");
            }
        }
        for (String key : PUBLICATION_KEYS) {
            PublicationDate d = fromMetadata(extraction, key);
            if (d != null) {
                return d;
            }
        }
        String head = text.length() > DATE_LINE_HEAD ? text.substring(0, DATE_LINE_HEAD) : text;
        Matcher m = DATE_LINE.matcher(head);
        while (m.find()) {
            PublicationDate d = Dates.parseValue(m.group(1).strip(), "date-line");
            if (d != null) {
                return d;
            }
        }
        if (dateline.date() != null) {
            return dateline.date();
        }
        PublicationDate inText = Dates.firstFullDate(text, "text");
        if (inText != null) {
            return inText;
        }
        for (String key : CREATION_KEYS) {
            PublicationDate d = fromMetadata(extraction, key);
            if (d != null) {
                return d;
            }
        }
        return null;
    }

    private static PublicationDate fromMetadata(Extraction extraction, String key) {
        List<String> values = extraction.metadata().get(key);
        if (values == null) {
            return null;
        }
        for (String v : values) {
            PublicationDate d = Dates.parseValue(v, "metadata:" + key);
            if (d != null) {
                return d;
            }
        }
        return null;
    }
}
