package dev.stacks.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stacks.app.Archive;
import dev.stacks.search.DocumentView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The librarian's drop folder: 240 stories in 9 formats, with the title and date of each in MANIFEST.jsonl. */
class DropboxTest {
    private static final Path DROPBOX = Path.of("../shared/corpora/dropbox");

    @TempDir
    Path dir;

    @Test
    void every_file_ingests_and_titles_and_dates_match_the_manifest() throws Exception {
        assumeTrue(Files.isDirectory(DROPBOX), "../shared is absent");
        Map<String, JsonNode> manifest = new HashMap<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(DROPBOX.resolve("MANIFEST.jsonl"))) {
            if (!line.isBlank()) {
                JsonNode node = json.readTree(line);
                manifest.put(node.get("file").asText(), node);
            }
        }
        try (Archive archive = Archive.open(dir.resolve("corpus"), dir.resolve("index"))) {
            IngestReport report = archive.ingestor().ingest(List.of(DROPBOX), FileFilter.defaults(), IngestListener.NONE);
            assertThat(report.files()).hasSize(240);
            assertThat(report.rejected()).isEmpty();

            int titles = 0;
            int dates = 0;
            List<String> misses = new ArrayList<>();
            for (FileResult file : report.files()) {
                JsonNode expected = manifest.get(file.file());
                DocumentView doc = archive.search().document(file.id(), null).orElseThrow();
                boolean titleOk = same(doc.title(), expected.get("title").asText());
                boolean dateOk = expected.get("date").asText().equals(doc.date());
                titles += titleOk ? 1 : 0;
                dates += dateOk ? 1 : 0;
                if (!titleOk || !dateOk) {
                    misses.add(file.file() + ": title=" + doc.title() + " date=" + doc.date() + " (" + doc.dateSource() + ")");
                }
                if (file.file().endsWith(".html")) {
                    // the site's header, navigation, search form, sidebar and footer are not article text
                    assertThat(doc.text()).as(file.file()).doesNotContain("Newswire Archive", "About the archive", "Archive tools",
                            "Print this page", "How to cite", "RSS feeds", "Terms of use", "Contact the librarians");
                }
            }
            System.out.printf("dropbox: titles %d/240, dates %d/240%n", titles, dates);
            misses.forEach(m -> System.out.println("  miss: " + m));
            assertThat(titles / 240.0).as("titles matching the manifest").isGreaterThanOrEqualTo(0.98);
            assertThat(dates / 240.0).as("dates matching the manifest").isGreaterThanOrEqualTo(0.98);
        }
    }

    /** Titles compare as text: case, spacing and quote glyphs aside. */
    private static boolean same(String actual, String expected) {
        return actual != null && normal(actual).equals(normal(expected));
    }

    private static String normal(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC).replaceAll("[\u2018\u2019]", "'").replaceAll("[\u201C\u201D]", "\"")
                .replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
    }
}
