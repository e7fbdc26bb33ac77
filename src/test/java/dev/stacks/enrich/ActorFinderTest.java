package dev.stacks.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ActorFinderTest {

    @Test
    void titles_and_roles_are_not_part_of_a_name() {
        Article a = Enrich.text("The eruption of violence underscored the risks facing President Claudia Sheinbaum. "
                + "White House press secretary Karoline Leavitt spoke, and US Deputy Secretary of State Christopher "
                + "Landau wrote to Chancellor of the Exchequer Nigel Lawson.");
        assertThat(Enrich.people(a)).containsExactly("Claudia Sheinbaum", "Karoline Leavitt", "Christopher Landau", "Nigel Lawson");
        assertThat(Enrich.organisations(a)).containsExactly("White House");
    }

    @Test
    void surnames_nicknames_and_acronyms_resolve_to_the_full_name_with_every_mention() {
        String text = "The Jalisco New Generation Cartel (CJNG) leader Nemesio Oseguera Cervantes, known as “El Mencho”, "
                + "died. Oseguera, 59, founded CJNG. “El Mencho controlled everything,” an analyst said.";
        Article a = Enrich.text(text);
        Actor mencho = a.actors().stream().filter(x -> x.name().equals("Nemesio Oseguera Cervantes")).findFirst().orElseThrow();
        assertThat(mencho.type()).isEqualTo(ActorType.PERSON);
        assertThat(mencho.mentions()).extracting(s -> text.substring(s.start(), s.end()))
                .containsExactly("Nemesio Oseguera Cervantes", "El Mencho", "Oseguera", "El Mencho");
        Actor cjng = a.actors().stream().filter(x -> x.name().equals("Jalisco New Generation Cartel")).findFirst().orElseThrow();
        assertThat(cjng.mentions()).extracting(s -> text.substring(s.start(), s.end()))
                .containsExactly("Jalisco New Generation Cartel", "CJNG", "CJNG");
        assertThat(Enrich.people(a)).containsExactly("Nemesio Oseguera Cervantes");
    }

    @Test
    void a_quoted_nickname_inside_a_name_is_left_out_and_diacritics_are_kept() {
        Article a = Enrich.text("Leaders of the rival Sinaloa Cartel, including Joaquín Guzmán and Ismael “El Mayo” Zambada, "
                + "were captured. Guzmán is in US custody.");
        assertThat(Enrich.people(a)).containsExactly("Joaquín Guzmán", "Ismael Zambada");
        assertThat(Enrich.organisations(a)).containsExactly("Sinaloa Cartel");
    }

    @Test
    void pronouns_headings_sentence_openers_months_and_demonyms_are_never_actors() {
        Article a = Enrich.text("US reaction\n\nWithin hours, She said in March that Mexican officials and "
                + "Residents of Monday were calm. They left.");
        assertThat(a.actors()).isEmpty();
    }

    @Test
    void known_organisations_have_one_name_whatever_the_article_calls_them() {
        Article a = Enrich.text("Ministers of the Organization of Petroleum Exporting Countries met. OPEC output rose, "
                + "the IMF said, and the EC agreed with the Fed.");
        assertThat(Enrich.organisations(a)).containsExactly("Organization of Petroleum Exporting Countries",
                "International Monetary Fund", "European Community", "Federal Reserve");
    }

    @Test
    void a_name_right_before_a_role_and_a_person_is_the_employer() {
        Article a = Enrich.text("\"It was an entry point,\" said Barclays de Zoete Wedd analyst Rick May.");
        assertThat(Enrich.people(a)).containsExactly("Rick May");
        assertThat(Enrich.organisations(a)).containsExactly("Barclays de Zoete Wedd");
        assertThat(a.quotes()).extracting(Quote::speaker).containsExactly("Rick May");
    }

    @Test
    void company_names_with_and_without_their_legal_form_are_one_organisation() {
        Article a = Enrich.text("American Motors Corp said sales rose. American Motors makes the Jeep.");
        assertThat(Enrich.organisations(a)).containsExactly("American Motors Corp");
        assertThat(a.actors().get(0).mentions()).hasSize(2);
    }
}
