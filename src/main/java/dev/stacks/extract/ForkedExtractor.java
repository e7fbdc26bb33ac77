package dev.stacks.extract;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * Extracts in child JVMs so that the time limit is real: a parse that runs past
 * {@link ExtractionLimits#timeout()} is ended by killing its process (a thread inside this JVM could
 * not be stopped), and a parser that exhausts its bounded heap or crashes takes only its worker down.
 * Such files come back as {@link ExtractionStatus#REJECTED_TIMEOUT} or
 * {@link ExtractionStatus#REJECTED_CORRUPT}, and the next file gets a fresh worker.
 *
 * <p>A pool of workers, one per ingest thread, each started on first use and kept warm across files;
 * requests and results are binary frames on the worker's stdin and stdout ({@link WorkerProtocol}).
 * Workers exit when this extractor is closed, when the JVM shuts down (a hook kills them), and on
 * their own when this process dies.
 */
public final class ForkedExtractor implements Extractor {
    private static final Logger log = LoggerFactory.getLogger(ForkedExtractor.class);

    /** Enough for PDFBox and POI on large documents and for OCR page images; small enough for one per core. */
    public static final int DEFAULT_HEAP_MEGABYTES = 512;

    private final ExtractionLimits limits;
    private final List<WorkerProcess> workers;
    private final BlockingQueue<WorkerProcess> idle;
    private final Thread watchdog;
    private final Thread shutdownHook;
    private volatile boolean closed;

    /**
     * @param workFolder where workers save attachments (see {@link Extraction#file()}) and keep their
     *                   temporary files; null for none
     * @param workers    how many files may be extracted at once: one per ingest thread
     */
    public ForkedExtractor(ExtractionLimits limits, Path workFolder, int workers) {
        this(limits, workers, WorkerCommand.standard(limits, DEFAULT_HEAP_MEGABYTES, workFolder));
    }

    ForkedExtractor(ExtractionLimits limits, int workers, WorkerCommand command) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1, not " + workers);
        }
        this.limits = limits;
        if (command.workFolder() != null) {
            try {
                Files.createDirectories(command.workFolder());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the work folder " + command.workFolder() + ": check it is writable", e);
            }
        }
        this.workers = IntStream.range(0, workers).mapToObj(i -> new WorkerProcess(command)).toList();
        this.idle = new ArrayBlockingQueue<>(workers, false, this.workers);
        this.watchdog = new Thread(this::watch, "extraction-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        this.shutdownHook = new Thread(() -> this.workers.forEach(WorkerProcess::kill), "extraction-workers-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    @Override
    public Extraction extract(Path file, String fileName) {
        return extract(file, fileName, null);
    }

    /** As {@link #extract(Path, String)}, with the type already detected (null: the worker detects it). */
    Extraction extract(Path file, String fileName, String contentType) {
        if (closed) {
            throw new IllegalStateException("the extractor is closed");
        }
        WorkerProcess worker;
        try {
            worker = idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for an extraction worker", e);
        }
        try {
            return worker.extract(new WorkerProtocol.Request(file.toAbsolutePath(), fileName, contentType, limits));
        } finally {
            idle.add(worker);
        }
    }

    /** Kills the workers whose file is past its time limit; checks often enough to be late by a few percent at most. */
    private void watch() {
        long tick = Math.max(5, Math.min(250, limits.timeout().toMillis() / 20));
        while (true) {
            try {
                Thread.sleep(tick);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            for (WorkerProcess worker : workers) {
                worker.killIfOverdue(now);
            }
        }
    }

    /** The pids of the running workers (tests). */
    List<Long> pids() {
        return workers.stream().map(WorkerProcess::pid).filter(pid -> pid > 0).toList();
    }

    /** Stops every worker; waits for the files being extracted to finish first. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (int i = 0; i < workers.size(); i++) {
            try {
                WorkerProcess worker = idle.poll(limits.timeout().toMillis() + 10_000, TimeUnit.MILLISECONDS);
                if (worker != null) {
                    worker.close();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        workers.forEach(WorkerProcess::kill);
        watchdog.interrupt();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            log.debug("JVM shutting down; the hook kills the workers");
        }
    }
}
