package dev.stacks.cli;

import dev.stacks.api.ApiKeys;
import dev.stacks.api.ApiServer;
import dev.stacks.api.ServerOptions;
import dev.stacks.app.Archive;
import dev.stacks.ingest.FileFilter;
import dev.stacks.ingest.IngestReport;
import io.javalin.Javalin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serves the search page and the JSON API.",
                "With --ingest, first ingests those files or folders (already archived ones are skipped quickly)."})
final class ServeCommand implements Callable<Integer> {
    @Mixin
    ArchiveOptions archive;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to bind (default: ${DEFAULT-VALUE}, this machine only).")
    String host;

    @Option(names = "--port", defaultValue = "7070", description = "Port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--web", defaultValue = "web", paramLabel = "DIR", description = "Folder of the search page (default: ${DEFAULT-VALUE}).")
    Path web;

    @Option(names = "--ingest", paramLabel = "PATH", description = "Ingest these files or folders before serving (repeatable).")
    List<Path> ingest = List.of();

    @Option(names = "--inbox", paramLabel = "DIR", description = "Watch this folder and ingest files dropped into it (never writes to it).")
    Path inbox;

    @Option(names = "--max-upload-mb", defaultValue = "100", description = "Largest upload accepted (default: ${DEFAULT-VALUE} MB).")
    long maxUploadMb;

    @Option(names = "--require-key-for-reads", description = "Searching and reading need an API key too.")
    boolean keyForReads;

    @Option(names = "--cors-origin", paramLabel = "ORIGIN", description = "Allow browser calls from this origin (repeatable; off by default).")
    List<String> corsOrigins = List.of();

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port must be between 0 and 65535");
        }
        try (Archive a = Archive.open(archive.corpus, archive.index)) {
            if (!ingest.isEmpty()) {
                IngestReport report = a.ingestor().ingest(ingest, FileFilter.defaults(), new Progress(System.err));
                IngestCommand.printSummary(report);
            } else if (a.index().articleCount() == 0 && a.corpus().records().findAny().isPresent()) {
                System.out.println("the index is empty but the corpus is not: rebuilding the index from the corpus");
                IngestCommand.printSummary(a.ingestor().reindex(new Progress(System.err)));
            }
            ApiKeys keys = new ApiKeys(ApiKeys.fileIn(archive.corpus));
            if (keys.isEmpty()) {
                String key = keys.create("admin");
                System.out.println("no API key existed, so one named 'admin' was created; uploads and deletes need it.");
                System.out.println("It is shown only this once: " + key);
            }
            ServerOptions options = new ServerOptions(web, maxUploadMb * 1024 * 1024, 120, keyForReads, corsOrigins);
            Javalin app = ApiServer.create(a, keys, options);
            dev.stacks.ingest.InboxWatcher watcher = null;
            if (inbox != null) {
                watcher = new dev.stacks.ingest.InboxWatcher(inbox, a.ingestor(), () -> { });
                watcher.start(2000);
                System.out.println("watching the inbox " + inbox);
            }
            CountDownLatch stopped = new CountDownLatch(1);
            CountDownLatch closed = new CountDownLatch(1);
            // on Ctrl-C or SIGTERM: stop taking requests, then let the main thread commit and close the index
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                app.stop();
                stopped.countDown();
                try {
                    closed.await(30, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "stacks-shutdown"));
            try {
                app.start(host, port);
                System.out.printf("Stacks is serving %d documents at http://%s:%d/%n", a.index().articleCount(),
                        host.contains(":") ? "[" + host + "]" : host, app.port());
                System.out.flush();
                stopped.await();
            } finally {
                if (watcher != null) {
                    watcher.close();
                }
                a.close();
                closed.countDown();
            }
        }
        return 0;
    }
}
