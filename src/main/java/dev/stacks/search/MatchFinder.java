package dev.stacks.search;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Every place a query matches in one field of one document, from the offsets in the postings
 * (Lucene's Matches API): a phrase is one match; the whole document is covered however long.
 */
final class MatchFinder {
    private MatchFinder() {
    }

    /** @param text the field's stored text, which the caller has already read (to merge adjacent matches) */
    static List<Match> matches(IndexSearcher searcher, Query query, int doc, String field, String text) throws IOException {
        Query rewritten = searcher.rewrite(query);
        Weight weight = searcher.createWeight(rewritten, ScoreMode.COMPLETE_NO_SCORES, 1);
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        Matches matches = weight.matches(leaf, doc - leaf.docBase);
        if (matches == null) {
            return List.of();
        }
        MatchesIterator it = matches.getMatches(field);
        if (it == null) {
            return List.of();
        }
        List<Match> out = new ArrayList<>();
        while (it.next()) {
            if (it.startOffset() >= 0) {
                out.add(new Match(it.startOffset(), it.endOffset()));
            }
        }
        out.sort(Comparator.comparingInt(Match::start).thenComparingInt(Match::end));
        return MatchMerger.merge(text == null ? "" : text, out);
    }
}
