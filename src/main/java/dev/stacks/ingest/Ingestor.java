package dev.stacks.ingest;

import dev.stacks.corpus.CorpusStore;
import dev.stacks.corpus.OriginalRecord;
import dev.stacks.corpus.Receipt;
import dev.stacks.corpus.StoreResult;
import dev.stacks.enrich.Article;
import dev.stacks.enrich.Enricher;
import dev.stacks.enrich.Source;
import dev.stacks.extract.Extraction;
import dev.stacks.extract.ExtractionStatus;
import dev.stacks.extract.Extractor;
import dev.stacks.extract.Formats;
import dev.stacks.extract.TikaExtractor;
import dev.stacks.index.ArchiveIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The pipeline: original → corpus → extraction → enriched article → index, for each file, on
 * several worker threads fed through a bounded queue (memory stays flat on any folder size) into
 * the one IndexWriter. Every file ends in one {@link Outcome}; a bad file never stops the batch.
 */
public final class Ingestor {
    private static final Logger log = LoggerFactory.getLogger(Ingestor.class);

    private final CorpusStore corpus;
    private final Extractor extractor;
    private final Enricher enricher;
    private final ArchiveIndex index;
    private final int threads;
    /** Ids indexed or being indexed: those of the index when the ingest began, and those taken since. */
    private final java.util.Set<String> claimed = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile boolean claimedLoaded;
    private static final long COMMIT_EVERY_NANOS = TimeUnit.SECONDS.toNanos(60);
    private volatile long lastCommit = System.nanoTime();

    public Ingestor(CorpusStore corpus, Extractor extractor, Enricher enricher, ArchiveIndex index, int threads) {
        this.corpus = corpus;
        this.extractor = extractor;
        this.enricher = enricher;
        this.index = index;
        this.threads = Math.max(1, threads);
    }

    /** Ingests files and folders (recursively) from the local disk, then commits. */
    public IngestReport ingest(List<Path> paths, FileFilter filter, IngestListener listener) throws IOException {
        return ingest(paths, filter, listener, null);
    }

    /**
     * As {@link #ingest(List, FileFilter, IngestListener)}, recording {@code origin} (such as
     * "inbox") as where the files came from instead of their paths.
     */
    public IngestReport ingest(List<Path> paths, FileFilter filter, IngestListener listener, String origin) throws IOException {
        List<Path> files = filter.expand(paths);
        return run(files.size(), listener, files.stream().map(f -> (Task) () -> ingestFile(f, origin)));
    }

    /** Ingests one uploaded stream (the API); the caller commits or refreshes. */
    public FileResult ingestUpload(InputStream in, String name, String apiKey) throws IOException {
        loadClaimed();
        StoreResult stored = corpus.put(in, new Receipt(Instant.now(), name, "upload", apiKey));
        return process(stored, name);
    }

    /** Rebuilds the index from the corpus alone: every original not deleted goes through the same path. */
    public IngestReport reindex(IngestListener listener) throws IOException {
        index.deleteAll();
        claimed.clear();
        claimedLoaded = true;
        List<OriginalRecord> records;
        try (Stream<OriginalRecord> all = corpus.records()) {
            records = all.filter(r -> !r.deleted()).toList();
        }
        return run(records.size(), listener, records.stream().map(r -> (Task) () -> {
            claimed.add(r.id());
            return processRecord(r, r.displayName());
        }));
    }

    private interface Task {
        FileResult run() throws Exception;
    }

    /** Makes what was ingested durable and searchable: the corpus's records first, then the index. */
    public synchronized void commit() throws IOException {
        corpus.sync();
        index.commit();
        lastCommit = System.nanoTime();
    }

    /** Long ingests commit now and then, so a crash loses minutes of work at most, not the whole run. */
    private void commitIfDue() {
        if (System.nanoTime() - lastCommit > COMMIT_EVERY_NANOS) {
            try {
                commit();
            } catch (IOException e) {
                log.warn("periodic commit failed; the final commit will retry: {}", e.toString());
            }
        }
    }

    private void loadClaimed() {
        if (!claimedLoaded) {
            synchronized (claimed) {
                if (!claimedLoaded) {
                    claimed.addAll(index.ids());
                    claimedLoaded = true;
                }
            }
        }
    }

