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
    private static final Pattern NOT_A_TITLE = Pattern.compile(
            "(?i)^(?:date|dated|published|posted|from|to|subject|by)\\b.*|^[\\d\\s/.:,-]+$|^https?://\\S+$");

    private TitleFinder() {
    }

    static String find(String extractedTitle, String text) {
        if (extractedTitle != null && !extractedTitle.isBlank()) {
            return Fold.name(extractedTitle);
        }
        int seen = 0;
        for (String line : text.split("\n", 40)) {
            String s = line.strip();
            if (s.isEmpty()) {
                continue;
            }
            if (++seen > LINES) {
                break;
            }
            if (s.length() > MAX_CHARS) {
                return null;
            }
            if (s.length() >= 3 && s.chars().anyMatch(Character::isLetter) && !NOT_A_TITLE.matcher(s).matches()) {
                return Fold.name(s);
            }
        }
        return null;
    }
}
