package dev.stacks.search;

import dev.stacks.index.ArchiveAnalyzer;
import dev.stacks.index.Fields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.Locale;
import java.util.Map;

/**
 * Snippets for hits, from the offsets stored in the body's postings (no re-analysis). Weight
 * matches make a phrase one mark, not one per word; the whole body is searched for passages,
 * however long, so matches deep in a long document are found and shown.
 */
final class Highlighter {
    private static final int PASSAGES_PER_HIT = 2;

    private final ArchiveAnalyzer analyzer = new ArchiveAnalyzer();

    Snippet[] snippets(IndexSearcher searcher, Query query, TopDocs topDocs) throws IOException {
        if (topDocs.scoreDocs.length == 0) {
            return new Snippet[0];
        }
        ObjectHighlighter highlighter = new ObjectHighlighter(UnifiedHighlighter.builder(searcher, analyzer)
                .withWeightMatches(true)
                .withMaxLength(Integer.MAX_VALUE - 1)
                .withMaxNoHighlightPassages(1)
                .withBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(
                        BreakIterator.getSentenceInstance(Locale.ROOT), 160, 0.5f))
                .withFormatter(new SnippetFormatter()));
        Map<String, Object[]> fields = highlighter.objects(
                new String[] {Fields.BODY}, query, docIds(topDocs), new int[] {PASSAGES_PER_HIT});
        Object[] body = fields.get(Fields.BODY);
        Snippet[] out = new Snippet[body.length];
        for (int i = 0; i < body.length; i++) {
            out[i] = body[i] instanceof Snippet s ? s : Snippet.EMPTY;
        }
        return out;
    }

    /** Exposes the highlighter's formatter objects (our {@link Snippet}s) rather than strings. */
    private static final class ObjectHighlighter extends UnifiedHighlighter {
        ObjectHighlighter(Builder builder) {
            super(builder);
        }

        Map<String, Object[]> objects(String[] fields, Query query, int[] docIds, int[] maxPassages) throws IOException {
            return highlightFieldsAsObjects(fields, query, docIds, maxPassages);
        }
    }

    private static int[] docIds(TopDocs topDocs) {
        int[] ids = new int[topDocs.scoreDocs.length];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = topDocs.scoreDocs[i].doc;
        }
        return ids;
    }
}
