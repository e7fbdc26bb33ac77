package dev.stacks.search;

import dev.stacks.index.ArchiveIndex;
import dev.stacks.index.Fields;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSelector;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Searches the quotations extracted from articles (each indexed as its own small document),
 * by their words and their speaker. Plain words search the quote text; {@code speaker:} works too.
 */
public final class QuoteSearch {
    private final ArchiveIndex index;
    private final UserQueryParser parser = new UserQueryParser();

    public QuoteSearch(ArchiveIndex index) {
        this.index = index;
    }

    public QuoteResult search(QuoteRequest request) {
        long start = System.nanoTime();
        Query query = query(request);
        Sort sort = switch (request.sort()) {
            case RELEVANCE -> Sort.RELEVANCE;
            case DATE_ASC -> new Sort(dateSort(false), SortField.FIELD_DOC);
            case DATE_DESC -> new Sort(dateSort(true), SortField.FIELD_DOC);
        };
        return index.search(searcher -> {
            try {
                int want = request.page() * request.size();
                TopDocs top = searcher.search(query, want, sort, request.sort() == SortOrder.RELEVANCE);
                long total = searcher.count(query);
                StoredFields stored = searcher.storedFields();
                List<QuoteHit> hits = new ArrayList<>();
                for (int i = (request.page() - 1) * request.size(); i < top.scoreDocs.length; i++) {
                    ScoreDoc sd = top.scoreDocs[i];
                    Document d = stored.document(sd.doc);
                    hits.add(new QuoteHit(d.get(Fields.QUOTE), d.get(Fields.SPEAKER_EXACT), d.get(Fields.GROUP),
                            d.get(Fields.QUOTE_TITLE), d.get(Fields.DATE_ISO),
                            d.getField(Fields.QUOTE_START).numericValue().intValue(),
                            d.getField(Fields.QUOTE_END).numericValue().intValue(),
                            request.sort() == SortOrder.RELEVANCE ? sd.score : null));
                }
                return new QuoteResult(total, (System.nanoTime() - start) / 1_000_000, hits);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private Query query(QuoteRequest request) {
        BooleanQuery.Builder q = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(Fields.KIND, Fields.KIND_QUOTE)), BooleanClause.Occur.FILTER);
        Query words = quoteWords(request.q());
        q.add(words, words instanceof MatchAllDocsQuery ? BooleanClause.Occur.FILTER : BooleanClause.Occur.MUST);
        if (request.speaker() != null) {
            q.add(new TermQuery(new Term(Fields.SPEAKER_EXACT, request.speaker())), BooleanClause.Occur.FILTER);
        }
        Long from = DateBounds.lower("from", request.from());
        Long to = DateBounds.upper("to", request.to());
        if (from != null || to != null) {
            q.add(LongField.newRangeQuery(Fields.DATE, from == null ? Long.MIN_VALUE : from, to == null ? Long.MAX_VALUE : to),
                    BooleanClause.Occur.FILTER);
        }
        return q.build();
    }

    /** The query language, with unfielded words looking in the quote text rather than title and body. */
    private Query quoteWords(String q) {
        String text = UserQueryParser.normalize(q);
        if (text.isEmpty() || text.equals("*")) {
            return new MatchAllDocsQuery();
        }
        return parser.parseIn(Fields.QUOTE, text);
    }

    private static SortField dateSort(boolean newestFirst) {
        SortField field = LongField.newSortField(Fields.DATE, newestFirst, SortedNumericSelector.Type.MIN);
        field.setMissingValue(newestFirst ? Long.MIN_VALUE : Long.MAX_VALUE);
        return field;
    }
}
