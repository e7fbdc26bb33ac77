package dev.stacks.extract;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The main class of an extraction worker process started by {@link ForkedExtractor}: reads requests
 * from stdin, extracts each file with a {@link TikaExtractor}, writes the results to stdout, and exits
 * when stdin closes. Stdout carries nothing but {@link WorkerProtocol} frames: anything a library
 * prints there goes to stderr instead. The worker also exits on its own when its parent process is
 * gone, even in the middle of a runaway parse, so that no orphan keeps a core busy.
 *
 * <p>Arguments: the work folder for attachments (or "-" for none), then the limits to prepare with
 * (see {@link WorkerProtocol#limitsAsArguments}).
 */
public final class ExtractWorker {
    private static final long PARENT_CHECK_MILLIS = 1000;

    private ExtractWorker() {
    }

    public static void main(String[] args) throws IOException {
        run(args, (limits, workFolder) -> new TikaExtractor(limits, workFolder)::extract);
    }

    /** The worker's life, with the extractor it is given (tests give misbehaving ones). */
    static void run(String[] args, BiFunction<ExtractionLimits, Path, TypedExtractor> extractors) throws IOException {
        OutputStream frames = new FileOutputStream(FileDescriptor.out);
        System.setOut(System.err);
        Path workFolder = args.length == 0 || args[0].equals("-") ? null : Path.of(args[0]);
        exitWithParent();
        ExtractionLimits limits = args.length > 1
                ? WorkerProtocol.limitsFromArguments(List.of(args).subList(1, args.length)) : ExtractionLimits.defaults();
        serve(System.in, frames, l -> extractors.apply(l, workFolder), limits);
        System.exit(0);
    }

    /**
     * Answers requests until {@code in} closes.
     *
     * @param extractors makes the extractor for a request's limits (made again only when they change)
     * @param warmUp     the limits to make the first extractor with before saying hello, so that Tika's
     *                   start-up is not charged to the first file's time limit
     */
    static void serve(InputStream in, OutputStream out, Function<ExtractionLimits, TypedExtractor> extractors,
                      ExtractionLimits warmUp) throws IOException {
        DataInputStream requests = new DataInputStream(new BufferedInputStream(in, 1 << 16));
        DataOutputStream results = new DataOutputStream(new BufferedOutputStream(out, 1 << 16));
        ExtractionLimits limits = warmUp;
        TypedExtractor extractor = extractors.apply(limits);
        WorkerProtocol.writeHello(results);
        results.flush();
        WorkerProtocol.Request request;
        while ((request = WorkerProtocol.readRequest(requests)) != null) {
            if (!request.limits().equals(limits)) {
                limits = request.limits();
                extractor = extractors.apply(limits);
            }
            WorkerProtocol.writeResult(results, extract(extractor, request));
            results.flush();
        }
    }

    /** Extractors return failures as results; anything thrown past that is a bug, still reported per file. */
    private static Extraction extract(TypedExtractor extractor, WorkerProtocol.Request request) {
        try {
            return extractor.extract(request.file(), request.fileName(), request.contentType());
        } catch (RuntimeException | StackOverflowError e) {
            return Extraction.failed(null, ExtractionStatus.REJECTED_CORRUPT, "the parser crashed: " + e);
        }
    }

    private static void exitWithParent() {
        ProcessHandle parent = ProcessHandle.current().parent().orElse(null);
        if (parent == null) {
            return;
        }
        Thread watcher = new Thread(() -> {
            while (parent.isAlive()) {
                try {
                    Thread.sleep(PARENT_CHECK_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
            Runtime.getRuntime().halt(1);
        }, "parent-watcher");
        watcher.setDaemon(true);
        watcher.start();
    }
}
