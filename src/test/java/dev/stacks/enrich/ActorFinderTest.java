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

    @Test
    void a_title_and_surname_resolve_to_the_full_name_the_article_gives_later() {
        Article a = Enrich.text("President Halvorsen signed the budget. Magnus Halvorsen, who took office last year, "
                + "said roads come first.");
        assertThat(Enrich.people(a)).containsExactly("Magnus Halvorsen");
        assertThat(a.actors().get(0).mentions()).hasSize(2);
    }

    @Test
    void firms_named_like_people_are_organisations() {
        Article a = Enrich.text("Analysts at Morgan Stanley raised their target. Shares in Marks and Spencer rose, "
                + "said Sophie Lambert, an analyst at Peel Hunt. Her editor at Harlow & Finch agreed.");
        assertThat(Enrich.people(a)).containsExactly("Sophie Lambert");
        assertThat(Enrich.organisations(a)).containsExactly("Morgan Stanley", "Marks and Spencer", "Peel Hunt", "Harlow & Finch");
    }

    @Test
    void the_kind_of_organisation_said_before_or_after_a_name_makes_it_one() {
        Article a = Enrich.text("It was published in the journal Nature Astronomy. The independent charity Crimestoppers "
                + "takes calls. John Lewis Partnership owns the Waitrose supermarket chain.");
        assertThat(Enrich.organisations(a)).containsExactly("Nature Astronomy", "Crimestoppers", "John Lewis Partnership", "Waitrose");
        assertThat(Enrich.people(a)).isEmpty();
    }

    @Test
    void organisation_names_run_through_of_for_the_commas_and_a_place_after_their_word() {
        Article a = Enrich.text("The Office for the Coordination of Humanitarian Affairs met officials of the Ministry of "
                + "Agriculture, Fisheries and Food, Statistics Norway and University College Cork. West Yorkshire Police "
                + "and the Conseil interprofessionnel du vin de Bordeaux (CIVB) were there, and the CIVB spoke.");
        assertThat(Enrich.organisations(a)).containsExactly("Office for the Coordination of Humanitarian Affairs",
                "Ministry of Agriculture, Fisheries and Food", "Statistics Norway", "University College Cork",
                "West Yorkshire Police", "Conseil interprofessionnel du vin de Bordeaux");
    }

    @Test
    void a_generic_word_before_an_institution_names_none() {
        Article a = Enrich.text("The Finance Ministry and the Central Bank disagreed, the City Council said.");
        assertThat(Enrich.organisations(a)).isEmpty();
    }

    @Test
    void bylines_name_people_whatever_their_names() {
        Article a = Enrich.text("Chipmaker picks Vietnam\n\nBy Nguyen Thi Thu Ha and Siobhán Ní Bhriain\n\n"
                + "The plant opens in 2026.\n\nCompiled by Wanjiru Kamau");
        assertThat(Enrich.people(a)).containsExactly("Nguyen Thi Thu Ha", "Siobhán Ní Bhriain", "Wanjiru Kamau");
    }

    @Test
    void family_names_written_first_resolve_later_mentions() {
        Article a = Enrich.text("Hanbit chief executive Kim Dong-hyun met Zhou Jianguo. \"We are adding Vietnam,\" Kim told reporters.");
        assertThat(Enrich.people(a)).containsExactly("Kim Dong-hyun", "Zhou Jianguo");
        assertThat(a.quotes()).extracting(Quote::speaker).containsExactly("Kim Dong-hyun");
    }

    @Test
    void post_nominal_letters_ships_streets_and_towns_are_not_people() {
        Article a = Enrich.text("Judge Helen Marsh KC sentenced him. The schooner Mary Ellen sank. The Mary Ellen was "
                + "built in 1919. Farmers near the town of Tu Son say they were cheated on Liverpool Street.");
        assertThat(Enrich.people(a)).containsExactly("Helen Marsh");
    }

    @Test
    void name_parts_split_like_the_regex_they_replace() {
        for (String key : new String[] {"", "kim", "jean-luc picard", "kim dong-hyun", "-a", "a-", "a - b", "a\t\nb",
                "--", " a  b ", "jos\u00e9\u00a0maria"}) {
            assertThat(ActorFinder.nameParts(key)).as(key).containsExactly(key.split("[\\s-]+"));
        }
    }
}
