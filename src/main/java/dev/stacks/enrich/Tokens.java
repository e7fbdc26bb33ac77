package dev.stacks.enrich;

import java.util.Arrays;

/**
 * A text cut into words and punctuation, with the facts the finders ask about each token:
 * capitalisation, whether it starts a sentence, and whether it stands in a headline (an ALL-CAPS or
 * Title Case line, where capitals say nothing about names). Built once per article by {@link #of}.
 *
 * <p>Words keep inner hyphens ("Saxony-Anhalt"), inner apostrophes ("O'Neill") and dotted
 * abbreviations ("U.S."); a possessive "'s" is a token of its own so that "Mexico’s" yields "Mexico".
 */
final class Tokens {

    enum Kind { WORD, NUMBER, PUNCT, POSSESSIVE }

    // A word's shape is worked out once, when it is read: the finders ask about it many times per token.
    private static final byte CAPITALIZED = 1;
    private static final byte LOWER = 2;
    private static final byte ALL_CAPS = 4;

    final String text;
    private int size;
    private int[] start;
    private int[] end;
    private Kind[] kind;
    private boolean[] sentenceStart;
    private boolean[] headline;
    private boolean[] paragraphStart;
    /** The {@link #CAPITALIZED}, {@link #LOWER} and {@link #ALL_CAPS} bits of each word (0 for other tokens). */
    private byte[] shape;
    private String[] keys;
    private NameLexicon.Word[] lexiconWords;
    private java.util.Set<String> words;

    private Tokens(String text) {
        this.text = text;
        int cap = Math.max(8, text.length() / 4);
        start = new int[cap];
        end = new int[cap];
        kind = new Kind[cap];
        sentenceStart = new boolean[cap];
        headline = new boolean[cap];
        paragraphStart = new boolean[cap];
        shape = new byte[cap];
        keys = new String[cap];
    }

    int size() {
        return size;
    }

    int start(int i) {
        return start[i];
    }

    int end(int i) {
        return end[i];
    }

    Kind kind(int i) {
        return kind[i];
    }

    String text(int i) {
        return text.substring(start[i], end[i]);
    }

    /** The folded look-up key of token i (cached). */
    String key(int i) {
        String k = keys[i];
        if (k == null) {
            k = Fold.key(text, start[i], end[i]);
            keys[i] = k;
        }
        return k;
    }

    /** What the word lists of {@code lexicon} (the enricher's one) say about token i (cached). */
    NameLexicon.Word word(int i, NameLexicon lexicon) {
        if (lexiconWords == null) {
            lexiconWords = new NameLexicon.Word[size];
        }
        NameLexicon.Word w = lexiconWords[i];
        if (w == null) {
            w = lexicon.word(key(i));
            lexiconWords[i] = w;
        }
        return w;
    }

    /** The folded keys of tokens [from, to) joined by single spaces: the look-up key of a phrase. */
    String phraseKey(int from, int to) {
        if (to - from == 1) {
            return key(from);
        }
        StringBuilder b = new StringBuilder(24);
        for (int i = from; i < to; i++) {
            if (i > from) {
                b.append(' ');
            }
            b.append(key(i));
        }
        return b.toString();
    }

    /** Whether the folded word occurs anywhere in the text (built on first use). */
    boolean contains(String foldedWord) {
        if (words == null) {
            words = new java.util.HashSet<>(size);
            for (int i = 0; i < size; i++) {
                if (kind[i] == Kind.WORD) {
                    words.add(key(i));
                }
            }
        }
        return words.contains(foldedWord);
    }

    char first(int i) {
        return text.charAt(start[i]);
    }

    boolean isWord(int i) {
        return i >= 0 && i < size && kind[i] == Kind.WORD;
    }

    /** A word whose first letter is upper case ("Mexico", "U.S.", "OPEC"). */
    boolean isCapitalized(int i) {
        return hasShape(i, CAPITALIZED);
    }

    /** A word of two or more letters, all upper case ("OPEC", "U.S.", "CJNG"). */
    boolean isAllCaps(int i) {
        return hasShape(i, ALL_CAPS);
    }

    boolean isLower(int i) {
        return hasShape(i, LOWER);
    }

