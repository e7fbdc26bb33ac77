package dev.stacks.extract;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class ForkedExtractorTest {
    private static final String STORY = "PORT STRIKE ENDS\n\nDock workers in Valparaiso returned to work on Monday, the union said.\n";

    @TempDir
    Path dir;

    private static ExtractionLimits limits(Duration timeout) {
        return new ExtractionLimits(100_000, 10 << 20, timeout, 10, 2, 10 << 20);
    }

    /** One worker whose parser misbehaves when the file name asks it to ({@link MisbehavingWorker}). */
    private ForkedExtractor misbehaving(Duration timeout, int heapMegabytes) {
        ExtractionLimits limits = limits(timeout);
        return new ForkedExtractor(limits, 1, WorkerCommand.of(MisbehavingWorker.class.getName(), limits, heapMegabytes, dir.resolve("work")));
    }

    private Path story() throws IOException {
        return Files.writeString(dir.resolve("story.txt"), STORY);
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** The extraction without the paths of saved attachments, which differ from one save to the next. */
    private static Extraction withoutFiles(Extraction e) {
        return new Extraction(e.text(), e.title(), e.contentType(), e.metadata(), e.status(), e.reason(), e.truncated(),
                e.attachments().stream().map(ForkedExtractorTest::withoutFiles).toList(), null);
    }

    /** One file of each format in the drop folder (when ../shared is there) and a message with an attachment. */
    private List<Path> formats() throws IOException {
        List<Path> files = new ArrayList<>();
        Path dropbox = Path.of("../shared/corpora/dropbox");
        if (Files.isDirectory(dropbox)) {
            try (Stream<Path> all = Files.list(dropbox)) {
                all.sorted().collect(java.util.stream.Collectors.toMap(
                        f -> f.getFileName().toString().replaceAll(".*\\.", ""), f -> f, (a, b) -> a, java.util.TreeMap::new))
                        .values().forEach(files::add);
            }
        }
        files.add(Files.writeString(dir.resolve("strike.eml"), "From: desk@example.org\r\nSubject: Port strike ends\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\n"
                + "Dock workers returned to work.\r\n--b\r\nContent-Type: text/plain\r\nContent-Disposition: attachment; filename=\"terms.txt\"\r\n\r\n"
                + "Wages rise by six percent.\r\n--b--\r\n"));
        return files;
    }

    @Test
    void a_worker_extracts_exactly_what_the_in_process_extractor_does() throws IOException {
        ExtractionLimits limits = ExtractionLimits.defaults();
        TikaExtractor inProcess = new TikaExtractor(limits, dir.resolve("in-process"));
        try (ForkedExtractor forked = new ForkedExtractor(limits, dir.resolve("forked"), 1)) {
            for (Path file : formats()) {
                String name = file.getFileName().toString();
                Extraction there = forked.extract(file, name);
                assertThat(withoutFiles(there)).as(name).isEqualTo(withoutFiles(inProcess.extract(file, name)));
                there.attachments().forEach(a -> assertThat(a.file()).as(name).exists().hasParent(dir.resolve("forked")));
            }
        }
    }

    @Test
    void a_runaway_parse_is_stopped_at_the_time_limit_and_the_next_file_gets_a_fresh_worker() throws IOException {
        try (ForkedExtractor extractor = misbehaving(Duration.ofSeconds(2), 128)) {
            Path story = story();
            assertThat(extractor.extract(story, "story.txt").status()).isEqualTo(ExtractionStatus.TEXT);
            long pid = extractor.pids().get(0);

            long start = System.nanoTime();
            Extraction runaway = extractor.extract(story, "spin.txt");
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(runaway.status()).isEqualTo(ExtractionStatus.REJECTED_TIMEOUT);
            assertThat(runaway.reason()).isEqualTo("timeout: parsing took longer than 2 s");
            assertThat(took).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(4));
            assertThat(alive(pid)).isFalse();

            Extraction next = extractor.extract(story, "story.txt");
            assertThat(next.status()).isEqualTo(ExtractionStatus.TEXT);
            assertThat(next.text()).contains("Dock workers in Valparaiso");
            assertThat(extractor.pids()).hasSize(1).doesNotContain(pid);
        }
    }

    @Test
    void a_parse_that_exhausts_the_workers_heap_is_reported_as_a_crash() throws IOException {
        try (ForkedExtractor extractor = misbehaving(Duration.ofSeconds(60), 64)) {
            Extraction e = extractor.extract(story(), "hog.txt");

            assertThat(e.status()).isEqualTo(ExtractionStatus.REJECTED_CORRUPT);
            assertThat(e.reason()).isEqualTo("the parser crashed: out of memory (the worker's heap is limited to 64 MB)");
            assertThat(extractor.extract(story(), "story.txt").status()).isEqualTo(ExtractionStatus.TEXT);
        }
    }

    @Test
    void a_worker_that_dies_is_reported_as_a_crash_with_its_exit_code() throws IOException {
        try (ForkedExtractor extractor = misbehaving(Duration.ofSeconds(60), 128)) {
            Extraction e = extractor.extract(story(), "halt.txt");

            assertThat(e.status()).isEqualTo(ExtractionStatus.REJECTED_CORRUPT);
            assertThat(e.reason()).isEqualTo("the parser crashed: the worker process ended with exit code 42");
            assertThat(extractor.extract(story(), "story.txt").status()).isEqualTo(ExtractionStatus.TEXT);
        }
    }

    @Test
    void what_a_library_prints_on_stdout_does_not_reach_the_protocol() throws IOException {
        try (ForkedExtractor extractor = misbehaving(Duration.ofSeconds(60), 128)) {
            Extraction e = extractor.extract(story(), "chatty.txt");

            assertThat(e.status()).isEqualTo(ExtractionStatus.TEXT);
            assertThat(e.text()).isEqualTo(STORY.strip());
        }
    }

    @Test
    void attachment_files_of_a_killed_worker_are_deleted() throws IOException {
        try (ForkedExtractor extractor = misbehaving(Duration.ofSeconds(1), 128)) {
            Extraction e = extractor.extract(story(), "litter.txt");

            assertThat(e.status()).isEqualTo(ExtractionStatus.REJECTED_TIMEOUT);
            try (Stream<Path> left = Files.list(dir.resolve("work"))) {
                assertThat(left).isEmpty();
            }
        }
    }

    @Test
    void workers_are_reused_across_files() throws IOException {
        try (ForkedExtractor extractor = misbehaving(Duration.ofSeconds(60), 128)) {
            Path story = story();
            extractor.extract(story, "story.txt");
            List<Long> pids = extractor.pids();
            for (int i = 0; i < 20; i++) {
                extractor.extract(story, "story.txt");
            }
            assertThat(extractor.pids()).isEqualTo(pids);
        }
    }

    @Test
    void workers_exit_when_the_extractor_is_closed() throws IOException {
        List<Long> pids;
        try (ForkedExtractor extractor = misbehaving(Duration.ofSeconds(60), 128)) {
            extractor.extract(story(), "story.txt");
            pids = extractor.pids();
        }
        assertThat(pids).hasSize(1);
        assertThat(alive(pids.get(0))).isFalse();
    }

    @Test
    void workers_exit_when_their_parent_is_killed() throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process parent = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                WorkerParent.class.getName(), dir.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<Long> workers = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8))) {
            String line = out.readLine();
            assertThat(line).startsWith("workers ");
            for (String pid : line.substring("workers ".length()).split(" ")) {
                workers.add(Long.parseLong(pid));
            }
            assertThat(workers).hasSize(2).allMatch(ForkedExtractorTest::alive);

            parent.destroyForcibly(); // SIGKILL: no shutdown hook runs
            parent.waitFor(10, TimeUnit.SECONDS);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (workers.stream().anyMatch(ForkedExtractorTest::alive) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(workers).noneMatch(ForkedExtractorTest::alive);
    }
}
