package dev.stacks.ingest;

import dev.stacks.app.Archive;
import dev.stacks.bench.Reuters21578;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * kill -9 in the middle of an ingest, then ingest again: every story is there exactly once, the
 * index opens and checks clean, the corpus holds no half-written file.
 */
class CrashSafetyTest {
    private static final Path REUTERS = Path.of("../shared/corpora/reuters21578");
    private static final int STORIES = 4000;

    @TempDir
    Path dir;

    @Test
    void an_ingest_killed_midway_and_run_again_has_every_story_exactly_once() throws Exception {
        assumeTrue(Files.isDirectory(REUTERS), "../shared is absent");
        Path stories = dir.resolve("stories");
        Files.createDirectories(stories);
        Set<String> distinct = new HashSet<>();
        try (Stream<Reuters21578.Story> all = Reuters21578.stream(REUTERS)) {
            for (Reuters21578.Story s : all.filter(Reuters21578.Story::hasBody).limit(STORIES).toList()) {
                String date = s.date() == null ? "" : "Date: " + s.date().toLocalDate() + "\n";
                String text = s.title() + "\n" + date + "\n" + s.dateline() + " " + s.body();
                Files.writeString(stories.resolve(s.newId() + ".txt"), text, StandardCharsets.UTF_8);
                distinct.add(sha256(text));
            }
        }
        Path corpus = dir.resolve("corpus");
        Path index = dir.resolve("index");

        Process child = new ProcessBuilder(javaBinary(), "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                "dev.stacks.cli.Main", "ingest", "--corpus", corpus.toString(), "--index", index.toString(), stories.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile())
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (originalsIn(corpus) < STORIES / 4 && child.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(child.isAlive()).as("the child was still ingesting when killed").isTrue();
        child.destroyForcibly(); // SIGKILL: no shutdown hook, no commit
        child.waitFor(30, TimeUnit.SECONDS);
        assertThat(originalsIn(corpus)).isBetween(STORIES / 4, STORIES - 1);

        try (Archive archive = Archive.open(corpus, index)) {
            IngestReport report = archive.ingestor().ingest(List.of(stories), FileFilter.defaults(), IngestListener.NONE);
            assertThat(report.rejected()).isEmpty();
            assertThat(archive.index().articleCount()).isEqualTo(distinct.size());
            assertThat(archive.index().ids()).hasSize(distinct.size());
        }
        assertThat(originalsIn(corpus)).isEqualTo(distinct.size());
        try (Archive archive = Archive.open(corpus, index)) {
            assertThat(archive.corpus().size()).isEqualTo(distinct.size());
            try (Stream<dev.stacks.corpus.OriginalRecord> records = archive.corpus().records()) {
                assertThat(records.filter(r -> "indexed".equals(r.outcome())).count()).isEqualTo(distinct.size());
            }
        }
        try (Stream<Path> leftovers = Files.list(corpus.resolve(".work"))) {
            assertThat(leftovers).isEmpty();
        }
        try (FSDirectory d = FSDirectory.open(index); CheckIndex check = new CheckIndex(d)) {
            assertThat(check.checkIndex().clean).isTrue();
        }
    }

    /** Originals stored: the files in the hash folders. */
    private static int originalsIn(Path corpus) throws IOException {
        Path originals = corpus.resolve("originals");
        if (!Files.isDirectory(originals)) {
            return 0;
        }
        try (Stream<Path> walk = Files.walk(originals, 2)) {
            return (int) walk.filter(p -> p.getFileName().toString().length() == 64).count();
        }
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
