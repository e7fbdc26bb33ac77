package dev.stacks.bench;

import dev.stacks.search.ActorRef;
import dev.stacks.search.Hit;
import dev.stacks.search.LocationRef;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class QueryMixTest {
    static final Hit HIT = new Hit("0000000000000001", "t", "1987-03-02", List.of(), List.of(),
            List.of(new ActorRef("Comissaria Smith", "organisation")), List.of(new LocationRef("Bahia", "Brazil/Bahia")), null, null);

    @Test
    void words_the_analyzer_glues_to_a_neighbour_are_not_drawn() {
        QueryMix.Sampled doc = QueryMix.sampled("The government's stake in Sumitomo <SUMT.T> rose 12pct sharply today.", HIT);

        // "government's" is indexed as "governments", "SUMT.T" as "sumt.t" and "12pct" as one token
        assertThat(doc.words()).containsExactly("rose", "sharply", "stake", "sumitomo", "today");
    }

    @Test
    void a_phrase_crosses_only_plain_white_space_between_words_of_their_own() {
        QueryMix.Sampled doc = QueryMix.sampled("stake in Sumitomo, rose sharply", HIT);

        assertThat(doc.tokens()).containsExactly("stake", "in", "Sumitomo", "rose", "sharply");
        assertThat(doc.joined()).containsExactly(false, true, true, false, true);
    }

    @Test
    void a_sampled_document_lends_its_actors_and_countries_to_filters() {
        QueryMix.Sampled doc = QueryMix.sampled("text", HIT);

        assertThat(doc.actors()).containsExactly("Comissaria Smith");
        assertThat(doc.locations()).containsExactly("Brazil");
        assertThat(doc.date()).isEqualTo("1987-03-02");
    }
}
