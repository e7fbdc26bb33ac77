package dev.stacks.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TitleFinderTest {

    @Test
    void the_format_title_is_kept_with_normalised_spaces() {
        assertThat(TitleFinder.find("  Port  strike\nends ", "Body")).isEqualTo("Port strike ends");
    }

    @Test
    void without_one_the_first_short_line_that_is_not_a_date_is_the_title() {
        assertThat(TitleFinder.find(null, "\n\nDate: 2019-04-12\nRain ruins Huila harvest\n\nPITALITO - …"))
                .isEqualTo("Rain ruins Huila harvest");
    }

    @Test
    void a_text_that_opens_with_a_long_paragraph_has_no_title() {
        String para = "Mexico’s military killed the leader of a cartel in an operation that ".repeat(4);
        assertThat(TitleFinder.find(null, para + "\n\nMore.")).isNull();
    }
}
