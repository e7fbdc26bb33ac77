package dev.stacks.extract;

import java.text.Normalizer;

/**
 * Makes extracted text fit to index and show: NFC, no NUL or control characters, no runs of
 * replacement characters, unified line ends, words hyphenated across a line break joined again
 * (so phrases survive PDF line wrapping), and at most one blank line in a row.
 *
 * <p>Every extracted text and metadata value goes through here, so it is written as one pass over
 * the characters instead of a regex pass per rule (which copied the text eight times). The rules,
 * as they apply in order, each to the result of the one before:
 * <ol>
 *   <li>NFC;</li>
 *   <li>{@code \r\n}, a lone {@code \r}, U+2028 and U+2029 become {@code \n};</li>
 *   <li>control characters other than tab and line feed, U+FFFE and U+FFFF are dropped;</li>
 *   <li>U+FFFD is dropped;</li>
 *   <li>spaces, tabs and no-break spaces just before or just after a line feed are dropped;</li>
 *   <li>a line-break hyphen between two lower-case letters ({@code \p{Ll}-\n\p{Ll}}) is dropped with
 *       its line feed, left to right, a letter joined to the one before not joining the next;</li>
 *   <li>three or more line feeds in a row become two;</li>
 *   <li>leading and trailing white space is stripped ({@link String#strip()}).</li>
 * </ol>
 */
public final class TextCleaner {
    /** No character below this is changed by NFC, alone or next to another (U+0300 is the first combining mark). */
    private static final char FIRST_NOT_NFC_STABLE = '\u0300';

    private TextCleaner() {
    }

    public static String clean(String raw) {
        String s = nfc(raw);
        if (!needsPass(s)) {
            // a single line of ordinary characters: only the ends can change
            return s.strip();
        }
        StringBuilder out = new StringBuilder(s.length());
        boolean hyphenBreak = unifyLines(s, out);
        if (hyphenBreak) {
            out = joinHyphenated(out);
        }
        return strip(out);
    }

    private static String nfc(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= FIRST_NOT_NFC_STABLE) {
                return Normalizer.isNormalized(s, Normalizer.Form.NFC) ? s : Normalizer.normalize(s, Normalizer.Form.NFC);
            }
        }
        return s;
    }

    /** Whether any rule but the last could change {@code s}: it has a line end or a character to drop. */
    private static boolean needsPass(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029' || dropped(c)) {
                return true;
            }
        }
        return false;
    }

    /** Rules 3 and 4: control characters but tab, line feed and carriage return; U+FFFD, U+FFFE, U+FFFF. */
    private static boolean dropped(char c) {
        return c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7F || c >= '\uFFFD' && c <= '\uFFFF';
    }

    /** Rule 5's white space. */
    private static boolean lineSpace(char c) {
        return c == ' ' || c == '\t' || c == '\u00A0';
    }

    /**
     * Rules 2 to 5 and 7 into {@code out}. The rules that drop characters run before those that look
     * at neighbours, so a dropped character is as if it were never there: a space, a NUL, a line feed is
     * a trailing space. Rule 7 commutes with rule 6, whose line feed sits between two letters.
     *
     * @return whether {@code out} has a hyphen before a line feed, which rule 6 may remove
     */
    private static boolean unifyLines(String s, StringBuilder out) {
        int spaceRun = -1; // where the spaces at the end of out start, if any
        boolean hyphenBreak = false;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '\r') {
                if (i + 1 < n && s.charAt(i + 1) == '\n') {
                    i++;
                }
                c = '\n';
            } else if (c == '\u2028' || c == '\u2029') {
                c = '\n';
            }
            int length = out.length();
            if (c == '\n') {
                if (spaceRun >= 0) {
                    out.setLength(spaceRun);
                    spaceRun = -1;
                    length = out.length();
                }
                if (length >= 2 && out.charAt(length - 1) == '\n' && out.charAt(length - 2) == '\n') {
                    continue;
                }
                hyphenBreak |= length > 0 && out.charAt(length - 1) == '-';
                out.append('\n');
            } else if (dropped(c)) {
                continue;
            } else if (lineSpace(c)) {
                if (length > 0 && out.charAt(length - 1) == '\n') {
                    continue;
                }
                if (spaceRun < 0) {
                    spaceRun = length;
                }
                out.append(c);
            } else {
                spaceRun = -1;
                out.append(c);
            }
        }
        return hyphenBreak;
    }

    /**
     * Rule 6, as a regex replacing {@code (\p{Ll})-\n(\p{Ll})} would: matches do not overlap, so in
     * {@code a-\nb-\nc} only the first break is joined. No space follows a line feed any more.
     */
    private static StringBuilder joinHyphenated(StringBuilder in) {
        StringBuilder out = new StringBuilder(in.length());
        int n = in.length();
        int joinedUpTo = 0; // in {@code in}: where the last join's second letter ends
        int copied = 0;
        for (int i = 1; i + 2 < n; i++) {
            if (in.charAt(i) != '-' || in.charAt(i + 1) != '\n') {
                continue;
            }
            int before = Character.codePointBefore(in, i);
            int after = Character.codePointAt(in, i + 2);
            if (i - Character.charCount(before) >= joinedUpTo && lowerCaseLetter(before) && lowerCaseLetter(after)) {
                out.append(in, copied, i);
                copied = i + 2;
                joinedUpTo = copied + Character.charCount(after);
            }
        }
        return out.append(in, copied, n);
    }

    /** What {@code \p{Ll}} matches. */
    private static boolean lowerCaseLetter(int codePoint) {
        return Character.getType(codePoint) == Character.LOWERCASE_LETTER;
    }

    /** {@link String#strip()} of the builder, without copying it first. */
    private static String strip(StringBuilder out) {
        int start = 0;
        int end = out.length();
        while (start < end && Character.isWhitespace(Character.codePointAt(out, start))) {
            start += Character.charCount(Character.codePointAt(out, start));
        }
        while (end > start && Character.isWhitespace(Character.codePointBefore(out, end))) {
            end -= Character.charCount(Character.codePointBefore(out, end));
        }
        return out.substring(start, end);
    }
}
