package dev.stacks.index;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

class NearPairsTest {
    private static final String[] COMMON = {"the", "of", "said", "it", "a", "to", "and", "in", "is", "was"};
    private static final String[] RARE = {"company", "year", "oil", "prices", "bank", "rose", "fell", "market", "shares", "trade"};

    @Test
    void theBodyIsIndexedAsThePairsOfWordsWithinFourPositionsOneOfThemCommon() throws IOException {
        assertThat(pairs("The oil price rose sharply in Texas")).containsExactlyInAnyOrder(
                "oil|the", "price|the", "rose|the", "sharply|the", // "the" and the four words after it
                "in|oil", "in|price", "in|rose", "in|sharply", "in|texas"); // "oil" and "rose": neither is common
        assertThat(pairs("Oil prices rose sharply")).isEmpty(); // no common word, no pair
        assertThat(pairs("it said it")).containsExactlyInAnyOrder("it|said", "it|it", "it|said"); // a word twice is a pair too
        assertThat(pairs("Über-long antidisestablishmentarianism of a word")) // longer than the filter's first buffers
                .containsExactlyInAnyOrder("antidisestablishmentarianism|of", "long|of", "of|uber",
                        "a|of", "a|antidisestablishmentarianism", "a|long", "a|uber", "a|word", "of|word");
    }

    @Test
    void aBodyPhraseIsNarrowedByThePairsOfItsNeighboursThatMustStandNear() {
        Query exact = NearPairs.narrowed(new PhraseQuery(Fields.BODY, "the", "company", "said", "profits"));
        assertThat(exact.toString()).isEqualTo("+body:\"the company said profits\" #" + Fields.BODY_NEAR + ":company|the #"
                + Fields.BODY_NEAR + ":company|said #" + Fields.BODY_NEAR + ":profits|said");
        Query near = NearPairs.narrowed(new PhraseQuery(3, Fields.BODY, "the", "year", "and"));
        assertThat(near.toString()).isEqualTo("+body:\"the year and\"~3 #" + Fields.BODY_NEAR + ":the|year #" + Fields.BODY_NEAR + ":and|year");
        // slop 4: neighbours may stand five apart, beyond the pairs' reach
        PhraseQuery loose = new PhraseQuery(4, Fields.BODY, "the", "year");
        assertThat(NearPairs.narrowed(loose)).isSameAs(loose);
        PhraseQuery rare = new PhraseQuery(Fields.BODY, "oil", "prices");
        assertThat(NearPairs.narrowed(rare)).isSameAs(rare);
        PhraseQuery title = new PhraseQuery(Fields.TITLE, "of", "the");
        assertThat(NearPairs.narrowed(title)).isSameAs(title);
    }

    @Test
    void theRewriteNarrowsEachBodyPhraseOnceKeepingBoostsAndOtherClauses() {
        Query title = new BoostQuery(new PhraseQuery(Fields.TITLE, "of", "the"), 2f);
        Query user = new BooleanQuery.Builder().add(title, BooleanClause.Occur.SHOULD)
                .add(new PhraseQuery(Fields.BODY, "of", "the"), BooleanClause.Occur.SHOULD).build();
        Query once = NearPairs.narrowed(user);
        assertThat(once.toString()).isEqualTo("(title:\"of the\")^2.0 (+body:\"of the\" #" + Fields.BODY_NEAR + ":of|the)");
        assertThat(NearPairs.narrowed(once)).isEqualTo(once);
    }

