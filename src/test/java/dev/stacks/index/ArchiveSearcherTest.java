package dev.stacks.index;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

class ArchiveSearcherTest {

    @Test
    void aLargeIndexIsSearchedInOneSliceOfSegmentsPerCoreAndASmallOneInOne() throws IOException {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try (Directory dir = new ByteBuffersDirectory()) {
            try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig().setMergePolicy(NoMergePolicy.INSTANCE))) {
                for (int segment = 0; segment < 5; segment++) {
                    for (int i = 0; i < 10 + segment; i++) {
                        Document doc = new Document();
                        doc.add(new StringField("kind", i % 2 == 0 ? "even" : "odd", Field.Store.NO));
                        writer.addDocument(doc);
                    }
                    writer.commit(); // one segment each
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                assertThat(reader.leaves()).hasSize(5);
                int cores = Runtime.getRuntime().availableProcessors();

                ArchiveSearcher large = new ArchiveSearcher(reader, threads, 20);
                IndexSearcher.LeafSlice[] slices = large.getSlices();
                assertThat(slices).hasSize(Math.min(cores, 5));
                Set<LeafReaderContext> covered = new HashSet<>();
                Arrays.stream(slices).forEach(s -> covered.addAll(Arrays.asList(s.leaves)));
                assertThat(covered).containsExactlyInAnyOrderElementsOf(reader.leaves());

                ArchiveSearcher small = new ArchiveSearcher(reader, threads, 1_000);
                assertThat(small.getSlices()).hasSize(1);
                // a costly query may still ask a small index for one share of its documents per core
                assertThat(small.sharesPerCore()).hasSize(Math.min(cores, reader.maxDoc()));

                TermQuery even = new TermQuery(new Term("kind", "even"));
                assertThat(large.count(even)).isEqualTo(small.count(even)).isEqualTo(new IndexSearcher(reader).count(even));
            }
        } finally {
            threads.shutdown();
        }
    }

    @Test
    void sharesPerCoreCutSegmentsSoThatEveryCoreGetsAsManyDocuments() throws IOException {
        try (Directory dir = new ByteBuffersDirectory()) {
            try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig().setMergePolicy(NoMergePolicy.INSTANCE))) {
                for (int size : new int[] {70, 5, 20, 6}) { // one large segment, as after a merge, and small ones
                    for (int i = 0; i < size; i++) {
                        writer.addDocument(new Document());
                    }
                    writer.commit();
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                for (int cores = 1; cores <= 4; cores++) {
                    List<List<LeafRange>> shares = ArchiveSearcher.shares(reader.leaves(), cores);
                    assertThat(shares).hasSize(cores);
                    int[] sizes = shares.stream().mapToInt(share -> share.stream().mapToInt(LeafRange::size).sum()).toArray();
                    assertThat(Arrays.stream(sizes).max().getAsInt() - Arrays.stream(sizes).min().getAsInt()).as("cores %d", cores).isLessThanOrEqualTo(1);
                    // every document once, in index order
                    List<Integer> docs = new ArrayList<>();
                    shares.forEach(share -> share.forEach(r -> IntStream.range(r.from(), r.to()).forEach(d -> docs.add(r.leaf().docBase + d))));
                    assertThat(docs).isEqualTo(IntStream.range(0, reader.maxDoc()).boxed().toList());
                }
                assertThat(ArchiveSearcher.shares(reader.leaves(), 2).get(0)).containsExactly(new LeafRange(reader.leaves().get(0), 0, 50));
                assertThat(ArchiveSearcher.shares(List.of(), 2)).isEmpty();
            }
        }
    }
}
