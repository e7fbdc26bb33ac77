package dev.stacks.search;

import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.WildcardQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

class OnePassSearchTest {

    @Test
    void a_query_of_words_matches_at_most_the_sum_of_its_words_documents() throws IOException {
        try (Directory dir = new ByteBuffersDirectory()) {
            try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(new WhitespaceAnalyzer()))) {
                for (int i = 0; i < 100; i++) {
                    Document doc = new Document();
                    doc.add(new TextField("body", (i % 2 == 0 ? "even " : "odd ") + (i % 10 == 0 ? "tenth" : ""), Field.Store.NO));
                    writer.addDocument(doc);
                    if (i == 49) {
                        writer.commit(); // two segments: the counts are summed over both
                    }
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                Query even = new TermQuery(new Term("body", "even"));
                Query tenth = new TermQuery(new Term("body", "tenth"));
                assertThat(OnePassSearch.matchesAtMost(searcher, even)).isEqualTo(50);
                assertThat(OnePassSearch.matchesAtMost(searcher, new PhraseQuery("body", "even", "tenth"))).isEqualTo(60);
                assertThat(OnePassSearch.matchesAtMost(searcher, new BooleanQuery.Builder()
                        .add(new BoostQuery(tenth, 2f), BooleanClause.Occur.SHOULD)
                        .add(new TermQuery(new Term("body", "odd")), BooleanClause.Occur.SHOULD)
                        .add(even, BooleanClause.Occur.MUST_NOT) // excluded: adds no match
                        .build())).isEqualTo(60);
                assertThat(OnePassSearch.matchesAtMost(searcher, new TermQuery(new Term("body", "absent")))).isZero();
                // not made of words: no bound
                assertThat(OnePassSearch.matchesAtMost(searcher, new MatchAllDocsQuery())).isEqualTo(Long.MAX_VALUE);
                assertThat(OnePassSearch.matchesAtMost(searcher, new WildcardQuery(new Term("body", "t*")))).isEqualTo(Long.MAX_VALUE);
                assertThat(OnePassSearch.matchesAtMost(searcher, new BooleanQuery.Builder()
                        .add(tenth, BooleanClause.Occur.MUST)
                        .add(new WildcardQuery(new Term("body", "e*")), BooleanClause.Occur.MUST)
                        .build())).isEqualTo(Long.MAX_VALUE);
            }
        }
    }
}