    /** Only words have shape bits, so no test of the kind is needed. */
    private boolean hasShape(int i, byte bit) {
        return i >= 0 && i < size && (shape[i] & bit) != 0;
    }

    /** The shape bits of the word text[s, e), which starts with a letter. */
    private static byte shapeOf(String text, int s, int e) {
        char first = text.charAt(s);
        if (Character.isLowerCase(first)) {
            return LOWER;
        }
        if (!Character.isUpperCase(first)) {
            return 0;
        }
        int letters = 0;
        for (int p = s; p < e; p++) {
            char c = text.charAt(p);
            if (Character.isLetter(c)) {
                if (!Character.isUpperCase(c)) {
                    return CAPITALIZED;
                }
                letters++;
            }
        }
        return letters >= 2 ? CAPITALIZED | ALL_CAPS : CAPITALIZED;
    }

    boolean isPunct(int i, char c) {
        return i >= 0 && i < size && kind[i] == Kind.PUNCT && text.charAt(start[i]) == c;
    }

    boolean sentenceStart(int i) {
        return sentenceStart[i];
    }

    boolean paragraphStart(int i) {
        return paragraphStart[i];
    }

    boolean headline(int i) {
        return headline[i];
    }

    /** True when tokens i-1 and i are separated by a line break. */
    boolean newlineBefore(int i) {
        if (i <= 0) {
            return true;
        }
        for (int p = end[i - 1]; p < start[i]; p++) {
            if (text.charAt(p) == '\n') {
                return true;
            }
        }
        return false;
    }

    /** Index of the first token starting at or after char offset {@code offset}. */
    int indexAt(int offset) {
        int i = Arrays.binarySearch(start, 0, size, offset);
        return i >= 0 ? i : -i - 1;
    }

    // ------------------------------------------------------------------ tokenizing

    /** Abbreviations after which a full stop does not end a sentence. */
    private static final java.util.Set<String> ABBREVIATIONS = java.util.Set.of(
            "mr", "mrs", "ms", "dr", "st", "jr", "sr", "gen", "sen", "rep", "gov", "lt", "col", "capt", "cmdr",
            "sgt", "prof", "rev", "inc", "corp", "co", "ltd", "no", "vs", "etc", "jan", "feb", "mar", "apr",
            "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mt", "ft", "pres", "adm", "maj", "messrs",
            "calif", "fla", "ill", "mass", "tex", "wash", "conn", "penn", "pa", "va", "md", "nev", "ariz");

