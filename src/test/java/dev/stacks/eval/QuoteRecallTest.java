package dev.stacks.eval;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class QuoteRecallTest {
    private static final Path REUTERS = Path.of("../shared/corpora/reuters21578");

    @TempDir
    Path work;

    @Test
    void half_remembered_quotes_find_their_story_at_rank_one() throws Exception {
        assumeTrue(Files.isDirectory(REUTERS), "../shared is absent");
        QuoteRecallEvaluation.Report report = QuoteRecallEvaluation.run(REUTERS, work, 3000, 60, 7);
        System.out.print(report);
        assertThat(report.passages()).isEqualTo(60);
        report.recall().forEach((kind, recall) -> assertThat(recall[0]).as(kind + " recall@1").isGreaterThanOrEqualTo(0.95));
    }
}
