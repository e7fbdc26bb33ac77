package dev.stacks.index;

import dev.stacks.enrich.Article;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The Lucene index: the one IndexWriter and the one SearcherManager over it. Writes are
 * idempotent (an article's block is replaced by its id), searchers see them after
 * {@link #refresh()}, and {@link #close()} commits before closing, so a clean shutdown loses nothing.
 */
public final class ArchiveIndex implements AutoCloseable {
    private static final String LAST_INGEST = "stacks.lastIngest";

    private final Path path;
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final DocumentMapper mapper = new DocumentMapper(DocumentMapper.facetsConfig());
    /** Searches the slices of a large index in parallel (see {@link ArchiveSearcher#slices}). */
    private final ExecutorService searchThreads = searchThreads();
    private volatile String lastIngest;

    private ArchiveIndex(Path path) throws IOException {
        this.path = path;
        Files.createDirectories(path);
        this.directory = FSDirectory.open(path);
        IndexWriterConfig config = new IndexWriterConfig(new ArchiveAnalyzer())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setCodec(new ArchiveCodec())
                // small enough that segments flush on the indexing threads during a run, not all at the final commit
                .setRAMBufferSizeMB(48)
                .setCommitOnClose(true);
        try {
            this.writer = new IndexWriter(directory, config);
        } catch (LockObtainFailedException e) {
            directory.close();
            throw new IOException("the index " + path + " is in use by another Stacks process; stop it first", e);
        }
        this.searchers = new SearcherManager(writer, new SearcherFactory() {
            @Override
            public org.apache.lucene.search.IndexSearcher newSearcher(IndexReader reader, IndexReader previous) throws IOException {
                return new ArchiveSearcher(reader, searchThreads);
            }
        });
        Map<String, String> data = new HashMap<>();
        writer.getLiveCommitData().forEach(e -> data.put(e.getKey(), e.getValue()));
        lastIngest = data.get(LAST_INGEST);
    }

    private static ExecutorService searchThreads() {
        AtomicInteger n = new AtomicInteger();
        return Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), task -> {
            Thread t = new Thread(task, "search-" + n.incrementAndGet());
            t.setDaemon(true); // never keeps a finished command's JVM alive
            return t;
        });
    }

    /** Opens (creating if needed) the index in a folder. */
    public static ArchiveIndex open(Path path) throws IOException {
        return new ArchiveIndex(path.toAbsolutePath().normalize());
    }

    public Path path() {
        return path;
    }

    /** Adds or replaces an article with its quotations, atomically. */
    public void upsert(Article article) throws IOException {
        List<Document> block = mapper.toDocuments(article);
        writer.updateDocuments(new Term(Fields.GROUP, article.id()), block);
    }

    /** Removes an article and its quotations from search. */
    public void delete(String id) throws IOException {
        writer.deleteDocuments(new Term(Fields.GROUP, id));
    }

    /** Removes everything (reindex starts from an empty index). */
    public void deleteAll() throws IOException {
        writer.deleteAll();
    }

    /** Makes writes durable, records when, and lets searchers see them. */
    public void commit() throws IOException {
        lastIngest = Instant.now().toString();
        writer.setLiveCommitData(Map.of(LAST_INGEST, lastIngest).entrySet());
        writer.commit();
        searchers.maybeRefreshBlocking();
    }

    /** Lets searchers see recent writes without the cost of a commit. */
    public void refresh() throws IOException {
        searchers.maybeRefreshBlocking();
    }

    /** Runs a function with a searcher, releasing it afterwards. */
    public <T> T search(Function<ArchiveSearcher, T> work) {
        try {
            ArchiveSearcher searcher = (ArchiveSearcher) searchers.acquire();
            try {
                return work.apply(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Documents (articles) visible to search. */
    public int articleCount() {
        return search(s -> {
            try {
                return s.count(new org.apache.lucene.search.TermQuery(new Term(Fields.KIND, Fields.KIND_ARTICLE)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The ids of every article in the index as last refreshed (read from the terms, not the documents). */
    public java.util.Set<String> ids() {
        return search(s -> {
            try {
                java.util.Set<String> ids = new java.util.HashSet<>();
                org.apache.lucene.index.Terms terms = org.apache.lucene.index.MultiTerms.getTerms(s.getIndexReader(), Fields.ID);
                if (terms != null) {
                    org.apache.lucene.index.TermsEnum it = terms.iterator();
                    for (org.apache.lucene.util.BytesRef t; (t = it.next()) != null; ) {
                        ids.add(t.utf8ToString());
                    }
                }
                return ids;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** When the last commit with new documents happened (ISO instant), or null. */
    public String lastIngest() {
        return lastIngest;
    }

    /** Bytes on disk. */
    public long sizeBytes() {
        try (Stream<Path> files = Files.list(path)) {
            return files.mapToLong(f -> f.toFile().length()).sum();
        } catch (IOException e) {
            return -1;
        }
    }

    public boolean isOpen() {
        return writer.isOpen();
    }

    @Override
    public void close() throws IOException {
        try {
            searchers.close();
        } finally {
            try {
                if (writer.isOpen()) {
                    writer.setLiveCommitData(Map.of(LAST_INGEST, lastIngest == null ? "" : lastIngest).entrySet());
                    writer.close();
                }
            } finally {
                searchThreads.shutdown();
                directory.close();
            }
        }
    }

    static boolean exists(Path path) {
        try (Directory dir = FSDirectory.open(path)) {
            return DirectoryReader.indexExists(dir);
        } catch (IOException e) {
            return false;
        }
    }
}
