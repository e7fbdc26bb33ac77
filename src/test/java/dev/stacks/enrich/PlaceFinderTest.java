package dev.stacks.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlaceFinderTest {

    @Test
    void places_are_paths_from_country_through_region_and_context_settles_ambiguous_names() {
        Article a = Enrich.text("Residents in Guadalajara, Jalisco’s capital, stayed home. In Mexico City the mood was calm.");
        assertThat(Enrich.paths(a)).containsExactly("Mexico/Jalisco/Guadalajara", "Mexico/Jalisco",
                "Mexico/Mexico City/Mexico City");
    }

    @Test
    void without_context_the_larger_place_wins() {
        assertThat(Enrich.paths(Enrich.text("Officials in Moscow and the United States disagreed.")))
                .containsExactly("Russia/Moscow/Moscow", "United States");
    }

    @Test
    void the_words_after_a_comma_name_the_region_or_country() {
        assertThat(Enrich.paths(Enrich.text("The plant in Paris, Texas, closed.")))
                .containsExactly("United States/Texas/Paris", "United States/Texas");
        assertThat(Enrich.paths(Enrich.text("EDEN, N.C., March 3 - Fieldcrest Cannon Inc set a dividend.")))
                .containsExactly("United States/North Carolina/Eden");
    }

    @Test
    void a_small_town_counts_only_when_the_text_confirms_it() {
        assertThat(Enrich.paths(Enrich.text("He died in the town of Tapalpa, in Jalisco state.")))
                .containsExactly("Mexico/Jalisco/Tapalpa", "Mexico/Jalisco");
        assertThat(Enrich.paths(Enrich.text("United Technologies Corp's Pratt and Whitney unit in the United States grew.")))
                .containsExactly("United States");
    }

    @Test
    void demonyms_are_not_locations_and_us_abbreviations_are_the_united_states() {
        assertThat(Enrich.paths(Enrich.text("Mexican officials thanked the U.S. for its US-backed help.")))
                .containsExactly("United States");
    }

    @Test
    void a_dateline_is_a_location_and_1987_names_map_to_their_countries() {
        Article a = Enrich.text("BAHIA COCOA REVIEW\n\nSALVADOR, Feb 26 - Buyers in West Germany, Burma and the Soviet Union waited.");
        assertThat(Enrich.paths(a)).containsExactly("Brazil/Bahia/Salvador", "Germany", "Myanmar", "Soviet Union");
    }

    @Test
    void latin_america_is_not_the_united_states_and_months_are_not_towns() {
        assertThat(Enrich.paths(Enrich.text("A great development for Latin America in March."))).isEmpty();
    }
}
