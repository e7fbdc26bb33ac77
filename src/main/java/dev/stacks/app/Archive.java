package dev.stacks.app;

import dev.stacks.corpus.CorpusStore;
import dev.stacks.enrich.Enricher;
import dev.stacks.extract.ExtractionLimits;
import dev.stacks.extract.Extractor;
import dev.stacks.extract.ExtractionLeftovers;
import dev.stacks.extract.RoutingExtractor;
import dev.stacks.index.ArchiveIndex;
import dev.stacks.ingest.Ingestor;
import dev.stacks.search.ArchiveSearch;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The archive's parts, wired once: the corpus of originals, the index, and the pipeline and
 * search over them. Commands and the server open one, use it, and close it (which commits the index).
 */
public final class Archive implements AutoCloseable {
    private final CorpusStore corpus;
    private final ArchiveIndex index;
    private final Extractor extractor;
    private final Ingestor ingestor;
    private final ArchiveSearch search;

    private Archive(CorpusStore corpus, ArchiveIndex index, Extractor extractor, Enricher enricher, int threads) {
        this.corpus = corpus;
        this.index = index;
        this.extractor = extractor;
        this.ingestor = new Ingestor(corpus, extractor, enricher, index, threads);
        this.search = new ArchiveSearch(index);
    }

    /** Opens the corpus and index folders (creating them if needed) with the default extractor and enricher. */
    public static Archive open(Path corpusDir, Path indexDir) throws IOException {
        return open(corpusDir, indexDir, ExtractionLimits.defaults(), Enrichers.standard(), Runtime.getRuntime().availableProcessors());
    }

    public static Archive open(Path corpusDir, Path indexDir, ExtractionLimits limits, Enricher enricher, int threads) throws IOException {
        CorpusStore corpus = new CorpusStore(corpusDir);
        ArchiveIndex index = ArchiveIndex.open(indexDir);
        // safe: the index's write lock keeps other Stacks processes out of this corpus
        corpus.removeLeftovers();
        ExtractionLeftovers.remove(corpus.workFolder());
        return new Archive(corpus, index, newExtractor(limits, corpus.workFolder(), threads), enricher, threads);
    }

    /**
     * The extractor an archive uses (the benchmark measures extraction alone with the same one):
     * plain text is parsed in this process, every other format in child processes that a
     * timeout can kill.
     */
    public static Extractor newExtractor(ExtractionLimits limits, Path workFolder, int threads) {
        return new RoutingExtractor(limits, workFolder, threads);
    }

    public CorpusStore corpus() {
        return corpus;
    }

    public ArchiveIndex index() {
        return index;
    }

    public Ingestor ingestor() {
        return ingestor;
    }

    public ArchiveSearch search() {
        return search;
    }

    private boolean closed;

    /** Commits and closes the index; a second call does nothing. */
    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            extractor.close();
        } finally {
            try {
                corpus.sync(); // records before the index that refers to them
                index.close();
            } finally {
                corpus.close();
            }
        }
    }
}
