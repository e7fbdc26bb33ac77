package dev.stacks.search;

import dev.stacks.index.ArchiveIndex;
import dev.stacks.index.Fields;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldDocs;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Walks a whole result set, page by page with searchAfter on one searcher (so the set does not
 * change under the walk): for exports, the concordance, and "more like this".
 */
public final class ResultWalker {
    private static final int PAGE = 500;
    private static final Set<String> ROW_FIELDS = Set.of(Fields.ID, Fields.TITLE, Fields.DATE_ISO, Fields.ACTOR_TYPED,
            Fields.LOCATION_PATH, Fields.SOURCE_NAME, Fields.FORMAT, Fields.CONTENT_TYPE);

    private final ArchiveIndex index;
    private final UserQueryParser parser = new UserQueryParser();

    public ResultWalker(ArchiveIndex index) {
        this.index = index;
    }

    /** Every hit of the request's query and filters, in its sort order, up to {@code limit}; returns how many. */
    public long export(SearchRequest request, long limit, Consumer<ExportRow> sink) {
        Query query = query(request);
        Sort sort = ArchiveSearch.sortFor(request.sort());
        return index.search(searcher -> {
            try {
                long n = 0;
                FieldDoc after = null;
                StoredFields stored = searcher.storedFields();
                while (n < limit) {
                    TopFieldDocs page = searcher.searchAfter(after, query, (int) Math.min(PAGE, limit - n), sort, false);
                    if (page.scoreDocs.length == 0) {
                        break;
                    }
                    for (ScoreDoc sd : page.scoreDocs) {
                        Document d = stored.document(sd.doc, ROW_FIELDS);
                        sink.accept(new ExportRow(d.get(Fields.ID), d.get(Fields.TITLE), d.get(Fields.DATE_ISO),
                                ArchiveSearch.actors(d), ArchiveSearch.locations(d), d.get(Fields.SOURCE_NAME),
                                d.get(Fields.FORMAT), d.get(Fields.CONTENT_TYPE)));
                        n++;
                    }
                    after = (FieldDoc) page.scoreDocs[page.scoreDocs.length - 1];
                }
                return n;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * Every occurrence of the query in the bodies of the result set's first {@code maxDocs} documents,
     * with {@code context} characters each side, up to {@code maxLines}.
     */
    public List<ConcordanceLine> concordance(SearchRequest request, int maxDocs, int maxLines, int context) {
        Query query = query(request);
        Query words = parser.parseForHighlighting(request.q());
        return index.search(searcher -> {
            try {
                List<ConcordanceLine> lines = new ArrayList<>();
                TopDocs top = searcher.search(query, maxDocs, ArchiveSearch.sortFor(request.sort()), false);
                StoredFields stored = searcher.storedFields();
                for (ScoreDoc sd : top.scoreDocs) {
                    Document d = stored.document(sd.doc, Set.of(Fields.ID, Fields.TITLE, Fields.DATE_ISO, Fields.BODY));
                    String body = d.get(Fields.BODY);
                    for (Match m : MatchFinder.matches(searcher, words, sd.doc, Fields.BODY, body)) {
                        lines.add(new ConcordanceLine(d.get(Fields.ID), d.get(Fields.TITLE), d.get(Fields.DATE_ISO),
                                oneLine(body.substring(Math.max(0, m.start() - context), m.start())),
                                oneLine(body.substring(m.start(), m.end())),
                                oneLine(body.substring(m.end(), Math.min(body.length(), m.end() + context))),
                                m.start(), m.end()));
                        if (lines.size() >= maxLines) {
                            return lines;
                        }
                    }
                }
                return lines;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Documents most like the given one, by the distinctive words of its title and text. */
    public List<ExportRow> moreLikeThis(String id, int size) {
        return index.search(searcher -> {
            try {
                TopDocs self = searcher.search(new TermQuery(new Term(Fields.ID, id)), 1);
                if (self.scoreDocs.length == 0) {
                    return List.of();
                }
                Document d = searcher.storedFields().document(self.scoreDocs[0].doc, Set.of(Fields.TITLE, Fields.BODY));
                MoreLikeThis mlt = new MoreLikeThis(searcher.getIndexReader());
                mlt.setAnalyzer(parser.analyzer());
                mlt.setFieldNames(new String[] {Fields.TITLE, Fields.BODY});
                mlt.setMinTermFreq(1);
                mlt.setMinDocFreq(2);
                mlt.setMaxQueryTerms(30);
                String text = d.get(Fields.TITLE) + "\n" + d.get(Fields.BODY);
                Query like = mlt.like(Fields.BODY, new StringReader(text.length() > 20_000 ? text.substring(0, 20_000) : text));
                Query query = new BooleanQuery.Builder()
                        .add(like, BooleanClause.Occur.MUST)
                        .add(new TermQuery(new Term(Fields.KIND, Fields.KIND_ARTICLE)), BooleanClause.Occur.FILTER)
                        .add(new TermQuery(new Term(Fields.ID, id)), BooleanClause.Occur.MUST_NOT)
                        .build();
                List<ExportRow> rows = new ArrayList<>();
                StoredFields stored = searcher.storedFields();
                for (ScoreDoc sd : searcher.search(query, size).scoreDocs) {
                    Document r = stored.document(sd.doc, ROW_FIELDS);
                    rows.add(new ExportRow(r.get(Fields.ID), r.get(Fields.TITLE), r.get(Fields.DATE_ISO), ArchiveSearch.actors(r),
                            ArchiveSearch.locations(r), r.get(Fields.SOURCE_NAME), r.get(Fields.FORMAT), r.get(Fields.CONTENT_TYPE)));
                }
                return rows;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private Query query(SearchRequest request) {
        return ArchiveSearch.withFilters(ArchiveSearch.articles(parser.parse(request.q())), ArchiveSearch.filters(request), null);
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s+", " ");
    }

}
