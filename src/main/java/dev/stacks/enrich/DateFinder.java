package dev.stacks.enrich;

import dev.stacks.extract.Extraction;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds when an article was published, trusting in this order: metadata meant as a publication
 * date (article:published_time, dc:date, an e-mail Date header, …), a "Date:" or "Posted:" line near
 * the top, a dateline with a year, a full date above the story or in its first paragraph (above the
 * dateline when there is one), and last a document's creation date. A date the words before it
 * make a deadline or a birth ("by March 31, 1990", "born on …") is never the publication, nor is a
 * date deeper in the body; a dateline without a year leaves the story undated (package-info says
 * why). A file's modification time is never used, and a creation date (a PDF's is often the
 * conversion date) only when the text gives none. The source is kept ("metadata:dc:date",
 * "date-line", "dateline", "text"); metadata and "Date:" lines may give a year or a month only.
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
    /** The head of a text (masthead, headline, byline) is at most this long … */
    private static final int HEAD = 600;
    /** … and ends at the first line this long, which is prose … */
    private static final int PROSE_LINE = 160;
    /** … whose first paragraph is read up to this many chars. */
    private static final int LEAD = 800;

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
        String top = text.length() > DATE_LINE_HEAD ? text.substring(0, DATE_LINE_HEAD) : text;
        Matcher m = DATE_LINE.matcher(top);
        while (m.find()) {
            PublicationDate d = Dates.parseValue(m.group(1).strip(), "date-line");
            if (d != null) {
                return d;
            }
        }
        if (dateline.date() != null) {
            return dateline.date();
        }
        // a full date above the story or in its first paragraph; deeper in the body dates are the
        // events, deadlines and fiscal years a story reports (on Reuters-21578 the first full date of
        // the body is the day of publication for 2 stories in 1,218)
        // with a dateline ("OTTAWA, March 3 —", "MELBOURNE —") the story starts there and only the
        // masthead above it may date it: a dateline's month and day without a year are not enough, as
        // no rule recovers the year from the body (see package-info), so such a story stays undated
        int lead = dateline.hasPlace() ? dateline.placeStart() : leadEnd(text);
        for (Dates.Found f : Dates.fullDates(text, "text", 8)) {
            if (f.start() >= lead) {
                break;
            }
            if (!f.deadline()) {
                return f.date();
            }
        }
        for (String key : CREATION_KEYS) {
            PublicationDate d = fromMetadata(extraction, key);
            if (d != null) {
                return d;
            }
        }
        return null;
    }

    /** Where the head ends: the masthead, headline and byline, short lines above the prose, at most {@value #HEAD} chars. */
    static int headEnd(String text) {
        int limit = Math.min(text.length(), HEAD);
        int line = 0;
        while (line < limit) {
            int eol = text.indexOf('\n', line);
            if (eol < 0) {
                eol = text.length();
            }
            if (prose(text, line, eol)) {
                return line;
            }
            line = eol + 1;
        }
        return limit;
    }

    /** A line of prose: long, or a sentence of eight words or more; not a masthead, a date or a byline. */
    private static boolean prose(String text, int from, int to) {
        if (to - from > PROSE_LINE) {
            return true;
        }
        String line = text.substring(from, to).strip();
        return !line.isEmpty() && ".!?\"”".indexOf(line.charAt(line.length() - 1)) >= 0 && Fold.WHITESPACE.split(line).length >= 8;
    }

    /** Where the lead ends: the head and the first paragraph of prose after it. */
    static int leadEnd(String text) {
        int line = headEnd(text);
        int paragraph = text.indexOf("\n\n", Math.min(line, text.length()));
        int end = paragraph < 0 ? text.length() : paragraph;
        return Math.min(end, line + LEAD);
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
