package dev.stacks.extract;

import dev.stacks.io.Folders;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One extraction worker: a child JVM running {@link ExtractWorker}, started on first use, reused for
 * file after file, and replaced after it is killed or dies. Used by one thread at a time (the
 * {@link ForkedExtractor} pool sees to it), except {@link #killIfOverdue} which the watchdog calls.
 *
 * <p>The time limit is enforced from outside: the watchdog kills the process once the deadline has
 * passed, the blocked read of the result then ends, and the file is reported as timed out. A state
 * flag decides the race between an answer and the kill, so a late kill never spoils the next file.
 */
final class WorkerProcess {
    private static final Logger log = LoggerFactory.getLogger(WorkerProcess.class);

    /** The JVM's exit status under -XX:+ExitOnOutOfMemoryError. */
    private static final int OUT_OF_MEMORY_EXIT = 3;
    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration EXIT_GRACE = Duration.ofSeconds(5);
    private static final int STDERR_LINES_KEPT = 20;

    private static final int IDLE = 0;
    private static final int BUSY = 1;
    private static final int KILLED = 2;

    private final WorkerCommand command;
    private final Path workFolder;
    private final AtomicInteger state = new AtomicInteger(IDLE);
    private final Deque<String> stderr = new ArrayDeque<>();
    private volatile Process process;
    private volatile long deadline;
    private DataOutputStream requests;
    private DataInputStream results;
    private Thread stderrReader;
    private Path tempFolder;

    WorkerProcess(WorkerCommand command) {
        this.command = command;
        this.workFolder = command.workFolder();
    }

    /**
     * Extracts one file in the worker, within {@code request.limits().timeout()}.
     *
     * @throws IllegalStateException when no worker process can be started at all (a broken installation,
     *                               not a bad file)
     */
    Extraction extract(WorkerProtocol.Request request) {
        send(request);
        deadline = System.nanoTime() + request.limits().timeout().toNanos();
        state.set(BUSY);
        try {
            Extraction extraction = WorkerProtocol.readResult(results);
            if (!state.compareAndSet(BUSY, IDLE)) {
                // killed just as the answer arrived: the answer stands, the next file gets a new worker
                stop(Duration.ZERO);
            }
            return extraction;
        } catch (IOException e) {
            boolean timedOut = state.get() == KILLED;
            // a worker that is exiting on its own (out of memory, a crash) is given time to finish, so its exit code tells why
            String crash = stop(timedOut ? Duration.ZERO : EXIT_GRACE);
            if (timedOut) {
                log.info("extraction of {} stopped after {}", request.file(), request.limits().timeout());
                return Extraction.failed(null, ExtractionStatus.REJECTED_TIMEOUT,
                        "timeout: parsing took longer than " + seconds(request.limits().timeout()));
            }
            log.warn("extraction worker crashed on {}: {}", request.file(), crash);
            return Extraction.failed(null, ExtractionStatus.REJECTED_CORRUPT, "the parser crashed: " + crash);
        }
    }

    /** Writes the request, starting the worker first if needed, and once more on a fresh worker if the old one had died. */
    private void send(WorkerProtocol.Request request) {
        for (int attempt = 1; ; attempt++) {
            if (process == null) {
                start();
            }
            try {
                WorkerProtocol.writeRequest(requests, request);
                requests.flush();
                return;
            } catch (IOException e) {
                String crash = stop(EXIT_GRACE);
                if (attempt == 2) {
                    throw new IllegalStateException("the extraction worker dies before reading a request: " + crash, e);
                }
                log.info("extraction worker had died while idle ({}); starting another", crash);
            }
        }
    }

    /** Called by the watchdog: kills the process if the file it is working on is past its deadline. */
    void killIfOverdue(long now) {
        Process p = process;
        if (p != null && state.get() == BUSY && now - deadline > 0 && state.compareAndSet(BUSY, KILLED)) {
            p.destroyForcibly();
        }
    }

    /** Kills the process at once (JVM shutdown). */
    void kill() {
        Process p = process;
        if (p != null) {
            p.destroyForcibly();
        }
    }

    /** Closes the worker's stdin, which makes it exit, then makes sure it has. */
    void close() {
        Process p = process;
        if (p == null) {
            return;
        }
        try {
            requests.close();
            p.waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            log.debug("closing the worker's stdin: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stop(Duration.ZERO);
    }

    private void start() {
        try {
            tempFolder = workFolder == null ? null : Files.createTempDirectory(workFolder, "worker-");
            Process p = new ProcessBuilder(command.arguments(tempFolder)).start();
            synchronized (stderr) {
                stderr.clear();
            }
            stderrReader = readStderr(p);
            requests = new DataOutputStream(new BufferedOutputStream(p.getOutputStream(), 1 << 16));
            results = new DataInputStream(new BufferedInputStream(p.getInputStream(), 1 << 16));
            process = p;
            deadline = System.nanoTime() + START_TIMEOUT.toNanos();
            state.set(BUSY);
            WorkerProtocol.readHello(results);
            state.set(IDLE);
            log.debug("extraction worker {} started", p.pid());
        } catch (IOException e) {
            String why = stop(EXIT_GRACE);
            throw new IllegalStateException("cannot start an extraction worker (" + command.describe() + "): "
                    + e.getMessage() + "; " + why, e);
        }
    }

    /**
     * Kills the process if it still runs after {@code grace}, deletes what it left in the work folder,
     * and says how it ended. The next request starts a fresh worker.
     */
    private String stop(Duration grace) {
        Process p = process;
        process = null;
        state.set(IDLE);
        if (p == null) {
            return "the worker was not running";
        }
        int exit;
        try {
            if (!p.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
            }
            p.waitFor(10, TimeUnit.SECONDS);
            if (stderrReader != null) {
                stderrReader.join(1000);
            }
            exit = p.isAlive() ? -1 : p.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exit = -1;
        }
        AttachmentFiles.deleteLeftovers(workFolder, p.pid());
        deleteTempFolder();
        return describeExit(exit);
    }

    private String describeExit(int exit) {
        List<String> lines;
        synchronized (stderr) {
            lines = new ArrayList<>(stderr);
        }
        boolean outOfMemory = exit == OUT_OF_MEMORY_EXIT || lines.stream().anyMatch(l -> l.contains("OutOfMemoryError"));
        if (outOfMemory) {
            return "out of memory (the worker's heap is limited to " + command.heapMegabytes() + " MB)";
        }
        String last = lines.isEmpty() ? "" : ": " + lines.get(lines.size() - 1);
        return "the worker process ended with exit code " + exit + last;
    }

    /** Keeps the worker's last lines of stderr for the crash report; logs them at debug level. */
    private Thread readStderr(Process p) {
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    log.debug("worker {}: {}", p.pid(), line);
                    synchronized (stderr) {
                        if (stderr.size() == STDERR_LINES_KEPT) {
                            stderr.removeFirst();
                        }
                        stderr.addLast(line);
                    }
                }
            } catch (IOException e) {
                log.debug("worker {} stderr closed: {}", p.pid(), e.toString());
            }
        }, "extraction-worker-stderr-" + p.pid());
        reader.setDaemon(true);
        reader.start();
        return reader;
    }

    private void deleteTempFolder() {
        Path folder = tempFolder;
        tempFolder = null;
        if (folder == null) {
            return;
        }
        try {
            Folders.deleteTree(folder);
        } catch (IOException e) {
            log.warn("cannot delete the worker's temporary folder {}: {}", folder, e.toString());
        }
    }

    /** The pid of the running worker process, or -1 (tests). */
    long pid() {
        Process p = process;
        return p == null ? -1 : p.pid();
    }

    private static String seconds(Duration timeout) {
        return timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
    }
}
