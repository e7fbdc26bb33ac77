package dev.stacks.search;

import dev.stacks.index.ArchiveIndex;
import dev.stacks.index.Fields;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our highlighter finds every hit's matches with one Weight for the page; Lucene's own strategy
 * builds one per hit. The snippets must not differ, whatever the query.
 */
class HighlighterTest {
    @TempDir
    static java.nio.file.Path dir;
    static ArchiveIndex index;

    @BeforeAll
    static void fill() throws IOException {
        index = ArchiveIndex.open(dir.resolve("index"));
        String[] bodies = {
                "The harbour strike ended on Monday. Dock workers returned after nine days. \"We won,\" said the union leader. "
                        + "The port authority said ships would sail again. Harbours elsewhere were calm.",
                "A hidden ledger of the harbour company was found. The inspector said the ledger showed bribes. "
                        + "Nobody at the company answered. ".repeat(20) + "In the end the hidden ledger went to the court.",
                "Growers in Huila said the rains came late. Coffee prices rose. The harvest was the smallest in a decade.",
                "Oil prices fell as OPEC met in Vienna. Crude oil for May delivery lost a dollar. Traders said oil stocks were high.",
                "Mexico's military killed the cartel leader. \u201CThe good guys are stronger than the bad guys,\u201D said Christopher Landau.",
        };
        for (int i = 0; i < bodies.length; i++) {
            index.upsert(ArchiveSearchTest.article("h" + i, "Story " + i + (i == 0 ? " about the harbour" : ""), "1987-03-0" + (i + 1),
                    bodies[i], List.of(), List.of(), List.of()));
        }
        index.commit();
    }

    @AfterAll
    static void close() throws IOException {
        index.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"harbour", "\"hidden ledger\"", "harb*", "harbor~", "ledger AND court", "coffee OR oil",
            "oil prices", "\"good guys\"~2", "title:harbour", "body:ledger -union", "\"the good guys are stronger\"", "nothing",
            "title:harbour AND strike", "harbour -title:court", "(title:harbour OR ledger) AND workers", "+title:story +\"hidden ledger\""})
    void snippetsAreThoseOfLucenesOwnStrategy(String q) {
        UserQueryParser parser = new UserQueryParser();
        Query query = parser.parseForHighlighting(q);
        index.search(searcher -> {
            try {
                // the hits, as a search highlights them (every article for a query that finds none)
                TopDocs all = searcher.search(ArchiveSearch.articles(parser.parse(q)), 10);
                if (all.scoreDocs.length == 0) {
                    all = searcher.search(ArchiveSearch.articles(new org.apache.lucene.search.MatchAllDocsQuery()), 10);
                }
                Highlighter highlighter = new Highlighter();
                Snippet[] ours = highlighter.highlight(searcher, query, all, Set.of(Fields.ID)).snippets();
                int[] docIds = Arrays.stream(all.scoreDocs).mapToInt(sd -> sd.doc).toArray();
                String[] lucene = new UnifiedHighlighter(highlighter.configured(searcher))
                        .highlightFields(new String[] {Fields.BODY}, query, docIds, new int[] {2}).get(Fields.BODY);

                assertThat(Arrays.stream(ours).map(s -> s == Snippet.EMPTY ? null : s.toString()).toList())
                        .isEqualTo(Arrays.asList(lucene));
                if (!q.equals("nothing") && !q.startsWith("title:")) { // a title match marks nothing in the body
                    assertThat(Arrays.stream(ours).anyMatch(s -> !s.matches().isEmpty())).as("some hit has a match for %s", q).isTrue();
                }
                return null;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Test
    void titleOnlyPartsOfAHighlightQueryMarkNothingAndProhibitedOnesStay() {
        Query q = new UserQueryParser().parseForHighlighting("harbour -title:court");
        String rewritten = Highlighter.bodyOnly(q).toString();
        assertThat(rewritten).contains("body:harbour").contains("-title:court").doesNotContain("title:harbour");
        assertThat(Highlighter.bodyOnly(new UserQueryParser().parseForHighlighting("title:harbour")))
                .isInstanceOf(org.apache.lucene.search.MatchAllDocsQuery.class);
    }
}
