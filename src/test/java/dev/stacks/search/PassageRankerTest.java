package dev.stacks.search;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class PassageRankerTest {
    private static final String[] WORDS = {"oil", "prices", "opec", "crude", "oil", "barrel"};

    @Test
    void scoresEveryPassageExactlyAsLucenesScorerDoes() {
        Random random = new Random(7);
        PassageScorer lucene = new PassageScorer();
        PassageRanker ours = new PassageRanker();
        for (int trial = 0; trial < 5_000; trial++) {
            Passage passage = new Passage();
            int start = random.nextInt(50_000);
            passage.setStartOffset(start);
            passage.setEndOffset(start + 400 + random.nextInt(200)); // before the matches: they must fall inside
            int matches = random.nextInt(12);
            int at = start;
            for (int m = 0; m < matches; m++) {
                at += 1 + random.nextInt(30);
                BytesRef term = new BytesRef(WORDS[random.nextInt(WORDS.length)] + (random.nextInt(4) == 0 ? "s" : ""));
                passage.addMatch(at, at + term.length, term, 1 + random.nextInt(9));
            }
            int contentLength = passage.getEndOffset() + random.nextInt(100_000);

            assertThat(ours.score(passage, contentLength)).isEqualTo(lucene.score(passage, contentLength));
        }
    }

    @Test
    void aTermRepeatedInAPassageCountsOnceWithItsFrequency() {
        Passage twice = new Passage();
        twice.setStartOffset(0);
        twice.setEndOffset(100);
        twice.addMatch(0, 3, new BytesRef("oil"), 4);
        twice.addMatch(10, 13, new BytesRef("oil"), 4);
        Passage once = new Passage();
        once.setStartOffset(0);
        once.setEndOffset(100);
        once.addMatch(0, 3, new BytesRef("oil"), 4);

        PassageRanker ranker = new PassageRanker();
        assertThat(ranker.score(twice, 1_000)).isGreaterThan(ranker.score(once, 1_000));
        assertThat(ranker.score(twice, 1_000)).isEqualTo(new PassageScorer().score(twice, 1_000));
    }
}
