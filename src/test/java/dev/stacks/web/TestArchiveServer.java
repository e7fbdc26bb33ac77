package dev.stacks.web;

import dev.stacks.api.ApiKeys;
import dev.stacks.api.ApiServer;
import dev.stacks.api.ServerOptions;
import dev.stacks.app.Archive;
import dev.stacks.extract.ExtractionLimits;
import dev.stacks.ingest.FileFilter;
import dev.stacks.ingest.FileResult;
import dev.stacks.ingest.IngestListener;
import dev.stacks.ingest.IngestReport;
import io.javalin.Javalin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A real archive (Tika, Lucene) in a temporary folder, holding the sample articles and, when
 * {@code ../shared} is present, the hostile {@code xss-payloads.html} and the oddly named
 * Zürich report, served by the real Javalin server with the real page on a free loopback port.
 */
final class TestArchiveServer implements AutoCloseable {
    /** Where the shared corpora live: {@code ../shared} unless {@code -Dstacks.shared=…} says otherwise. */
    static final Path SHARED = Path.of(System.getProperty("stacks.shared", "../shared"));
    static final Path BAD_INPUTS = SHARED.resolve("corpora/bad-inputs");
    static final Path XSS_FILE = BAD_INPUTS.resolve("xss-payloads.html");
    static final String ZURICH_NAME = "Zürich report – März 1987 (final copy).txt";
    static final Path ZURICH_FILE = BAD_INPUTS.resolve(ZURICH_NAME);

    private final Archive archive;
    private final Javalin app;
    private final String key;
    private final IngestReport report;

    private TestArchiveServer(Archive archive, Javalin app, String key, IngestReport report) {
        this.archive = archive;
        this.app = app;
        this.key = key;
        this.report = report;
    }

    /** The sample archive (with the hostile files when ../shared is present) behind the default server options. */
    static TestArchiveServer start(Path dir) throws IOException {
        List<Path> inputs = new ArrayList<>(List.of(Path.of("corpus/samples")));
        if (Files.isRegularFile(XSS_FILE)) {
            inputs.add(XSS_FILE);
        }
        if (Files.isRegularFile(ZURICH_FILE)) {
            inputs.add(ZURICH_FILE);
        }
        return start(dir, inputs, ServerOptions.defaults(Path.of("web")));
    }

    /** An empty archive whose server allows only this many writes a minute (after a burst of 10). */
    static TestArchiveServer startEmpty(Path dir, int writesPerMinute) throws IOException {
        ServerOptions defaults = ServerOptions.defaults(Path.of("web"));
        return start(dir, List.of(), new ServerOptions(defaults.webDir(), defaults.maxUploadBytes(), writesPerMinute,
                defaults.keyForReads(), defaults.corsOrigins()));
    }

    private static TestArchiveServer start(Path dir, List<Path> inputs, ServerOptions options) throws IOException {
        Path corpus = dir.resolve("corpus");
        Path index = dir.resolve("index");
        Files.createDirectories(corpus);
        Archive archive = Archive.open(corpus, index, ExtractionLimits.defaults(), new GoldEnricher(), 2);
        try {
            IngestReport report = archive.ingestor().ingest(inputs, FileFilter.defaults(), IngestListener.NONE);
            String key = new ApiKeys(ApiKeys.fileIn(corpus)).create("tester");
            Javalin app = ApiServer.create(archive, new ApiKeys(ApiKeys.fileIn(corpus)), options);
            app.start("127.0.0.1", 0);
            return new TestArchiveServer(archive, app, key, report);
        } catch (IOException | RuntimeException e) {
            archive.close();
            throw e;
        }
    }

    boolean hasXssFile() {
        return Files.isRegularFile(XSS_FILE);
    }

    boolean hasZurichFile() {
        return Files.isRegularFile(ZURICH_FILE);
    }

    /** The page's address, e.g. http://127.0.0.1:41234/ */
    String url() {
        return "http://127.0.0.1:" + app.port() + "/";
    }

    String apiKey() {
        return key;
    }

    String ingestSummary() {
        return report.files().stream().collect(Collectors.groupingBy(r -> r.outcome().label(), Collectors.counting())).toString();
    }

    List<FileResult> ingested() {
        return report.files();
    }

    @Override
    public void close() throws IOException {
        try {
            app.stop();
        } finally {
            archive.close();
        }
    }
}