    static Tokens of(String text) {
        Tokens t = new Tokens(text);
        int n = text.length();
        int i = 0;
        boolean newSentence = true;
        boolean newParagraph = true;
        int lineBreaks = 0;
        boolean indentAfterBreak = false;
        int lineStart = 0;
        int previousLineLength = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                if (c == '\n') {
                    previousLineLength = text.substring(lineStart, i).strip().length();
                    lineStart = i + 1;
                    lineBreaks++;
                    indentAfterBreak = false;
                    int j = i + 1;
                    while (j < n && (text.charAt(j) == ' ' || text.charAt(j) == '\t')) {
                        j++;
                    }
                    if (j - (i + 1) >= 2 || (j < n && j > i + 1 && text.charAt(i + 1) == '\t')) {
                        indentAfterBreak = true;
                    }
                }
                i++;
                continue;
            }
            // a blank line, an indented line, or a line after a short one (a heading) starts a paragraph
            if (lineBreaks >= 2 || (lineBreaks == 1 && (indentAfterBreak
                    || (previousLineLength < 50 && t.size > 0 && !t.isPunct(t.size - 1, ','))))) {
                newSentence = true;
                newParagraph = true;
            }
            lineBreaks = 0;
            indentAfterBreak = false;
            int s = i;
            Kind k;
            if (Character.isLetter(c)) {
                i = scanWord(text, i);
                k = Kind.WORD;
            } else if (Character.isDigit(c)) {
                i++;
                while (i < n && (Character.isDigit(text.charAt(i))
                        || ((text.charAt(i) == ',' || text.charAt(i) == '.' || text.charAt(i) == ':')
                        && i + 1 < n && Character.isDigit(text.charAt(i + 1))))) {
                    i++;
                }
                // "1990s", "59-year-old" stay one token
                while (i < n && (Character.isLetterOrDigit(text.charAt(i)) || (text.charAt(i) == '-'
                        && i + 1 < n && Character.isLetterOrDigit(text.charAt(i + 1))))) {
                    i++;
                }
                k = Kind.NUMBER;
            } else if ((c == '\'' || c == '\u2019') && i + 1 < n && (text.charAt(i + 1) == 's' || text.charAt(i + 1) == 'S')
                    && (i + 2 >= n || !Character.isLetter(text.charAt(i + 2))) && i > 0 && Character.isLetter(text.charAt(i - 1))) {
                i += 2;
                k = Kind.POSSESSIVE;
            } else {
                i++;
                k = Kind.PUNCT;
            }
            t.add(s, i, k, newSentence && k == Kind.WORD, newParagraph);
            if (k == Kind.WORD) {
                newSentence = false;
            }
            newParagraph = false;
            if (k == Kind.PUNCT && (c == '.' || c == '!' || c == '?' || c == ':' || c == ';')) {
                if (c == '.' && t.size >= 2 && t.kind[t.size - 2] == Kind.WORD) {
                    String prev = t.key(t.size - 2);
                    boolean initial = t.end[t.size - 2] - t.start[t.size - 2] == 1
                            && Character.isUpperCase(text.charAt(t.start[t.size - 2]));
                    if (ABBREVIATIONS.contains(prev) || initial) {
                        continue;
                    }
                }
                // a colon or semicolon does not start a sentence, but the next capital is not a name signal
                newSentence = c != ';';
            }
        }
        t.markHeadlines();
        return t;
    }

    private static int scanWord(String text, int i) {
        int n = text.length();
        int s = i;
        // dotted abbreviations: U.S., U.K., D.C., U.S.S.R.
        if (i + 1 < n && text.charAt(i + 1) == '.' && Character.isUpperCase(text.charAt(i))) {
            int j = i;
            int letters = 0;
            while (j + 1 < n && Character.isLetter(text.charAt(j)) && text.charAt(j + 1) == '.'
                    && (j + 2 >= n || !Character.isLetter(text.charAt(j + 2)) || (j + 3 < n && text.charAt(j + 3) == '.'))) {
                j += 2;
                letters++;
            }
            if (letters >= 2) {
                return j;
            }
        }
        i++;
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK) {
                i++;
            } else if ((c == '-' || c == '\u2010' || c == '\u2011') && i + 1 < n && Character.isLetterOrDigit(text.charAt(i + 1))) {
                i++;
            } else if ((c == '\'' || c == '\u2019') && i + 1 < n && Character.isLetter(text.charAt(i + 1))
                    && !((text.charAt(i + 1) == 's' || text.charAt(i + 1) == 'S')
                    && (i + 2 >= n || !Character.isLetter(text.charAt(i + 2))))
                    && i - s <= 2) {
                // O'Neill, D'Alema, N'Djamena; but not "don't" (handled as one word too) or possessives
                i++;
            } else if ((c == '\'' || c == '\u2019') && i + 1 < n && Character.isLetter(text.charAt(i + 1))
                    && Character.isLowerCase(text.charAt(i + 1)) && !(text.charAt(i + 1) == 's'
                    && (i + 2 >= n || !Character.isLetter(text.charAt(i + 2))))) {
                i++;
            } else {
                break;
            }
        }
        return i;
    }

    private void add(int s, int e, Kind k, boolean sentence, boolean paragraph) {
        if (size == start.length) {
            int cap = size * 2;
            start = Arrays.copyOf(start, cap);
            end = Arrays.copyOf(end, cap);
            kind = Arrays.copyOf(kind, cap);
            sentenceStart = Arrays.copyOf(sentenceStart, cap);
            headline = Arrays.copyOf(headline, cap);
            paragraphStart = Arrays.copyOf(paragraphStart, cap);
            shape = Arrays.copyOf(shape, cap);
            keys = Arrays.copyOf(keys, cap);
        }
        start[size] = s;
        end[size] = e;
        kind[size] = k;
        sentenceStart[size] = sentence;
        paragraphStart[size] = paragraph;
        shape[size] = k == Kind.WORD ? shapeOf(text, s, e) : 0;
        size++;
    }

    /**
     * Marks the tokens of lines that are ALL CAPS (Reuters titles) or Title Case with at least four
     * words, where capitals are typography rather than a sign of a name.
     */
    private void markHeadlines() {
        int i = 0;
        int previousLineEnd = -1; // char offset where the previous line's last token ends
        while (i < size) {
            int j = i + 1;
            while (j < size && !newlineBefore(j)) {
                j++;
            }
            int words = 0;
            int caps = 0;
            int allCaps = 0;
            int lowerFunction = 0;
            for (int p = i; p < j; p++) {
                if (kind[p] == Kind.WORD) {
                    words++;
                    if (isCapitalized(p)) {
                        caps++;
                    }
                    if (isAllCaps(p) || (end[p] - start[p] == 1 && Character.isUpperCase(first(p)))) {
                        allCaps++;
                    }
                    if (isLower(p)) {
                        lowerFunction++;
                    }
                }
            }
            boolean allCapsLine = words >= 2 && allCaps == words;
            if (byline(i, j)) {
                previousLineEnd = end[j - 1];
                i = j;
                continue; // "By Siobhán Ní Bhriain", "Compiled by Hannah Okafor": names, not a headline
            }
            // a Title Case line is a headline only when it stands alone, not a hard-wrapped line of prose
            boolean alone = blankBetween(previousLineEnd, start[i]) && (j >= size || blankBetween(end[j - 1], start[j]));
            boolean titleCase = alone && words >= 4 && caps >= words - 1 && lowerFunction <= 1 && !endsSentence(j - 1);
            if (allCapsLine || titleCase) {
                for (int p = i; p < j; p++) {
                    headline[p] = true;
                }
            }
            previousLineEnd = end[j - 1];
            i = j;
        }
    }

    /** A line [i, j) that opens with "By" or with a word and "by" ("Compiled by", "Reporting by"). */
    private boolean byline(int i, int j) {
        if (j - i > 24) {
            return false;
        }
        for (int p = i; p + 1 < j; p++) {
            if (kind[p] == Kind.WORD && foldsToBy(p) && isCapitalized(p + 1)
                    && (p == i || kind[p - 1] == Kind.PUNCT || p == i + 1 && isCapitalized(i) && !isAllCaps(i) && !isCapitalized(p))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether word p's key is "by", without folding every word of every short line: a key starts
     * with "b" only when the word starts with "b", "B" or a letter outside ASCII.
     */
    private boolean foldsToBy(int p) {
        char c = text.charAt(start[p]);
        return (c == 'b' || c == 'B' || c >= 0x80) && key(p).equals("by");
    }

    /** True when the text between two offsets holds a blank line (or from < 0: the start of the text). */
    private boolean blankBetween(int from, int to) {
        if (from < 0) {
            return true;
        }
        int breaks = 0;
        for (int p = from; p < to; p++) {
            if (text.charAt(p) == '\n') {
                breaks++;
            }
        }
        return breaks >= 2;
    }

    /** A word that can be part of a name: capitalised, or an Arabic article joined to one ("al-Sabah"). */
    boolean isNamePart(int i) {
        if (isCapitalized(i)) {
            return true;
        }
        if (!isWord(i)) {
            return false;
        }
        int s = start[i];
        int dash = -1;
        for (int p = s; p < Math.min(end[i], s + 5); p++) {
            if (text.charAt(p) == '-') {
                dash = p;
                break;
            }
        }
        if (dash < 0 || dash >= end[i] - 1 || dash - s > 3 || !Character.isUpperCase(text.charAt(dash + 1))) {
            return false;
        }
        String prefix = text.substring(s, dash);
        return prefix.equals("al") || prefix.equals("el") || prefix.equals("bin") || prefix.equals("abu") || prefix.equals("ibn");
    }

    private boolean endsSentence(int i) {
        return i >= 0 && kind[i] == Kind.PUNCT && ".!?".indexOf(text.charAt(start[i])) >= 0;
    }
}