    private IngestReport run(int total, IngestListener listener, Stream<Task> tasks) throws IOException {
        loadClaimed();
        Instant start = Instant.now();
        listener.started(total);
        List<FileResult> results = Collections.synchronizedList(new ArrayList<>(total));
        ExecutorService pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(threads * 4), new ThreadPoolExecutor.CallerRunsPolicy());
        try {
            tasks.forEach(task -> pool.execute(() -> {
                FileResult result;
                try {
                    result = task.run();
                } catch (Exception | StackOverflowError | OutOfMemoryError e) {
                    log.error("ingest failed unexpectedly", e);
                    result = new FileResult("?", Outcome.REJECTED, "internal error: " + e, null, null, 0);
                }
                results.add(result);
                listener.finished(result);
                commitIfDue();
            }));
        } finally {
            pool.shutdown();
            try {
                pool.awaitTermination(365, TimeUnit.DAYS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            commit();
        }
        return new IngestReport(results, Duration.between(start, Instant.now()));
    }

    private FileResult ingestFile(Path file, String origin) {
        String name = java.text.Normalizer.normalize(file.getFileName().toString(), java.text.Normalizer.Form.NFC);
        try {
            String from = origin != null ? origin : file.toAbsolutePath().toString();
            StoreResult stored = corpus.put(file, new Receipt(Instant.now(), name, from, null));
            return process(stored, name);
        } catch (IOException e) {
            return new FileResult(name, Outcome.REJECTED, "cannot read the file: " + e.getMessage(), null, null, 0);
        }
    }

    private FileResult process(StoreResult stored, String name) throws IOException {
        OriginalRecord record = stored.record();
        // Indexed already (in a committed index, or earlier in this run): a duplicate. A record with an
        // outcome whose document is missing from the index (a crash before the commit) is processed again.
        if (!record.deleted() && !claimed.add(record.id())) {
            String reason = "already archived as " + record.id() + (record.names().get(0).equals(name) ? "" : " (" + record.names().get(0) + ")");
            return new FileResult(name, Outcome.DUPLICATE, reason, record.id(), null, record.size());
        }
        if (record.deleted()) {
            claimed.add(record.id());
            record = record.withDeleted(false);
        }
        return processRecord(record, name);
    }

    /** Extracts, enriches and indexes one stored original, and records the outcome beside it. */
    private FileResult processRecord(OriginalRecord record, String name) throws IOException {
        Path bytes = corpus.bytesPath(record.sha256());
        Extraction extraction;
        Article article;
        try {
            extraction = extractor.extract(bytes, record.displayName());
            if (extraction.status().rejected()) {
                return reject(record, name, extraction.contentType(), extraction.reason());
            }
            String format = Formats.of(extraction.contentType());
            Source source = new Source(record.displayName(), extraction.contentType(), format, record.sha256(), record.size());
            article = enricher.enrich(record.id(), extraction, source);
        } catch (RuntimeException e) {
            // a bug meets an odd file: this file is rejected and logged, the batch and the server go on
            log.error("processing {} ({}) failed", name, record.id(), e);
            return reject(record, name, record.contentType(),
                    "internal error while processing this file; the server log has the details");
        }
        article = withFallbackTitle(article, record.displayName(), record.parentId());
        index.upsert(article);
        ingestAttachments(record, extraction);
        Outcome outcome = extraction.status() == ExtractionStatus.NO_TEXT ? Outcome.NO_TEXT
                : extraction.truncated() ? Outcome.INDEXED_TRUNCATED : Outcome.INDEXED;
        String reason = outcome == Outcome.NO_TEXT ? extraction.reason()
                : outcome == Outcome.INDEXED_TRUNCATED ? "text cut at the write limit" : null;
        corpus.update(record.withOutcome(extraction.contentType(), TikaExtractor.version(), outcome.label(), reason, extraction.truncated()));
        return new FileResult(name, outcome, reason, record.id(), article.title(), record.size());
    }

    /**
     * An e-mail's attachments become documents of their own, each kept as an original linked to
     * the message. Their text is already extracted; the saved copies of their bytes are stored
     * and then deleted. On reindex they are already archived: claimed, so not indexed twice.
     */
    private void ingestAttachments(OriginalRecord parent, Extraction extraction) throws IOException {
        String apiKey = parent.receipts().isEmpty() ? null : parent.receipts().get(0).apiKey();
        for (Extraction attachment : extraction.attachments()) {
            Path saved = attachment.file();
            try {
                if (saved == null || attachment.status().rejected()) {
                    continue;
                }
                String name = attachment.first(Extraction.RESOURCE_NAME) == null ? "attachment" : attachment.first(Extraction.RESOURCE_NAME);
                StoreResult stored = corpus.put(saved, new Receipt(Instant.now(), name, "attachment of " + parent.id(), apiKey), parent.id());
                OriginalRecord record = stored.record();
                if (!claimed.add(record.id())) {
                    continue;
                }
                Source source = new Source(name, attachment.contentType(), Formats.of(attachment.contentType()), record.sha256(), record.size());
                Article article = withFallbackTitle(enricher.enrich(record.id(), attachment, source), name, parent.id());
                index.upsert(article);
                Outcome outcome = attachment.status() == ExtractionStatus.NO_TEXT ? Outcome.NO_TEXT
                        : attachment.truncated() ? Outcome.INDEXED_TRUNCATED : Outcome.INDEXED;
                corpus.update(record.withOutcome(attachment.contentType(), TikaExtractor.version(), outcome.label(),
                        outcome == Outcome.NO_TEXT ? attachment.reason() : null, attachment.truncated()));
                ingestAttachments(record, attachment);
            } catch (RuntimeException e) {
                log.error("an attachment of {} failed", parent.id(), e);
            } finally {
                if (saved != null) {
                    java.nio.file.Files.deleteIfExists(saved);
                }
            }
        }
    }

    private FileResult reject(OriginalRecord record, String name, String contentType, String reason) throws IOException {
        claimed.remove(record.id());
        corpus.update(record.withOutcome(contentType, TikaExtractor.version(), Outcome.REJECTED.label(), reason, false));
        index.delete(record.id());
        return new FileResult(name, Outcome.REJECTED, reason, null, null, record.size());
    }

    /** A document without a title still needs one to be shown: its file name, without the extension. */
    private static Article withFallbackTitle(Article a, String fileName, String parentId) {
        String title = a.title();
        if (title == null || title.isBlank()) {
            int dot = fileName.lastIndexOf('.');
            title = dot > 0 ? fileName.substring(0, dot) : fileName;
        }
        return new Article(a.id(), title, a.body(), a.date(), a.actors(), a.locations(), a.quotes(), a.source(),
                a.truncated(), parentId != null ? parentId : a.parentId());
    }
}
