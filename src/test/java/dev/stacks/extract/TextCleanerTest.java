package dev.stacks.extract;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextCleanerTest {
    @Test
    void line_break_hyphenation_is_joined_so_phrases_survive() {
        assertThat(TextCleaner.clean("an inter-\nnational agreement")).isEqualTo("an international agreement");
    }

    @Test
    void real_hyphens_and_capitalised_breaks_stay() {
        assertThat(TextCleaner.clean("a US-backed\nOperation")).isEqualTo("a US-backed\nOperation");
    }

    @Test
    void nul_control_and_replacement_runs_are_removed_and_lines_unified() {
        assertThat(TextCleaner.clean("a\u0000b\uFFFD\uFFFDc\r\nd\re")).isEqualTo("abc\nd\ne");
    }

    @Test
    void text_is_nfc_normalised() {
        assertThat(TextCleaner.clean("Michoaca\u0301n")).isEqualTo("Michoac\u00E1n");
    }

    @Test
    void blank_line_runs_shrink_to_one() {
        assertThat(TextCleaner.clean("a\n\n\n\n  \n\nb")).isEqualTo("a\n\nb");
    }
}
