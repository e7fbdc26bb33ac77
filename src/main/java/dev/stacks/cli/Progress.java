package dev.stacks.cli;

import dev.stacks.ingest.FileResult;
import dev.stacks.ingest.IngestListener;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A one-line progress bar on a terminal (files done/total, files/s, ETA), redrawn at most ten
 * times a second; off a terminal (logs, CI) a plain line every 10%.
 */
final class Progress implements IngestListener {
    private final PrintStream out;
    private final boolean terminal = System.console() != null;
    private final AtomicInteger done = new AtomicInteger();
    private volatile int total;
    private volatile long start;
    private volatile long lastDraw;

    Progress(PrintStream out) {
        this.out = out;
    }

    @Override
    public void started(int totalFiles) {
        total = totalFiles;
        start = System.nanoTime();
    }

    @Override
    public void finished(FileResult result) {
        int n = done.incrementAndGet();
        long now = System.nanoTime();
        if (terminal) {
            if (now - lastDraw > 100_000_000L || n == total) {
                lastDraw = now;
                draw(n, now);
            }
        } else if (total >= 20 && n % Math.max(1, total / 10) == 0) {
            out.printf("%d/%d files%n", n, total);
        }
    }

    private synchronized void draw(int n, long now) {
        double seconds = Math.max(1e-3, (now - start) / 1e9);
        double rate = n / seconds;
        long eta = rate > 0 ? Math.round((total - n) / rate) : 0;
        int width = 30;
        int filled = total == 0 ? width : (int) ((long) n * width / total);
        out.printf("\r[%s%s] %d/%d  %.0f files/s  ETA %ds   ", "#".repeat(filled), " ".repeat(width - filled), n, total, rate, eta);
        if (n == total) {
            out.println();
        }
    }
}
