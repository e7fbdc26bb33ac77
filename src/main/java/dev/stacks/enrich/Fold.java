package dev.stacks.enrich;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Text keys for lexicon look-ups: lower case, without diacritics, with one kind of apostrophe and
 * single spaces, so that "Michoacan" finds "Michoacán" and "O’Neill" finds "O'Neill". Display
 * names are never folded: {@link #name} only normalises them.
 */
final class Fold {

    /** A run of whitespace, compiled once for the package: {@link #name} runs for every actor's name and title. */
    static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private Fold() {
    }

    /**
     * The look-up key of {@code text[from, to)}: the same as {@code key(text.subSequence(from, to))},
     * but an ASCII word (most tokens) is lower-cased in one copy instead of a substring and then a
     * lower-case copy of it, and one already in lower case is just the substring.
     */
    static String key(String text, int from, int to) {
        boolean upper = false;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                return key(text.subSequence(from, to));
            }
            upper |= c >= 'A' && c <= 'Z';
        }
        if (!upper) {
            return text.substring(from, to);
        }
        // toLowerCase(Locale.ROOT) changes only A-Z in ASCII text
        char[] lower = new char[to - from];
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            lower[i - from] = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
        }
        return new String(lower);
    }

    /** The look-up key of a word or phrase. */
    static String key(CharSequence s) {
        boolean ascii = true;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                ascii = false;
                break;
            }
        }
        String t = s.toString();
        if (!ascii) {
            t = Normalizer.normalize(t, Normalizer.Form.NFD);
            StringBuilder b = new StringBuilder(t.length());
            for (int i = 0; i < t.length(); i++) {
                char c = t.charAt(i);
                int type = Character.getType(c);
                if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                        || type == Character.COMBINING_SPACING_MARK) {
                    continue;
                }
                b.append(switch (c) {
                    case '\u2019', '\u2018', '\u02BC', '`', '\u00B4' -> '\'';
                    case '\u2010', '\u2011', '\u2012', '\u2013' -> '-';
                    case '\u00DF' -> 's';
                    case '\u00F8' -> 'o';
                    case '\u00D8' -> 'O';
                    case '\u0142' -> 'l';
                    case '\u0141' -> 'L';
                    default -> c;
                });
            }
            t = b.toString();
        }
        return t.toLowerCase(Locale.ROOT);
    }

    /** A display name as the facet shows it: NFC, single spaces, no surrounding space. */
    static String name(String s) {
        String n = Normalizer.normalize(s, Normalizer.Form.NFC);
        return WHITESPACE.matcher(n).replaceAll(" ").strip();
    }
}
