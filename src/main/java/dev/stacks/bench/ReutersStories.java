package dev.stacks.bench;

import dev.stacks.bench.BenchReport.Conversion;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Stream;

/**
 * Turns Reuters-21578 into a folder of wire-story files, one per story that has a body (19,043),
 * the way a librarian would receive them: the title line, a {@code Date: YYYY-MM-DD} line, a blank
 * line, then the dateline and the body. With more than one copy, copy {@code k} is shifted {@code k}
 * years later (and so differs in its bytes and its ids), which makes a larger archive that still
 * reads like news: {@code copies = 26} gives about 495,000 documents.
 */
final class ReutersStories {
    private ReutersStories() {
    }

    static Conversion write(Path reutersDir, int copies, Path target) throws IOException {
        if (copies < 1) {
            throw new IllegalArgumentException("--scale must be at least 1, not " + copies);
        }
        long start = System.nanoTime();
        List<Reuters21578.Story> stories;
        try (Stream<Reuters21578.Story> all = Reuters21578.stream(reutersDir)) {
            stories = all.filter(Reuters21578.Story::hasBody).toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        long bytes = 0;
        for (int k = 0; k < copies; k++) {
            Path dir = Files.createDirectories(copies == 1 ? target : target.resolve(String.format("copy-%02d", k)));
            for (Reuters21578.Story story : stories) {
                byte[] text = text(story, k).getBytes(StandardCharsets.UTF_8);
                Files.write(dir.resolve(String.format("reut-%05d.txt", story.newId())), text);
                bytes += text.length;
            }
        }
        return new Conversion(reutersDir.toString(), stories.size(), copies, stories.size() * copies, bytes,
                (System.nanoTime() - start) / 1e9);
    }

    /** One story as a text file; copy {@code k} is dated {@code k} years later. */
    static String text(Reuters21578.Story story, int k) {
        StringBuilder b = new StringBuilder(story.body().length() + 200);
        b.append(story.title().isEmpty() ? "(no title)" : story.title()).append('\n');
        LocalDateTime date = story.date();
        if (date != null) {
            b.append("Date: ").append(date.plusYears(k).toLocalDate()).append('\n');
        } else if (k > 0) {
            b.append("Copy: ").append(k).append('\n'); // still distinct bytes without a date to shift
        }
        b.append('\n');
        if (!story.dateline().isEmpty()) {
            b.append(story.dateline()).append(' ');
        }
        return b.append(story.body()).append('\n').toString();
    }
}
