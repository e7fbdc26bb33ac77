package dev.stacks.enrich;

import java.util.regex.Pattern;

/**
 * A title for an article whose format carries none: the first short line of its text that is
 * not a date or a bare dateline. Null when the text opens with a long paragraph, so that the
 * page can fall back on the file name rather than show a truncated sentence.
 */
final class TitleFinder {

    private static final int MAX_CHARS = 150;
    private static final int LINES = 5;
    /** At most this many lines are read, the last one holding the rest of the text. */
    private static final int SPLIT_LIMIT = 40;
    private static final Pattern NOT_A_TITLE = Pattern.compile(
            "(?i)^(?:date|dated|published|posted|from|to|subject|by)\\b.*|^[\\d\\s/.:,-]+$|^https?://\\S+$");

    private TitleFinder() {
    }

    static String find(String extractedTitle, String text) {
        if (extractedTitle != null && !extractedTitle.isBlank()) {
            return Fold.name(extractedTitle);
        }
        int seen = 0;
        // the lines of text.split("\n", 40), without splitting the whole text: the 40th is the rest of it
        int from = 0;
        for (int line = 1; from <= text.length(); line++) {
            int eol = line == SPLIT_LIMIT ? -1 : text.indexOf('\n', from);
            int to = eol < 0 ? text.length() : eol;
            String s = text.substring(from, to).strip();
            from = to + 1;
            if (s.isEmpty()) {
                continue;
            }
            if (++seen > LINES) {
                break;
            }
            if (s.length() > MAX_CHARS) {
                return null;
            }
            if (s.length() >= 3 && hasLetter(s) && !NOT_A_TITLE.matcher(s).matches()) {
                return Fold.name(s);
            }
        }
        return null;
    }

    private static boolean hasLetter(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isLetter(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
