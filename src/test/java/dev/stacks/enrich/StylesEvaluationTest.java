package dev.stacks.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Precision and recall on the second hand-checked set: 20 short plain-text articles in styles
 * other than wire copy (a local feature, a press release, a blog post, a Q/A transcript, court,
 * sports, an obituary, science, a 1926 newspaper, council minutes, a police appeal, a news digest
 * with many datelines, Spanish, French and Asian names, organisation-heavy pieces), written and
 * annotated by hand before the enricher was tuned on them (src/test/resources/gold/styles/ and
 * styles.jsonl; the conventions are those of the gold README).
 */
class StylesEvaluationTest {

    private static final Path DIR = Path.of("src/test/resources/gold/styles");
    private static final Path GOLD = Path.of("src/test/resources/gold/styles.jsonl");

    @Test
    void rule_based_enricher_finds_most_of_what_the_styles_gold_lists() throws IOException {
        ObjectMapper json = new ObjectMapper();
        GoldScore score = new GoldScore();
        for (String line : Files.readAllLines(GOLD, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode gold = json.readTree(line);
            String file = gold.get("file").asText();
            score.add(gold, Enrich.text(Files.readString(DIR.resolve(file), StandardCharsets.UTF_8)));
        }
        String report = score.report();
        System.out.print("gold/styles against gold/styles.jsonl\n" + report);

        assertThat(score.documents).isEqualTo(20);
        // floors well under the figures of the note (before tuning: dates P 0.95 R 0.90, people 0.81/0.81,
        // organisations 0.89/0.49, places 0.86/0.72, quotes 0.96/1.00, speakers 0.69/0.72)
        assertThat(score.dates.precision()).as(report).isGreaterThanOrEqualTo(0.9);
        assertThat(score.dates.recall()).as(report).isGreaterThanOrEqualTo(0.85);
        assertThat(score.people.precision()).as(report).isGreaterThanOrEqualTo(0.9);
        assertThat(score.people.recall()).as(report).isGreaterThanOrEqualTo(0.9);
        assertThat(score.orgs.precision()).as(report).isGreaterThanOrEqualTo(0.85);
        assertThat(score.orgs.recall()).as(report).isGreaterThanOrEqualTo(0.8);
        assertThat(score.places.precision()).as(report).isGreaterThanOrEqualTo(0.85);
        assertThat(score.places.recall()).as(report).isGreaterThanOrEqualTo(0.75);
        assertThat(score.quotes.precision()).as(report).isGreaterThanOrEqualTo(0.9);
        assertThat(score.quotes.recall()).as(report).isGreaterThanOrEqualTo(0.9);
        assertThat(score.speakers.precision()).as(report).isGreaterThanOrEqualTo(0.8);
        assertThat(score.speakers.recall()).as(report).isGreaterThanOrEqualTo(0.8);
    }
}
