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

    @Test
    void the_country_the_article_is_about_settles_a_name_several_countries_share() {
        Article a = Enrich.text("Cane cutters in Cali, Palmira and Buga, in Colombia's Valle del Cauca, stopped work. "
                + "In the town of Trujillo, cutters joined them. Talks will be held in Bogotá.");
        assertThat(Enrich.paths(a)).contains("Colombia/Valle del Cauca Department/Trujillo");
    }

    @Test
    void a_region_and_its_city_of_the_same_name_are_told_apart_by_the_words_around_them() {
        assertThat(Enrich.paths(Enrich.text("The state of Oaxaca is bigger than Portugal.")))
                .containsExactly("Mexico/Oaxaca", "Portugal");
        assertThat(Enrich.paths(Enrich.text("Aeroméxico flies to Oaxaca from Mexico City.")))
                .containsExactly("Mexico/Oaxaca/Oaxaca de Juárez", "Mexico/Mexico City/Mexico City");
    }

    @Test
    void large_places_named_like_people_need_no_more_context_than_other_places() {
        assertThat(Enrich.paths(Enrich.text("She died at her home in Bergen. Talks will be held in Geneva and Paris.")))
                .containsExactly("Norway/Vestland/Bergen", "Switzerland/Geneva/Geneva", "France/Île-de-France/Paris");
    }

    @Test
    void streets_seas_and_sites_named_after_places_are_not_those_places() {
        assertThat(Enrich.paths(Enrich.text("They lived on Liverpool Street and fished the Gulf of Mexico. "
                + "We saw the church of Santo Domingo."))).isEmpty();
    }

    @Test
    void a_village_counts_where_the_text_says_it_is_a_place() {
        assertThat(Enrich.paths(Enrich.text("The schooner sailed from Lunenburg, Nova Scotia, in August.")))
                .containsExactly("Canada/Nova Scotia/Lunenburg", "Canada/Nova Scotia");
        assertThat(Enrich.paths(Enrich.text("Lunenburg said the boat was lost."))).isEmpty();
    }

    @Test
    void admin1_regions_come_from_the_same_geonames_version_as_the_places() {
        assertThat(Enrich.paths(Enrich.text("Officials in Hanoi and in Tromsø, Norway, agreed."))).containsExactly(
                "Vietnam/Hanoi/Hanoi", "Norway/Troms/Tromsø", "Norway");
    }
}
