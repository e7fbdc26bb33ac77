package dev.stacks.extract;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Recognises ordinary plain text from its first bytes, cheaply, so that Tika's magic scan runs only
 * for files that may be something else. Tika can say "plain text" only after trying all ~850 of its
 * magic patterns, many of them regular expressions tried at every offset of the first 8 KB: about a
 * millisecond per file, more than all the rest of a news story's extraction.
 *
 * <p>The gate is conservative and answers "plain" only when no magic pattern that matters here could
 * match: no control or NUL bytes (binary formats have them near the start), no byte-order mark
 * (Tika decides those), a first character that is a letter or digit (markup, RTF, PostScript, PDF
 * and scripts start with punctuation) or a newswire ticker, a first line that is not a mail or HTTP header
 * ({@code Word:}), none of the few text formats that start with a word, and no HTML or XML tag in
 * the head. Everything else goes to Tika, so the worst a miss costs is time.
 */
final class PlainTextGate {
    /** As much as Tika's own text and markup patterns look at. */
    static final int HEAD = 8192;

    static final Pattern HEADER_LINE = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9_-]*:");

    /** Text formats that Tika recognises from a first word: mbox, news, TeX logs, diffs, STL, WebVTT, MATLAB, … */
    static final List<String> WORD_STARTS = List.of(
            "from ", "forward to", "pipe to", "this is tex", "this is metafont", "http/", "solid ", "diff ",
            "only in ", "common subdirectories", "webvtt", "article", "function", "matlab", "eval ", "begin:",
            "xref", "path", "p1", "p2", "p3", "p4", "p5", "p6", "p7");

    /**
     * Tags that Tika's HTML and XML patterns look for (some anywhere in the first 8 KB), and a few more
     * roots; each starts with {@code <}.
     */
    static final List<String> MARKUP = List.of(
            "<html", "<head", "<body", "<title", "<div", "<h1", "<h2", "<h3", "<!doctype", "<?xml", "<!--",
            "<svg", "<rdf", "<rss", "<feed", "<tmx", "<?aid");

    /** A newswire ticker such as {@code <DSP>} may start a title; no markup pattern starts that way. */
    static final Pattern TICKER = Pattern.compile("<[A-Z][A-Z0-9.&' -]{0,15}>");

    /**
     * A company's name in brackets ({@code <FRANKLIN CALIFORNIA TAX-FREE INCOME FUND> PAYOUT}), one news
     * story in eighty. Of Tika's patterns that start with {@code <} and an upper-case letter, only
     * FrameMaker's {@code <MML} and CyberCash's {@code <MPD} can match such a start (the HTML ones are
     * {@link #MARKUP}), so those two are left to Tika. {@link #TICKER} lets them through; it is kept
     * as it is so that short tickers are routed as before.
     */
    static final Pattern LONG_TICKER = Pattern.compile("<(?!MML|MPD)[A-Z][A-Z0-9.&' -]{16,63}>");

    private PlainTextGate() {
    }

    /** What the first bytes say. */
    enum Kind {
        /** Ordinary plain text: Tika's magic would find nothing else. */
        PLAIN,
        /** Text (or Unicode text with a byte-order mark), possibly markup, a message or another text format: Tika decides. */
        TEXT,
        /** Control bytes: a binary format, for Tika to decide. */
        BINARY
    }

    /** @param head the file's first bytes (up to {@link #HEAD}); {@code length} of them are valid */
    static boolean isPlainText(byte[] head, int length) {
        return classify(head, length) == Kind.PLAIN;
    }

    static Kind classify(byte[] head, int length) {
        if (length == 0) {
            return Kind.BINARY;
        }
        if (hasByteOrderMark(head, length)) {
            // Unicode text (UTF-16 has NUL bytes): Tika decodes and decides
            return Kind.TEXT;
        }
        int first = -1;
        for (int i = 0; i < length; i++) {
            int b = head[i] & 0xFF;
            if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' || b == 0x7F) {
                return Kind.BINARY;
            }
            if (first < 0 && b > ' ') {
                first = i;
            }
        }
        if (first < 0) {
            return Kind.TEXT;
        }
        return plainStart(head, first, length) ? Kind.PLAIN : Kind.TEXT;
    }

    private static boolean plainStart(byte[] head, int first, int length) {
        // no start pattern can match past the first line (none matches a line feed): only it is decoded
        int lineEnd = first;
        while (lineEnd < length && head[lineEnd] != '\n') {
            lineEnd++;
        }
        String line = new String(head, first, lineEnd - first, StandardCharsets.ISO_8859_1);
        boolean word = head[first] > 0 && Character.isLetterOrDigit(head[first]);
        if (!word && !TICKER.matcher(line).lookingAt() && !LONG_TICKER.matcher(line).lookingAt()) {
            return false;
        }
        if (HEADER_LINE.matcher(line).lookingAt()) {
            return false;
        }
        String lower = line.toLowerCase(Locale.ROOT);
        for (String start : WORD_STARTS) {
            if (lower.startsWith(start)) {
                return false;
            }
        }
        return !hasMarkup(head, first, length);
    }

    /** Whether a {@link #MARKUP} tag starts at a {@code <} of the head, in any case; in one pass rather than one per tag. */
    private static boolean hasMarkup(byte[] head, int from, int length) {
        for (int i = from; i < length; i++) {
            if (head[i] == '<') {
                for (String tag : MARKUP) {
                    if (startsWithIgnoringCase(head, i, length, tag)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** @param lowerCase ASCII in lower case: no other ISO-8859-1 character lower-cases to ASCII */
    private static boolean startsWithIgnoringCase(byte[] head, int at, int length, String lowerCase) {
        if (length - at < lowerCase.length()) {
            return false;
        }
        for (int k = 0; k < lowerCase.length(); k++) {
            int b = head[at + k];
            if ((b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b) != lowerCase.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasByteOrderMark(byte[] head, int length) {
        int b0 = head[0] & 0xFF;
        int b1 = length > 1 ? head[1] & 0xFF : -1;
        return b0 == 0xEF && b1 == 0xBB || b0 == 0xFE && b1 == 0xFF || b0 == 0xFF && b1 == 0xFE;
    }
}
