package dev.stacks.extract;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RoutingExtractorTest {
    @TempDir
    Path dir;

    /** Stands in for the forked extractor: records which files, with which detected type, it was given. */
    private static final class Recording implements TypedExtractor {
        final List<String> files = new ArrayList<>();
        boolean closed;

        @Override
        public Extraction extract(Path file, String fileName, String contentType) {
            files.add(fileName + " " + contentType);
            return Extraction.failed(contentType, ExtractionStatus.NO_TEXT, "recorded");
        }
    }

    private Path write(String name, String text) throws IOException {
        return write(name, text.getBytes(StandardCharsets.UTF_8));
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    @Test
    void plain_text_stays_in_process_and_everything_else_goes_to_the_workers() throws IOException {
        Recording forked = new Recording();
        ExtractionLimits limits = new ExtractionLimits(1000, 1000, Duration.ofSeconds(5), 10, 2);
        List<String> inProcess = new ArrayList<>();
        try (RoutingExtractor routing = new RoutingExtractor(limits, new TikaExtractor(limits), forked, () -> forked.closed = true)) {
            for (Path file : List.of(
                    write("story.txt", "PORT STRIKE ENDS\n\nDock workers returned."),
                    write("quoted.txt", "(CORRECTED) - PORT STRIKE ENDS\n\nDock workers returned."),
                    write("note.md", "# Heading\n\nText."),
                    write("page.html", "<html><body>x</body></html>"),
                    write("actually-a-png.txt", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'}),
                    write("message.eml", "From: desk@example.org\r\nSubject: strike\r\n\r\nBody."),
                    write("utf16.txt", "\uFEFFPORT STRIKE ENDS".getBytes(StandardCharsets.UTF_16LE)),
                    write("empty.pdf", new byte[0]),
                    write("big.txt", new byte[1001]))) {
                String name = file.getFileName().toString();
                if (!"recorded".equals(routing.extract(file, name).reason())) {
                    inProcess.add(name);
                }
            }
        }
        assertThat(inProcess).containsExactly("story.txt", "quoted.txt", "note.md", "utf16.txt", "empty.pdf", "big.txt");
        // binary files are detected by the worker (a container opened for detection is reused by its parser)
        assertThat(forked.files).containsExactly("page.html text/html", "actually-a-png.txt null", "message.eml message/rfc822");
        assertThat(forked.closed).isTrue();
    }

    @Test
    void plain_text_routed_in_process_is_extracted_as_the_extractor_alone_would_with_the_type_its_name_refines() throws IOException {
        ExtractionLimits limits = new ExtractionLimits(1000, 1000, Duration.ofSeconds(5), 10, 2);
        Recording forked = new Recording();
        String story = "PORT STRIKE ENDS\n\nDock workers re-\nturned to work.\n";
        try (TikaExtractor alone = new TikaExtractor(limits);
             RoutingExtractor routing = new RoutingExtractor(limits, new TikaExtractor(limits), forked, () -> { })) {
            for (String name : new String[] {"story.txt", "story.md", "story.csv", "story", null}) {
                Path file = write(name == null ? "unnamed" : name, story);
                Extraction routed = routing.extract(file, name);
                assertThat(routed).as(name).isEqualTo(alone.extract(file, name));
            }
            assertThat(routing.extract(dir.resolve("story.md"), "story.md").contentType()).isEqualTo("text/markdown");
        }
        assertThat(forked.files).isEmpty();
    }
}
