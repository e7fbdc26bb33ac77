package dev.stacks.search;

import java.text.BreakIterator;
import java.text.CharacterIterator;
import java.text.StringCharacterIterator;
import java.util.Arrays;

/**
 * Sentence boundaries for snippets, found in one pass when the text is set and then looked up by
 * binary search. The JDK's rule-based sentence iterator re-scans the text around every offset the
 * highlighter asks about, which made cutting passages a third of the cost of highlighting.
 *
 * <p>The rules, close to the JDK's for news text: a sentence ends after {@code . ! ?} (and any
 * closing quotes or brackets) followed by white space, unless the next word starts with a
 * lower-case letter ("e.g. this", "the U.S. dollar" stay whole); a line break always ends one.
 * A boundary is where the next sentence starts, after the white space.
 */
final class SentenceBreaks extends BreakIterator {
    private String text = "";
    private int[] boundaries = {0};
    private int at;

    @Override
    public void setText(String newText) {
        text = newText;
        boundaries = boundariesOf(newText);
        at = 0;
    }

    @Override
    public void setText(CharacterIterator newText) {
        StringBuilder s = new StringBuilder(newText.getEndIndex() - newText.getBeginIndex());
        for (char c = newText.first(); c != CharacterIterator.DONE; c = newText.next()) {
            s.append(c);
        }
        setText(s.toString());
    }

    @Override
    public CharacterIterator getText() {
        return new StringCharacterIterator(text);
    }

    static int[] boundariesOf(String s) {
        int n = s.length();
        int[] found = new int[8];
        int count = 0;
        found[count++] = 0;
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            int end = -1;
            if (c == '\n' || c == '\r' || c == '\u2029') {
                end = i + 1;
            } else if (c == '.' || c == '!' || c == '?') {
                int j = i + 1;
                while (j < n && (isTerminator(s.charAt(j)) || isCloser(s.charAt(j)))) {
                    j++;
                }
                if (j < n && Character.isWhitespace(s.charAt(j))) {
                    end = j;
                }
            }
            if (end < 0) {
                i++;
                continue;
            }
            int next = end;
            while (next < n && Character.isWhitespace(s.charAt(next))) {
                next++;
            }
            boolean lineBreak = c == '\n' || c == '\r' || c == '\u2029';
            if (next < n && (lineBreak || !Character.isLowerCase(s.charAt(next)))) {
                if (count == found.length) {
                    found = Arrays.copyOf(found, count * 2);
                }
                found[count++] = next;
            }
            i = Math.max(next, i + 1);
        }
        if (n > 0) {
            if (count == found.length) {
                found = Arrays.copyOf(found, count + 1);
            }
            found[count++] = n;
        }
        return Arrays.copyOf(found, count);
    }

    private static boolean isTerminator(char c) {
        return c == '.' || c == '!' || c == '?';
    }

    private static boolean isCloser(char c) {
        return c == '"' || c == '\'' || c == ')' || c == ']' || c == '\u2019' || c == '\u201D' || c == '\u00BB' || c == '\u203A';
    }

    @Override
    public int first() {
        at = 0;
        return boundaries[at];
    }

    @Override
    public int last() {
        at = boundaries.length - 1;
        return boundaries[at];
    }

    @Override
    public int next(int steps) {
        return moveTo(at + steps);
    }

    /** Makes the boundary at this index the current one; past either end, stays at that end and answers DONE. */
    private int moveTo(int index) {
        if (index < 0 || index >= boundaries.length) {
            at = index < 0 ? 0 : boundaries.length - 1;
            return DONE;
        }
        at = index;
        return boundaries[at];
    }

    @Override
    public int next() {
        return next(1);
    }

    @Override
    public int previous() {
        return next(-1);
    }

    @Override
    public int following(int offset) {
        checkOffset(offset);
        int i = Arrays.binarySearch(boundaries, offset);
        return moveTo(i >= 0 ? i + 1 : -i - 1);
    }

    @Override
    public int preceding(int offset) {
        checkOffset(offset);
        int i = Arrays.binarySearch(boundaries, offset);
        return moveTo((i >= 0 ? i : -i - 1) - 1);
    }

    @Override
    public boolean isBoundary(int offset) {
        checkOffset(offset);
        int i = Arrays.binarySearch(boundaries, offset);
        if (i >= 0) {
            at = i;
            return true;
        }
        following(offset);
        return false;
    }

    @Override
    public int current() {
        return boundaries[at];
    }

    private void checkOffset(int offset) {
        if (offset < 0 || offset > text.length()) {
            throw new IllegalArgumentException("offset " + offset + " is outside the text (0.." + text.length() + ")");
        }
    }
}
