package dev.stacks.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuoteFinderTest {

    @Test
    void a_quote_followed_by_said_and_a_name_belongs_to_that_person() {
        Article a = Enrich.text("“There will definitely be skirmishes between factions,” said Carlos Olivo, a former agent.");
        assertThat(a.quotes()).containsExactly(new Quote("There will definitely be skirmishes between factions", "Carlos Olivo", 1, 53));
    }

    @Test
    void a_name_and_a_speech_verb_before_the_quote_give_the_speaker_in_straight_or_curly_marks() {
        Article a = Enrich.text("Christopher Landau spoke first. Landau also wrote on X: \"The good guys are stronger.\" "
                + "President Donald Trump has previously warned that “the cartels are running Mexico.”");
        assertThat(a.quotes()).extracting(Quote::text, Quote::speaker).containsExactly(
                org.assertj.core.groups.Tuple.tuple("The good guys are stronger.", "Christopher Landau"),
                org.assertj.core.groups.Tuple.tuple("the cartels are running Mexico.", "Donald Trump"));
    }

    @Test
    void a_pronoun_refers_to_the_last_person_who_spoke() {
        Article a = Enrich.text("Mike Vigil, a former official, said the raid worked. Security analyst David Saucedo "
                + "cautioned that violence could persist.\n\n“This is a big opportunity for Mexico,” he said.");
        assertThat(a.quotes()).extracting(Quote::speaker).containsExactly("David Saucedo");
    }

    @Test
    void a_quote_carried_over_to_the_next_paragraph_is_one_quote() {
        String text = "Luz Marina Perdomo said: “The rain came every afternoon for weeks.\n\n“We are coffee people.”";
        Article a = Enrich.text(text);
        assertThat(a.quotes()).hasSize(1);
        assertThat(a.quotes().get(0).text()).isEqualTo("The rain came every afternoon for weeks. We are coffee people.");
        assertThat(a.quotes().get(0).speaker()).isEqualTo("Luz Marina Perdomo");
    }

    @Test
    void nicknames_and_scare_quotes_are_not_quotes_and_unattributed_words_have_no_speaker() {
        Article a = Enrich.text("Nemesio Oseguera, known as “El Mencho”, called it a “great development”.\n\n"
                + "“Nobody knows what comes next,” a resident wrote on a wall.");
        assertThat(a.quotes()).extracting(Quote::text, Quote::speaker)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Nobody knows what comes next", null));
    }

    @Test
    void spans_of_one_speaker_in_one_paragraph_are_one_quotation() {
        Article a = Enrich.text("“We have come a long way,” said Kari Nordvik Lunde. “We set policy for Norway.”");
        assertThat(a.quotes()).extracting(Quote::text, Quote::speaker).containsExactly(
                org.assertj.core.groups.Tuple.tuple("We have come a long way We set policy for Norway.", "Kari Nordvik Lunde"));
    }

    @Test
    void a_role_refers_to_the_person_named_with_that_title_and_an_unnamed_one_to_nobody() {
        Article a = Enrich.text("Judge Ana Ortiz ruled on Monday.\n\n\"A landlord must keep the heat on,\" the judge wrote. "
                + "A spokesman for the tenants said: \"We are very pleased with it.\"");
        assertThat(a.quotes()).extracting(Quote::speaker).containsExactly("Ana Ortiz", null);
    }

    @Test
    void titles_before_the_speaker_and_clauses_about_others_do_not_hide_the_speaker() {
        Article a = Enrich.text("\"We measured the mass to within eight percent,\" said Dr. Léa Fontaine of the University "
                + "of Geneva.\n\nLitoral coach Gustavo Ferreyra, who handed Matías Godoy his debut, called the sale "
                + "\"the right deal at the right moment\".");
        assertThat(a.quotes()).extracting(Quote::speaker).containsExactly("Léa Fontaine", "Gustavo Ferreyra");
    }

    @Test
    void a_paragraph_that_is_only_a_quotation_continues_the_last_speaker() {
        Article a = Enrich.text("Solita Monsod said she was not trying to oppose official policy.\n\n"
                + "\"I'm just saying, keep it competitive.\"\n\nThe peso fell.");
        assertThat(a.quotes()).extracting(Quote::speaker).containsExactly("Solita Monsod");
    }
}
