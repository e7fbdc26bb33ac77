package dev.stacks.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The recall targets of issue 4 on an evenly spread sample of Reuters-21578 (about 10 s). */
class ReutersEvaluationTest {

    private static final Path REUTERS = Path.of("../shared/corpora/reuters21578");

    @Test
    void recall_of_reuters_labels_meets_the_targets_within_the_speed_budget() {
        Assumptions.assumeTrue(Files.exists(REUTERS.resolve("reut2-000.sgm")), "Reuters-21578 not present");
        ReutersEvaluation.Report r = ReutersEvaluation.run(REUTERS, Enrich.ENRICHER, 4000);
        System.out.print(r);
        assertThat(r.documents()).isEqualTo(4000);
        // the targets of issue 4 are 0.85, 0.85 and 0.75; these floors keep what the enricher reaches (0.97, 0.99, 0.98)
        assertThat(r.placesRecall()).as(r.toString()).isGreaterThanOrEqualTo(0.95);
        assertThat(r.peopleRecall()).as(r.toString()).isGreaterThanOrEqualTo(0.95);
        assertThat(r.orgsRecall()).as(r.toString()).isGreaterThanOrEqualTo(0.95);
        assertThat(r.warmMsPer1000Words()).as(r.toString()).isLessThan(5.0);
    }
}
