package dev.stacks.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.stacks.app.Archive;
import dev.stacks.ingest.FileFilter;
import dev.stacks.ingest.FileResult;
import dev.stacks.ingest.IngestReport;
import dev.stacks.ingest.Outcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Ingests files and folders: keeps each original in the corpus, extracts, enriches and indexes it.",
                "Already archived files are skipped. Exits with 3 when any file was rejected."})
final class IngestCommand implements Callable<Integer> {
    @Mixin
    ArchiveOptions archive;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or folders (walked recursively).")
    List<Path> paths;

    @Option(names = "--report", paramLabel = "FILE",
            description = "Where to write the per-file JSON report (default: a new file under <corpus>/.stacks/reports/).")
    Path report;

    @Option(names = "--threads", defaultValue = "0", description = "Worker threads (default: one per core).")
    int threads;

    @Option(names = "--include-all", description = "Also take hidden files and README*/MANIFEST* files, which are skipped by default.")
    boolean includeAll;

    @Override
    public Integer call() throws Exception {
        int workers = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        IngestReport result;
        try (Archive a = Archive.open(archive.corpus, archive.index, dev.stacks.extract.ExtractionLimits.defaults(),
                dev.stacks.app.Enrichers.standard(), workers)) {
            FileFilter filter = includeAll ? new FileFilter(true, List.of()) : FileFilter.defaults();
            result = a.ingestor().ingest(paths, filter, new Progress(System.err));
        }
        printSummary(result);
        Path reportFile = report != null ? report : defaultReport(archive.corpus);
        writeReport(result, reportFile);
        System.out.println("report: " + reportFile);
        return result.rejected().isEmpty() ? 0 : 3;
    }

    static void printSummary(IngestReport result) {
        Map<Outcome, Integer> counts = result.counts();
        double seconds = Math.max(0.001, result.elapsed().toMillis() / 1000.0);
        System.out.printf("%d files in %.1f s (%.0f files/s, %.1f MB/s)%n", result.files().size(), seconds,
                result.files().size() / seconds, result.bytes() / 1e6 / seconds);
        counts.forEach((outcome, n) -> {
            if (n > 0) {
                System.out.printf("  %-18s %d%n", outcome.label(), n);
            }
        });
        for (FileResult r : result.rejected()) {
            System.out.println("  rejected: " + r.file() + ": " + r.reason());
        }
    }

    /** corpus/.stacks/reports/ingest-20261129-041530.json: one per run, so runs can be compared later. */
    static Path defaultReport(Path corpus) {
        String stamp = java.time.LocalDateTime.now().format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        return corpus.resolve(".stacks").resolve("reports").resolve("ingest-" + stamp + ".json");
    }

    static void writeReport(IngestReport result, Path file) throws java.io.IOException {
        if (file.getParent() != null) {
            java.nio.file.Files.createDirectories(file.getParent());
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("files", result.files().size());
        json.put("elapsedMs", result.elapsed().toMillis());
        Map<String, Integer> counts = new LinkedHashMap<>();
        result.counts().forEach((o, n) -> counts.put(o.label(), n));
        json.put("outcomes", counts);
        json.put("results", result.files().stream().map(r -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("file", r.file());
            m.put("outcome", r.outcome().label());
            m.put("reason", r.reason());
            m.put("id", r.id());
            m.put("title", r.title());
            return m;
        }).toList());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), json);
    }
}
