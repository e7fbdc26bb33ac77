package dev.stacks.bench;

import dev.stacks.app.Archive;
import dev.stacks.app.Enrichers;
import dev.stacks.bench.BenchReport.Conversion;
import dev.stacks.bench.BenchReport.QueryFigures;
import dev.stacks.extract.ExtractionLimits;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code stacks bench}: ingest throughput (full pipeline against extraction alone, enrichment alone)
 * and query latency (in-process and over HTTP, one and four clients), as medians over repeated runs,
 * printed as a table and optionally written as JSON. Works in a folder of its own; never touches the
 * archive in {@code ./corpus} and {@code ./index} unless {@code bench query --index} names one.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measures ingest throughput and query latency; prints a table (medians over repeated runs).",
                "  bench ingest PATH        a folder of documents: ingest, then queries over the index it built",
                "  bench reuters            the 19,043 Reuters-21578 stories with a body, one .txt file each",
                "  bench query --index DIR  queries only, over an existing archive's index (not in use by a server)"},
        subcommands = {BenchCommand.Ingest.class, BenchCommand.Reuters.class, BenchCommand.Query.class})
public final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    /** Runs the bench alone ({@code java -cp stacks.jar dev.stacks.bench.BenchCommand …}). */
    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchCommand()).execute(args));
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(System.out);
        return 0;
    }

    @Command(name = "ingest", mixinStandardHelpOptions = true,
            description = "Ingests a folder into fresh temporary archives (full pipeline against extraction alone), then queries the last one.")
    static final class Ingest implements Callable<Integer> {
        @Mixin
        BenchOptions options;

        @Parameters(arity = "0..1", paramLabel = "PATH", description = "The folder of documents (or use --folder).")
        Path path;

        @Option(names = "--folder", paramLabel = "DIR", description = "The folder of documents.")
        Path folder;

        @Option(names = "--no-query", description = "Measure ingest only.")
        boolean noQuery;

        @Override
        public Integer call() throws IOException {
            if ((path == null) == (folder == null)) {
                throw new IllegalArgumentException("give the folder to ingest once: as PATH or as --folder DIR");
            }
            Path source = path != null ? path : folder;
            if (!Files.isDirectory(source)) {
                throw new IllegalArgumentException("not a folder: " + source);
            }
            try (WorkFolder work = open(options)) {
                return ingestAndQuery(options, "ingest " + source, source, null, work, !noQuery);
            }
        }
    }

    @Command(name = "reuters", mixinStandardHelpOptions = true,
            description = "Converts Reuters-21578 into one .txt file per story with a body, then benches it as 'bench ingest' does.")
    static final class Reuters implements Callable<Integer> {
        @Mixin
        BenchOptions options;

        @Option(names = "--reuters", paramLabel = "DIR", defaultValue = "../shared/corpora/reuters21578",
                description = "The Reuters-21578 distribution (reut2-*.sgm) (default: ${DEFAULT-VALUE}).")
        Path reuters;

        @Option(names = "--scale", paramLabel = "N", defaultValue = "1",
                description = "Copies of the stories, copy k dated k years later (26 gives about 495,000 documents; default 1).")
        int scale;

        @Option(names = "--no-query", description = "Measure ingest only.")
        boolean noQuery;

        @Override
        public Integer call() throws IOException {
            if (!Files.isDirectory(reuters)) {
                throw new IllegalArgumentException("no Reuters-21578 folder at " + reuters + ": give it with --reuters DIR");
            }
            try (WorkFolder work = open(options)) {
                Path stories = work.fresh("stories");
                System.err.printf("converting %s into %s …%n", reuters, stories);
                Conversion conversion = ReutersStories.write(reuters, scale, stories);
                String what = "Reuters-21578, " + conversion.files() + " stories" + (scale > 1 ? " (" + scale + " copies)" : "");
                return ingestAndQuery(options, what, stories, conversion, work, !noQuery);
            }
        }
    }

    @Command(name = "query", mixinStandardHelpOptions = true,
            description = "Query latency over an existing archive's index. Stop any server using it first: it is opened for writing.")
    static final class Query implements Callable<Integer> {
        @Mixin
        BenchOptions options;

        @Option(names = "--index", paramLabel = "DIR", required = true, description = "The index folder.")
        Path index;

        @Option(names = "--corpus", paramLabel = "DIR",
                description = "The archive's corpus folder (default: an empty one in the work folder; searching needs no original).")
        Path corpus;

        @Override
        public Integer call() throws IOException {
            if (!Files.isDirectory(index)) {
                throw new IllegalArgumentException("no index folder at " + index);
            }
            try (WorkFolder work = open(options)) {
                Path corpusDir = corpus != null ? corpus : work.fresh("corpus");
                BenchSettings settings = options.settings();
                QueryFigures figures;
                try (Archive archive = Archive.open(corpusDir, index, ExtractionLimits.defaults(), Enrichers.standard(), settings.threads())) {
                    figures = new QueryBench(settings, options.web, System.err).run(archive, corpusDir);
                }
                return finish(options, new BenchReport("query " + index, BenchReport.Environment.current(), settings,
                        null, null, figures));
            }
        }
    }

    private static WorkFolder open(BenchOptions options) throws IOException {
        WorkFolder work = options.work != null ? WorkFolder.named(options.work) : WorkFolder.temporary();
        // the server logs every request and Tika warns about odd files: into a file, as a deployed server would,
        // rather than onto the terminal between the figures (takes effect only if logging has not started yet)
        if (System.getProperty("org.slf4j.simpleLogger.logFile") == null) {
            System.setProperty("org.slf4j.simpleLogger.logFile", work.root().resolve("bench.log").toString());
        }
        System.err.println("working in " + work.root());
        return work;
    }

    private static int ingestAndQuery(BenchOptions options, String what, Path folder, Conversion conversion,
                                      WorkFolder work, boolean query) throws IOException {
        BenchSettings settings = options.settings();
        PrintStream log = System.err;
        IngestBench.Result ingest = new IngestBench(settings, log).run(folder, work);
        QueryFigures figures = null;
        if (query) {
            try (Archive archive = Archive.open(ingest.corpus(), ingest.index(), ExtractionLimits.defaults(),
                    Enrichers.standard(), settings.threads())) {
                figures = new QueryBench(settings, options.web, log).run(archive, ingest.corpus());
            }
        }
        return finish(options, new BenchReport(what, BenchReport.Environment.current(), settings, conversion,
                ingest.figures(), figures));
    }

    private static int finish(BenchOptions options, BenchReport report) throws IOException {
        report.print(System.out);
        if (options.json != null) {
            report.write(options.json);
            System.out.println("figures written to " + options.json);
        }
        return 0;
    }
}
