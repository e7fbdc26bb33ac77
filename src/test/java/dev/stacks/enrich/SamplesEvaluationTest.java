package dev.stacks.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stacks.extract.Extraction;
import dev.stacks.extract.ExtractionLimits;
import dev.stacks.extract.TikaExtractor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Precision and recall of the rule-based enricher on the 16 sample articles of corpus/samples,
 * against the hand-written gold annotations (src/test/resources/gold/samples.jsonl, whose README
 * gives the conventions). Values are compared as sets per document and summed over documents.
 */
class SamplesEvaluationTest {

    private static final Path SAMPLES = Path.of("corpus/samples");
    private static final Path GOLD = Path.of("src/test/resources/gold/samples.jsonl");

    @Test
    void rule_based_enricher_finds_most_of_what_the_sample_gold_lists() throws IOException {
        Assumptions.assumeTrue(Files.exists(GOLD) && Files.isDirectory(SAMPLES), "samples or gold missing");
        ObjectMapper json = new ObjectMapper();
        GoldScore score = new GoldScore();
        try (TikaExtractor extractor = new TikaExtractor(ExtractionLimits.defaults())) {
            for (String line : Files.readAllLines(GOLD)) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode gold = json.readTree(line);
                String file = gold.get("file").asText();
                Extraction x = extractor.extract(SAMPLES.resolve(file), file);
                score.add(gold, Enrich.ENRICHER.enrich(file, x, new Source(file, x.contentType(), "sample", "", 0)));
            }
        }
        String report = score.report();
        System.out.print("corpus/samples against gold/samples.jsonl\n" + report);

        assertThat(score.dates.hit).as(report).isGreaterThanOrEqualTo(score.documents - 1);
        assertThat(score.people.precision()).as(report).isGreaterThanOrEqualTo(0.9);
        assertThat(score.people.recall()).as(report).isGreaterThanOrEqualTo(0.9);
        assertThat(score.orgs.precision()).as(report).isGreaterThanOrEqualTo(0.85);
        assertThat(score.orgs.recall()).as(report).isGreaterThanOrEqualTo(0.85);
        assertThat(score.places.precision()).as(report).isGreaterThanOrEqualTo(0.85);
        assertThat(score.places.recall()).as(report).isGreaterThanOrEqualTo(0.85);
        assertThat(score.quotes.recall()).as(report).isGreaterThanOrEqualTo(0.9);
        assertThat(score.speakers.precision()).as(report).isGreaterThanOrEqualTo(0.9);
        assertThat(score.speakers.recall()).as(report).isGreaterThanOrEqualTo(0.9);
    }
}
