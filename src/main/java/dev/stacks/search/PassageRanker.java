package dev.stacks.search;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;

/**
 * Lucene's passage score (BM25 over the passage's matched terms, times a boost for passages near
 * the start), computed without Lucene's per-passage {@code BytesRefHash}: that hash allocates a
 * 32 KB block for every candidate passage of every hit, which made highlighting the largest source
 * of garbage per query. A passage holds a handful of matches, so a linear scan finds each
 * distinct term; terms are summed in order of first appearance, as Lucene does, so the scores
 * (and the passages chosen) are the same.
 */
final class PassageRanker extends PassageScorer {

    @Override
    public float score(Passage passage, int contentLength) {
        int matches = passage.getNumMatches();
        BytesRef[] terms = passage.getMatchTerms();
        int[] freqsInDoc = passage.getMatchTermFreqsInDoc();
        BytesRef[] distinct = new BytesRef[matches];
        int[] freqInPassage = new int[matches];
        int[] freqInDoc = new int[matches];
        int size = 0;
        for (int i = 0; i < matches; i++) {
            int at = indexOf(distinct, size, terms[i]);
            if (at < 0) {
                at = size++;
                distinct[at] = terms[i];
                freqInDoc[at] = freqsInDoc[i];
            }
            freqInPassage[at]++;
        }
        double score = 0d;
        for (int i = 0; i < size; i++) {
            score += tf(freqInPassage[i], passage.getLength()) * weight(contentLength, freqInDoc[i]);
        }
        score *= norm(passage.getStartOffset());
        return (float) score;
    }

    private static int indexOf(BytesRef[] terms, int size, BytesRef term) {
        for (int i = 0; i < size; i++) {
            if (terms[i].bytesEquals(term)) {
                return i;
            }
        }
        return -1;
    }
}
