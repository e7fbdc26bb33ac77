package dev.stacks.bench;

import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReutersStoriesTest {
    static final Reuters21578.Story COCOA = new Reuters21578.Story(1, LocalDateTime.of(1987, 2, 26, 15, 1, 1),
            "BAHIA COCOA REVIEW", "SALVADOR, Feb 26 -", "Showers continued throughout the week.",
            List.of("cocoa"), List.of("el-salvador"), List.of(), List.of());

    @Test
    void a_story_reads_like_a_wire_file_with_title_date_dateline_and_body() {
        assertThat(ReutersStories.text(COCOA, 0)).isEqualTo(
                "BAHIA COCOA REVIEW\nDate: 1987-02-26\n\nSALVADOR, Feb 26 - Showers continued throughout the week.\n");
    }

    @Test
    void copy_k_is_dated_k_years_later() {
        assertThat(ReutersStories.text(COCOA, 3)).startsWith("BAHIA COCOA REVIEW\nDate: 1990-02-26\n");
    }
}
