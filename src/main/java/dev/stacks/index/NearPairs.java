package dev.stacks.index;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * The pairs of words that stand within {@link #WITHIN} positions of each other in a body, where
 * one of the two is a common word ("the|year", "it|said"), indexed as plain terms of a field of their
 * own ({@link Fields#BODY_NEAR}: documents only, no positions). A phrase of common words
 * ({@code "the year and"~3}, {@code "the company said"}) is then checked only in the articles that
 * have each pair of its neighbouring words close enough, not in the hundreds of thousands that have
 * its words anywhere: its positions are the costly part of a search, and more so when a filtered
 * dimension's sideways counts need it checked in every article.
 *
 * <p>The pairs are a necessary condition, never a change of meaning: in a match of a phrase with
 * slop {@code s}, two neighbouring words {@code g} positions apart in the phrase stand at most
 * {@code s + g} positions apart in the text (Lucene's sloppy match bounds the spread of every
 * word's position less its place in the phrase). So a pair is only asked for when
 * {@code s + g <= WITHIN}; the body phrase still decides and scores, and highlights come from it.
 */
public final class NearPairs {
    /** How far apart two words may stand and still be a pair: a phrase with slop up to 3 is narrowed. */
    static final int WITHIN = 4;

    /**
     * The words that make a phrase slow: in most articles, many times each. English function words
     * and a news story's "said". Changing this list or {@link #WITHIN} changes what the field holds:
     * rename the field ({@link Fields#BODY_NEAR}'s version) so that older segments are searched without it.
     */
    static final CharArraySet COMMON = new CharArraySet(List.of(
            "a", "about", "after", "all", "also", "an", "and", "any", "are", "as", "at", "be", "been", "before",
            "between", "but", "by", "can", "could", "did", "do", "does", "for", "from", "had", "has", "have",
            "he", "her", "his", "i", "if", "in", "into", "is", "it", "its", "more", "no", "not", "of", "on",
            "one", "or", "our", "over", "said", "say", "says", "she", "should", "so", "some", "such", "than",
            "that", "the", "their", "them", "then", "there", "these", "they", "this", "those", "to", "told",
            "under", "up", "was", "we", "were", "what", "when", "which", "who", "will", "with", "would", "you"), false);

    private NearPairs() {
    }

    /** The term of two words standing near each other, in either order. */
    static String pair(String a, String b) {
        return a.compareTo(b) <= 0 ? a + '|' + b : b + '|' + a;
    }

    /**
     * The query with each body phrase that has near pairs narrowed by them:
     * {@code body:"the year and"~3} becomes {@code +body:"the year and"~3 #body_near:the|year #body_near:and|year}.
     * Anything else is left as it is.
     */
    public static Query narrowed(Query query) {
        if (query instanceof PhraseQuery phrase) {
            BooleanQuery.Builder narrowed = new BooleanQuery.Builder().add(phrase, BooleanClause.Occur.MUST);
            return addPairs(phrase, narrowed) ? narrowed.build() : phrase;
        }
        if (query instanceof BoostQuery boost) {
            Query inner = narrowed(boost.getQuery());
            return inner == boost.getQuery() ? boost : new BoostQuery(inner, boost.getBoost());
        }
        if (query instanceof ConstantScoreQuery constant) {
            Query inner = narrowed(constant.getQuery());
            return inner == constant.getQuery() ? constant : new ConstantScoreQuery(inner);
        }
        if (query instanceof BooleanQuery bool && !isNarrowed(bool)) {
            BooleanQuery.Builder rebuilt = new BooleanQuery.Builder().setMinimumNumberShouldMatch(bool.getMinimumNumberShouldMatch());
            boolean changed = false;
            for (BooleanClause clause : bool) {
                Query inner = narrowed(clause.getQuery());
                changed |= inner != clause.getQuery();
                rebuilt.add(inner, clause.getOccur());
            }
            return changed ? rebuilt.build() : bool;
        }
        return query;
    }

    /** Adds a filter per pair of the phrase's neighbouring words that must stand near each other; whether there was one. */
    private static boolean addPairs(PhraseQuery phrase, BooleanQuery.Builder narrowed) {
        Term[] terms = phrase.getTerms();
        int[] positions = phrase.getPositions();
        if (terms.length < 2 || !terms[0].field().equals(Fields.BODY)) {
            return false;
        }
        boolean any = false;
        for (int i = 0; i + 1 < terms.length; i++) {
            String word = terms[i].text();
            String next = terms[i + 1].text();
            int apart = positions[i + 1] - positions[i];
            if (apart > 0 && phrase.getSlop() + apart <= WITHIN && (COMMON.contains(word) || COMMON.contains(next))) {
                narrowed.add(new TermQuery(new Term(Fields.BODY_NEAR, pair(word, next))), BooleanClause.Occur.FILTER);
                any = true;
            }
        }
        return any;
    }

    /** Whether a query already has its pairs (a rewritten query rewritten again). */
    private static boolean isNarrowed(BooleanQuery bool) {
        for (BooleanClause clause : bool) {
            if (clause.getOccur() == BooleanClause.Occur.FILTER && clause.getQuery() instanceof TermQuery t
                    && t.getTerm().field().equals(Fields.BODY_NEAR)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Turns a stream of words into the near pairs among them (each pair as often as it occurs; the
     * field keeps documents only). Written for ingest speed: the last words are kept in reused char
     * arrays and each pair is written straight into the term, with no string per word or pair.
     */
    static final class PairFilter extends TokenFilter {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        /** The current word and the {@link #WITHIN} before it, in a ring. */
        private final char[][] words = new char[WITHIN + 1][16];
        private final int[] lengths = new int[WITHIN + 1];
        private final boolean[] common = new boolean[WITHIN + 1];
        private int seen;     // words read so far
        private int current;  // the ring slot of the last word read
        private int partner;  // how far back the next pair's other word is (1 to WITHIN); past that, read a word

        PairFilter(TokenStream words) {
            super(words);
        }

        @Override
        public boolean incrementToken() throws IOException {
            while (true) {
                while (partner > 0 && partner <= Math.min(WITHIN, seen - 1)) {
                    int other = (current - partner + words.length) % words.length;
                    partner++;
                    if (common[current] || common[other]) {
                        writePair(current, other);
                        return true;
                    }
                }
                if (!input.incrementToken()) {
                    return false;
                }
                current = seen % words.length;
                seen++;
                int length = term.length();
                if (words[current].length < length) {
                    words[current] = new char[length];
                }
                System.arraycopy(term.buffer(), 0, words[current], 0, length);
                lengths[current] = length;
                common[current] = COMMON.contains(term.buffer(), 0, length);
                partner = 1;
            }
        }

        /** Writes the pair of two ring slots as its term: the two words in order, joined by '|' (as {@link #pair}). */
        private void writePair(int a, int b) {
            if (Arrays.compare(words[a], 0, lengths[a], words[b], 0, lengths[b]) > 0) {
                int swap = a;
                a = b;
                b = swap;
            }
            clearAttributes();
            char[] buffer = term.resizeBuffer(lengths[a] + 1 + lengths[b]);
            System.arraycopy(words[a], 0, buffer, 0, lengths[a]);
            buffer[lengths[a]] = '|';
            System.arraycopy(words[b], 0, buffer, lengths[a] + 1, lengths[b]);
            term.setLength(lengths[a] + 1 + lengths[b]);
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            seen = 0;
            current = 0;
            partner = 0;
        }
    }
}
