package dev.stacks.extract;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class ExtractionLeftoversTest {
    @TempDir
    Path work;

    @Test
    void attachment_files_and_worker_folders_are_removed_and_nothing_else() throws IOException {
        Files.writeString(work.resolve("attachment-123-456.bin"), "an attachment never archived");
        Path worker = Files.createDirectories(work.resolve("worker-789"));
        Files.writeString(worker.resolve("apache-tika-1.tmp"), "a parser's temporary file");
        Files.writeString(work.resolve("incoming-1.part"), "not extraction's");

        int removed = ExtractionLeftovers.remove(work);

        assertThat(removed).isEqualTo(2);
        try (Stream<Path> left = Files.list(work)) {
            assertThat(left).containsExactly(work.resolve("incoming-1.part"));
        }
    }
}
