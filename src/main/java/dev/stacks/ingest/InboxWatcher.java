package dev.stacks.ingest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Ingests files dropped into an inbox folder. It polls (file-system events are unreliable on
 * network shares and miss files copied in before start), waits until a file's size and time have
 * stopped changing so half-copied files are not taken, and never writes to the inbox: what was
 * ingested is remembered, and the corpus's hashes make a second look at a file a cheap duplicate.
 */
public final class InboxWatcher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(InboxWatcher.class);

    private record Seen(long size, long modified) {
    }

    private final Path inbox;
    private final Ingestor ingestor;
    private final Runnable afterBatch;
    private final FileFilter filter = FileFilter.defaults();
    private final Map<Path, Seen> pending = new HashMap<>();
    private final Map<Path, Seen> done = new HashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "stacks-inbox");
        t.setDaemon(true);
        return t;
    });

    /** @param afterBatch run after each batch (the server refreshes its searchers) */
    public InboxWatcher(Path inbox, Ingestor ingestor, Runnable afterBatch) {
        this.inbox = inbox;
        this.ingestor = ingestor;
        this.afterBatch = afterBatch;
    }

    public void start(long periodMillis) {
        timer.scheduleWithFixedDelay(this::pollSafely, 0, periodMillis, TimeUnit.MILLISECONDS);
    }

    private void pollSafely() {
        try {
            poll();
        } catch (Exception e) {
            log.warn("inbox {}: {}", inbox, e.toString());
        }
    }

    /** One look at the inbox: ingests the files that have settled since the last look. Returns the report, or null. */
    synchronized IngestReport poll() throws IOException {
        if (!Files.isDirectory(inbox)) {
            return null;
        }
        List<Path> files;
        try (Stream<Path> s = filter.expand(List.of(inbox)).stream()) {
            files = s.toList();
        }
        List<Path> ready = new java.util.ArrayList<>();
        for (Path f : files) {
            Seen now = new Seen(Files.size(f), Files.getLastModifiedTime(f).toMillis());
            if (now.equals(done.get(f))) {
                continue;
            }
            if (now.equals(pending.get(f))) {
                ready.add(f);
            } else {
                pending.put(f, now);
            }
        }
        if (ready.isEmpty()) {
            return null;
        }
        IngestReport report = ingestor.ingest(ready, new FileFilter(true, List.of()), IngestListener.NONE, "inbox");
        for (Path f : ready) {
            done.put(f, pending.remove(f));
        }
        report.files().forEach(r -> log.info("inbox: {} {}{}", r.file(), r.outcome().label(), r.reason() == null ? "" : ": " + r.reason()));
        afterBatch.run();
        return report;
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
