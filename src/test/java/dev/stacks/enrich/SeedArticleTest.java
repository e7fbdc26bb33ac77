package dev.stacks.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The evidence of issue 4 on ../shared/seeds/000_b4f491192208ea58.txt: the people, organisations,
 * locations, date and quotes it lists, with at most two wrong values per facet type.
 */
class SeedArticleTest {

    private static final Path SEED = Path.of("../shared/seeds/000_b4f491192208ea58.txt");
    private static Article article;

    @BeforeAll
    static void enrich() throws IOException {
        Assumptions.assumeTrue(Files.exists(SEED), "seed article not present");
        article = Enrich.text(Files.readString(SEED));
    }

    /** Values not expected, and expected values missing: each at most two. */
    private static void atMostTwoWrong(List<String> found, List<String> expected, List<String> alsoAccepted) {
        Set<String> extra = new HashSet<>(found);
        extra.removeAll(expected);
        extra.removeAll(alsoAccepted);
        Set<String> missing = new HashSet<>(expected);
        missing.removeAll(found);
        assertThat(extra.size() + missing.size()).as("extra %s, missing %s", extra, missing).isLessThanOrEqualTo(2);
    }

    @Test
    void people_are_the_ten_named_with_their_full_names() {
        atMostTwoWrong(Enrich.people(article), List.of("Nemesio Oseguera Cervantes", "Karoline Leavitt", "Claudia Sheinbaum",
                "Joaquín Guzmán", "Ismael Zambada", "Christopher Landau", "Mike Vigil", "Donald Trump", "Carlos Olivo",
                "David Saucedo"), List.of());
        assertThat(Enrich.people(article)).contains("Nemesio Oseguera Cervantes", "Joaquín Guzmán", "Claudia Sheinbaum");
    }

    @Test
    void organisations_include_the_cartels_the_white_house_and_the_agencies() {
        atMostTwoWrong(Enrich.organisations(article), List.of("Jalisco New Generation Cartel", "Sinaloa Cartel", "White House",
                "US State Department", "Drug Enforcement Administration"), List.of());
    }

    @Test
    void locations_are_resolved_to_paths() {
        atMostTwoWrong(Enrich.paths(article), List.of("Mexico", "Mexico/Jalisco", "Mexico/Jalisco/Tapalpa",
                "Mexico/Mexico City/Mexico City", "Mexico/Jalisco/Puerto Vallarta", "Mexico/Jalisco/Guadalajara",
                "Mexico/Michoacán", "United States", "Colombia"), List.of());
    }

    @Test
    void the_date_is_the_stamp_at_the_top() {
        assertThat(article.date()).isEqualTo(PublicationDate.parseIso("2026-02-23", "dateline"));
    }

    @Test
    void the_quotes_have_their_speakers() {
        List<String> expected = List.of(
                "The good guys are stronger than the bad guys <- Christopher Landau",
                "There will definitely be skirmishes <- Carlos Olivo",
                "El Mencho controlled everything <- Mike Vigil",
                "commends and thanks the Mexican military <- Karoline Leavitt",
                "the majority of the information came from the Mexican armed forces <- Mike Vigil");
        int wrong = 0;
        StringBuilder seen = new StringBuilder();
        for (String e : expected) {
            String words = e.substring(0, e.indexOf(" <- "));
            String speaker = e.substring(e.indexOf(" <- ") + 4);
            boolean ok = article.quotes().stream().anyMatch(q -> q.text().contains(words) && speaker.equals(q.speaker()));
            if (!ok) {
                wrong++;
                seen.append(e).append('\n');
            }
        }
        assertThat(wrong).as("not found: %s in %s", seen, article.quotes()).isZero();
        for (Quote q : article.quotes()) {
            assertThat(article.body().substring(q.start(), q.end())).startsWith(q.text().substring(0, 10));
        }
    }
}
