package dev.stacks.extract;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The archive's extractor: files read as plain text are extracted in this process, every other file
 * in a forked worker ({@link ForkedExtractor}) where the time limit is enforced by killing the process.
 *
 * <p>Why split: a plain-text parse cannot run away (it decodes the bytes once and stops at the write
 * limit) and plain text is the bulk of a news archive, so it skips the pipe and, more to the point,
 * needs no worker JVM at all (each costs seconds of CPU to start and warm up). PDF, office, HTML,
 * e-mail and image parsers are the ones that can loop, recurse or exhaust memory on a hostile file,
 * and images and scans are where OCR runs: those go to the workers.
 *
 * <p>The route comes from the bytes, never the name, and detection runs once per file: ordinary
 * text is recognised from its first bytes ({@link PlainTextGate}); binary files go to a worker,
 * which detects them (for zip and OLE containers detection opens the container, and the parser
 * reuses it); other text (markup, mail, a story that starts with punctuation) is detected here and
 * the type is handed to whichever side parses it.
 */
public final class RoutingExtractor implements Extractor {
    private final ExtractionLimits limits;
    private final TikaExtractor inProcess;
    private final TypedExtractor forked;
    private final Runnable closeForked;

    /**
     * @param workFolder where attachments are saved (see {@link Extraction#file()}) and workers keep their
     *                   temporary files; null for none
     * @param workers    forked workers: one per ingest thread
     */
    public RoutingExtractor(ExtractionLimits limits, Path workFolder, int workers) {
        this(limits, new TikaExtractor(limits, workFolder), new ForkedExtractor(limits, workFolder, workers));
    }

    private RoutingExtractor(ExtractionLimits limits, TikaExtractor inProcess, ForkedExtractor forked) {
        this(limits, inProcess, forked::extract, forked::close);
    }

    /** @param forked where files that are not plain text go (tests give a stand-in) */
    RoutingExtractor(ExtractionLimits limits, TikaExtractor inProcess, TypedExtractor forked, Runnable closeForked) {
        this.limits = limits;
        this.inProcess = inProcess;
        this.forked = forked;
        this.closeForked = closeForked;
    }

    @Override
    public Extraction extract(Path file, String fileName) {
        PlainTextGate.Kind kind = firstBytes(file);
        if (kind == null) {
            // rejected before any parse, which the extractor explains
            return inProcess.extract(file, fileName);
        }
        return switch (kind) {
            case PLAIN -> inProcess.extract(file, fileName, inProcess.plainTextType(fileName));
            case BINARY -> forked.extract(file, fileName, null);
            case TEXT -> {
                String contentType = inProcess.detect(file, fileName);
                yield contentType == null || inProcess.readsAsPlainText(contentType)
                        ? inProcess.extract(file, fileName, contentType)
                        : forked.extract(file, fileName, contentType);
            }
        };
    }

    /** What the first bytes say; null for a file rejected before any parse (missing, empty, too large). */
    private PlainTextGate.Kind firstBytes(Path file) {
        try {
            long size = Files.size(file);
            if (size == 0 || size > limits.maxFileBytes()) {
                return null;
            }
            byte[] head = new byte[PlainTextGate.HEAD];
            int length;
            try (InputStream in = Files.newInputStream(file)) {
                length = in.readNBytes(head, 0, head.length);
            }
            return PlainTextGate.classify(head, length);
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public void close() {
        try {
            closeForked.run();
        } finally {
            inProcess.close();
        }
    }
}
