package dev.stacks.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The bench end to end in quick mode, on a small folder of generated stories: the report's fields, not its timings. */
class BenchCommandTest {
    private static final String[] VOCABULARY = ("market shares bonds harbour strike minister coffee harvest rains growers "
            + "cartel port union workers council election budget deficit exports imports tariff treaty summit embassy "
            + "drought flood pipeline refinery mine copper silver wheat maize cattle railway airline tanker").split(" ");

    @Test
    void quick_ingest_bench_reports_throughput_enrichment_and_latencies_for_every_file(@TempDir Path dir) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("stories"));
        writeStories(folder, 20, new Random(7));
        Path json = dir.resolve("bench.json");

        int exit = new CommandLine(new BenchCommand()).execute("ingest", folder.toString(), "--quick",
                "--work", dir.resolve("work").toString(), "--json", json.toString());

        assertThat(exit).isEqualTo(0);
        JsonNode report = new ObjectMapper().readTree(json.toFile());
        JsonNode ingest = report.get("ingest");
        assertThat(ingest.get("files").asInt()).isEqualTo(20);
        assertThat(ingest.get("outcomes").get("indexed").asInt()).isEqualTo(20);
        assertThat(ingest.get("fullRuns")).hasSize(1);
        assertThat(ingest.get("full").get("docsPerSecond").asDouble()).isPositive();
        assertThat(ingest.get("extractionAlone").get("mbPerSecond").asDouble()).isPositive();
        assertThat(ingest.get("fullToExtraction").asDouble()).isPositive();
        assertThat(ingest.get("plainTika").get("docsPerSecond").asDouble()).isPositive();
        assertThat(ingest.get("fullToTika").asDouble()).isPositive();
        assertThat(ingest.get("coldPass").get("docsPerSecond").asDouble()).isPositive();
        assertThat(ingest.get("enrichment").get("articles").asInt()).isEqualTo(20);
        assertThat(ingest.get("enrichment").get("msPer1000Words").asDouble()).isPositive();

        JsonNode query = report.get("query");
        assertThat(query.get("documents").asInt()).isEqualTo(20);
        assertThat(query.get("mixSize").asInt()).isPositive();
        assertThat(query.get("findNothing")).isEmpty();
        List<String> modes = new ArrayList<>();
        for (JsonNode latency : query.get("latencies")) {
            modes.add(latency.get("mode").asText() + " " + latency.get("clients").asInt());
            assertThat(latency.get("errors").asInt()).as(latency.toString()).isZero();
            assertThat(latency.get("queries").asInt()).isEqualTo(query.get("mixSize").asInt() * latency.get("clients").asInt());
            assertThat(latency.get("p99Ms").asDouble()).isGreaterThanOrEqualTo(latency.get("p50Ms").asDouble());
            assertThat(latency.get("cpuMsPerQuery").asDouble()).as(latency.toString()).isPositive();
        }
        assertThat(query.get("p99ByKindHttpMs").has("rare")).isTrue();
        assertThat(modes).containsExactly("in-process 1", "in-process 4", "HTTP 1", "HTTP 4",
                "HTTP, client process 1", "HTTP, client process 4");
        assertThat(query.get("heapUsedBytes").asLong()).isPositive();
        // the slowest queries of the mix, named with their median latency, slowest first
        assertThat(query.get("slowest")).isNotEmpty().hasSizeLessThanOrEqualTo(5);
        assertThat(query.get("slowest").get(0).asText()).matches("\\d+\\.\\d\\d  \\w+/\\w+: .*");
        // a researcher's next steps, each timed from scratch and with the counts kept
        assertThat(query.get("nextSteps")).extracting(s -> s.get("step").asText())
                .containsExactly("a facet value clicked", "the next page");
        for (JsonNode step : query.get("nextSteps")) {
            assertThat(step.get("queries").asInt()).isPositive();
            assertThat(step.get("reusedP99Ms").asDouble()).isGreaterThanOrEqualTo(step.get("reusedP50Ms").asDouble()).isPositive();
            assertThat(step.get("scratchP99Ms").asDouble()).isGreaterThanOrEqualTo(step.get("scratchP50Ms").asDouble()).isPositive();
        }
        // the page's one timeline request beside each search, and the two it replaced
        JsonNode timeline = query.get("timeline");
        assertThat(timeline.get("queries").asInt()).isPositive();
        assertThat(timeline.get("autoP99Ms").asDouble()).isGreaterThanOrEqualTo(timeline.get("autoP50Ms").asDouble()).isPositive();
        assertThat(timeline.get("yearsThenMonthsP99Ms").asDouble())
                .isGreaterThanOrEqualTo(timeline.get("yearsThenMonthsP50Ms").asDouble()).isPositive();
        // drilling into the commonest place (these stories name none: the top level) and year after each search
        JsonNode drill = query.get("drill");
        assertThat(drill.get("place").asText()).isEmpty();
        assertThat(drill.get("year").asText()).matches("\\d{4}");
        assertThat(drill.get("placeP99Ms").asDouble()).isGreaterThanOrEqualTo(drill.get("placeP50Ms").asDouble()).isPositive();
        assertThat(drill.get("yearP99Ms").asDouble()).isGreaterThanOrEqualTo(drill.get("yearP50Ms").asDouble()).isPositive();
        assertThat(Files.list(dir.resolve("work")).map(p -> p.getFileName().toString())).contains("run-1");
    }

    @Test
    void a_bench_needs_its_folder_once() {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new BenchCommand());
        cli.setErr(new PrintWriter(err));

        int exit = cli.execute("ingest", "--quick");

        assertThat(exit).isNotZero();
        assertThat(err.toString()).contains("give the folder to ingest once: as PATH or as --folder DIR");
    }

    /** Stories whose words are drawn with skewed frequencies, so that rare, medium and common words exist. */
    static void writeStories(Path folder, int count, Random random) throws IOException {
        for (int i = 0; i < count; i++) {
            StringBuilder body = new StringBuilder();
            for (int sentence = 0; sentence < 8; sentence++) {
                for (int w = 0; w < 12; w++) {
                    int index = (int) (VOCABULARY.length * Math.pow(random.nextDouble(), 3));
                    body.append(w == 0 ? "" : " ").append(VOCABULARY[index]);
                }
                body.append(". ");
            }
            body.append("Unique word story").append((char) ('a' + i % 26)).append("x.");
            String text = "Story number " + i + "\nDate: 1987-03-" + String.format("%02d", 1 + i % 28) + "\n\n" + body + "\n";
            Files.writeString(folder.resolve(String.format("story-%02d.txt", i)), text, StandardCharsets.UTF_8);
        }
    }
}
