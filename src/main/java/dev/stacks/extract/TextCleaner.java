package dev.stacks.extract;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Makes extracted text fit to index and show: NFC, no NUL or control characters, no runs of
 * replacement characters, unified line ends, words hyphenated across a line break joined again
 * (so phrases survive PDF line wrapping), and at most one blank line in a row.
 */
public final class TextCleaner {
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F\\uFFFE\\uFFFF]");
    private static final Pattern REPLACEMENT_RUN = Pattern.compile("\\uFFFD+");
    private static final Pattern LINE_END = Pattern.compile("\\r\\n?|\\u2028|\\u2029");
    private static final Pattern TRAILING_SPACE = Pattern.compile("[ \\t\\u00A0]+\\n");
    private static final Pattern LEADING_SPACE = Pattern.compile("\\n[ \\t\\u00A0]+");
    private static final Pattern HYPHEN_BREAK = Pattern.compile("(\\p{Ll})-\\n[ \\t]*(\\p{Ll})");
    private static final Pattern BLANK_LINES = Pattern.compile("\\n{3,}");

    private TextCleaner() {
    }

    public static String clean(String raw) {
        String s = Normalizer.normalize(raw, Normalizer.Form.NFC);
        s = LINE_END.matcher(s).replaceAll("\n");
        s = CONTROL.matcher(s).replaceAll("");
        s = REPLACEMENT_RUN.matcher(s).replaceAll("");
        s = TRAILING_SPACE.matcher(s).replaceAll("\n");
        s = LEADING_SPACE.matcher(s).replaceAll("\n");
        s = HYPHEN_BREAK.matcher(s).replaceAll("$1$2");
        s = BLANK_LINES.matcher(s).replaceAll("\n\n");
        return s.strip();
    }
}
