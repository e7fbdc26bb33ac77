package dev.stacks.search;

import dev.stacks.index.Fields;
import org.apache.lucene.queries.intervals.IntervalQuery;
import org.apache.lucene.queries.intervals.Intervals;
import org.apache.lucene.queries.intervals.IntervalsSource;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The fallback for a half-remembered quote: when a phrase (or a long run of plain words) finds
 * little, look for a short stretch of text holding all but one of its words, each allowed a typo.
 * So a quote with one word left out, one word too many or one word misspelt still finds its
 * article, without the user asking for fuzziness. Exact matches keep ranking first: the original
 * query is boosted far above this one.
 */
final class NearMatch {
    /** Only phrase-like queries: words, quotes and light punctuation; no operators or fields. */
    private static final Pattern PHRASE_LIKE = Pattern.compile("\"?[\\p{L}\\p{N}'’‘\\s.,;:!?-]+\"?");
    private static final int MIN_WORDS = 3;
    private static final int MAX_WORDS = 24;
    /** Widen only when the exact query found nothing: mixing near matches into found ones would blur the highlights. */
    static final int FEW_HITS = 1;
    private static final float EXACT_BOOST = 50f;

    private NearMatch() {
    }

    /** True when a query looks like a remembered quote rather than a structured search. */
    static boolean eligible(String normalizedQuery) {
        return PHRASE_LIKE.matcher(normalizedQuery).matches()
                && !normalizedQuery.contains(" AND ") && !normalizedQuery.contains(" OR ") && !normalizedQuery.contains(" NOT ");
    }

    /**
     * What to highlight for a widened query: its words, each allowed its typo. (Lucene 9.12's
     * matches for an interval query over fuzzy terms can fail inside the highlighter, so the
     * interval query itself is only used to find and rank.) Adjacent marks merge into one span.
     */
    static Query highlighting(List<String> terms) {
        BooleanQuery.Builder words = new BooleanQuery.Builder();
        for (String term : terms) {
            if (term.length() >= 4) {
                words.add(new org.apache.lucene.search.FuzzyQuery(new org.apache.lucene.index.Term(Fields.BODY, term), 1), BooleanClause.Occur.SHOULD);
            } else if (terms.size() <= 4) {
                words.add(new org.apache.lucene.search.TermQuery(new org.apache.lucene.index.Term(Fields.BODY, term)), BooleanClause.Occur.SHOULD);
            }
        }
        return words.build();
    }

    /** The exact query boosted, OR the near-match interval query; null when the words are too few or too many. */
    static Query widen(Query exact, List<String> terms) {
        if (terms.size() < MIN_WORDS || terms.size() > MAX_WORDS) {
            return null;
        }
        List<IntervalsSource> sources = new ArrayList<>(terms.size());
        for (String term : terms) {
            // short words must match exactly: a typo allowance on "of" would match half the language
            sources.add(term.length() >= 4 ? Intervals.fuzzyTerm(term, 1) : Intervals.term(term));
        }
        int need = Math.max(MIN_WORDS - 1, terms.size() - 1);
        IntervalsSource near = Intervals.maxwidth(terms.size() + 2, Intervals.atLeast(need, sources.toArray(IntervalsSource[]::new)));
        return new BooleanQuery.Builder()
                .add(new BoostQuery(exact, EXACT_BOOST), BooleanClause.Occur.SHOULD)
                .add(new IntervalQuery(Fields.BODY, near), BooleanClause.Occur.SHOULD)
                .build();
    }
}
