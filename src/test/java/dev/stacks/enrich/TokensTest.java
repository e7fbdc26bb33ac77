package dev.stacks.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokensTest {

    private static List<String> texts(Tokens t) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            out.add(t.text(i));
        }
        return out;
    }

    @Test
    void possessives_abbreviations_and_inner_hyphens_and_apostrophes_are_cut_as_news_needs() {
        Tokens t = Tokens.of("Mexico’s U.S.-backed O'Neill met Jean-Claude in Saxony-Anhalt.");
        assertThat(texts(t)).containsExactly("Mexico", "’s", "U.S.", "-", "backed", "O'Neill", "met", "Jean-Claude", "in",
                "Saxony-Anhalt", ".");
        assertThat(t.kind(1)).isEqualTo(Tokens.Kind.POSSESSIVE);
    }

    @Test
    void sentence_starts_follow_full_stops_but_not_abbreviations_and_paragraphs() {
        Tokens t = Tokens.of("Mr. Baker spoke. Within hours\n\nNationwide calm");
        assertThat(t.sentenceStart(0)).isTrue();   // Mr
        assertThat(t.sentenceStart(2)).isFalse();  // Baker after "Mr."
        assertThat(t.sentenceStart(5)).isTrue();   // Within
        assertThat(t.paragraphStart(7)).isTrue();  // Nationwide
    }

    @Test
    void all_caps_lines_are_headlines_and_hard_wrapped_title_case_prose_is_not() {
        Tokens t = Tokens.of("SAUDI ARABIA REITERATES COMMITMENT\n\nBAHRAIN, March 1 - Saudi Arabian Oil Minister Hisham Nazer\nreiterated the kingdom's commitment.");
        assertThat(t.headline(0)).isTrue();
        int hisham = t.indexAt(t.text.indexOf("Hisham"));
        assertThat(t.headline(hisham)).isFalse();
    }
}