    @Test
    void narrowedPhrasesFindAndScoreExactlyWhatLuceneFindsWithoutThePairs(@TempDir Path dir) throws IOException {
        Random random = new Random(42);
        List<String[]> bodies = new ArrayList<>();
        try (Directory directory = FSDirectory.open(dir);
             IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new ArchiveAnalyzer()).setMergePolicy(NoMergePolicy.INSTANCE))) {
            for (int i = 0; i < 3_000; i++) {
                String[] words = randomWords(random, 5 + random.nextInt(120));
                bodies.add(words);
                writer.addDocument(article(String.join(" ", words), true));
                if (i % 1_000 == 999) {
                    writer.commit(); // several segments
                }
            }
        }
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try (Directory directory = FSDirectory.open(dir); DirectoryReader reader = DirectoryReader.open(directory)) {
            ArchiveSearcher archive = new ArchiveSearcher(reader, threads, Integer.MAX_VALUE);
            IndexSearcher lucene = new IndexSearcher(reader);
            assertThat(archive.hasNearPairs()).isTrue();
            int narrowed = 0;
            int matching = 0;
            for (int q = 0; q < 400; q++) {
                String[] words = q % 3 == 0 ? randomWords(random, 2 + random.nextInt(3)) : slice(random, bodies.get(random.nextInt(bodies.size())));
                int slop = q % 4 == 0 ? 0 : random.nextInt(6); // up to 5: beyond 3 nothing is narrowed
                Query phrase = new PhraseQuery(slop, Fields.BODY, words);
                if (archive.rewrite(phrase).toString().contains(Fields.BODY_NEAR)) {
                    narrowed++;
                }
                int count = lucene.count(phrase);
                matching += count > 0 ? 1 : 0;
                assertThat(archive.count(phrase)).as("%s", phrase).isEqualTo(count);
                assertSameTopDocs(archive.search(phrase, 20), lucene.search(phrase, 20), phrase);
            }
            assertThat(narrowed).as("phrases narrowed by their pairs").isGreaterThan(200);
            assertThat(matching).as("phrases that match").isGreaterThan(200);
        } finally {
            threads.shutdown();
        }
    }

    @Test
    void anIndexWithSegmentsWrittenBeforeThePairsSearchesPhrasesWithoutThem(@TempDir Path dir) throws IOException {
        try (Directory directory = FSDirectory.open(dir);
             IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new ArchiveAnalyzer()).setMergePolicy(NoMergePolicy.INSTANCE))) {
            writer.addDocument(article("an old article: the company said it would", false));
            writer.commit();
            writer.addDocument(article("a new article: the company said it would not", true));
            writer.commit();
        }
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try (Directory directory = FSDirectory.open(dir); DirectoryReader reader = DirectoryReader.open(directory)) {
            ArchiveSearcher archive = new ArchiveSearcher(reader, threads, Integer.MAX_VALUE);
            Query phrase = new PhraseQuery(Fields.BODY, "the", "company", "said");
            assertThat(archive.hasNearPairs()).isFalse();
            assertThat(archive.rewrite(phrase)).isEqualTo(phrase);
            assertThat(archive.count(phrase)).isEqualTo(2); // the old article is still found
        } finally {
            threads.shutdown();
        }
    }

    private static Document article(String body, boolean withPairs) {
        Document doc = new Document();
        doc.add(new Field(Fields.BODY, body, DocumentMapper.TEXT_WITH_OFFSETS));
        if (withPairs) {
            doc.add(new Field(Fields.BODY_NEAR, body, DocumentMapper.NEAR_PAIRS));
        }
        return doc;
    }

    private static void assertSameTopDocs(TopDocs archive, TopDocs lucene, Query query) {
        assertThat(archive.totalHits.value).as("%s", query).isEqualTo(lucene.totalHits.value);
        assertThat(Arrays.stream(archive.scoreDocs).map(NearPairsTest::hit).toList()).as("%s", query)
                .isEqualTo(Arrays.stream(lucene.scoreDocs).map(NearPairsTest::hit).toList());
    }

    private static String hit(ScoreDoc d) {
        return d.doc + ":" + Float.floatToIntBits(d.score); // scores bit for bit
    }

    /** Mostly common words, as in news text, so that phrases of common words are frequent. */
    private static String[] randomWords(Random random, int n) {
        String[] words = new String[n];
        for (int i = 0; i < n; i++) {
            words[i] = random.nextInt(10) < 6 ? COMMON[random.nextInt(COMMON.length)] : RARE[random.nextInt(RARE.length)];
        }
        return words;
    }

    /** A few words of a body, maybe with one left out (a near-phrase's gap). */
    private static String[] slice(Random random, String[] words) {
        int length = Math.min(words.length, 2 + random.nextInt(5));
        int from = random.nextInt(words.length - length + 1);
        String[] slice = Arrays.copyOfRange(words, from, from + length);
        if (slice.length > 2 && random.nextBoolean()) {
            int gap = 1 + random.nextInt(slice.length - 2);
            List<String> shorter = new ArrayList<>(Arrays.asList(slice));
            shorter.remove(gap);
            return shorter.toArray(String[]::new);
        }
        return slice;
    }

    private static List<String> pairs(String text) throws IOException {
        List<String> pairs = new ArrayList<>();
        try (TokenStream ts = new ArchiveAnalyzer().tokenStream(Fields.BODY_NEAR, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                pairs.add(term.toString());
            }
            ts.end();
        }
        return pairs;
    }
}
