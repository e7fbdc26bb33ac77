package dev.stacks.index;

import dev.stacks.enrich.Article;
import dev.stacks.enrich.Source;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ArchiveCodecTest {
    @TempDir
    Path dir;

    @Test
    void anIndexWrittenBeforeTheCodecGainsSegmentsInItAndReadsBackWhole() throws IOException {
        Path path = dir.resolve("index");
        try (Directory d = FSDirectory.open(path);
             IndexWriter old = new IndexWriter(d, new IndexWriterConfig())) { // Lucene's default codec, as older Stacks wrote
            Document doc = new Document();
            doc.add(new StoredField("legacy", "written by the default codec"));
            old.addDocument(doc);
        }
        String body = "A body long enough to span chunks. ".repeat(400);
        try (ArchiveIndex index = ArchiveIndex.open(path)) {
            for (int i = 0; i < 3; i++) {
                String id = "00000000000000a" + i;
                index.upsert(new Article(id, "Title " + i, body + i, null, List.of(), List.of(), List.of(),
                        new Source(i + ".txt", "text/plain", "txt", id.repeat(4), body.length()), false, null));
            }
            index.commit();
        }

        try (Directory d = FSDirectory.open(path); DirectoryReader reader = DirectoryReader.open(d)) { // codecs found by name
            List<String> codecs = new ArrayList<>();
            for (SegmentCommitInfo segment : SegmentInfos.readLatestCommit(d)) {
                codecs.add(segment.info.getCodec().getName());
            }
            assertThat(codecs).contains(ArchiveCodec.NAME, "Lucene912");
            List<String> bodies = new ArrayList<>();
            for (int doc = 0; doc < reader.maxDoc(); doc++) {
                String value = reader.storedFields().document(doc).get(Fields.BODY);
                if (value != null) {
                    bodies.add(value);
                }
            }
            assertThat(bodies).containsExactlyInAnyOrder(body + 0, body + 1, body + 2);
        }
    }
}
