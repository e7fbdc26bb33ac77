package dev.stacks.search;

import org.junit.jupiter.api.Test;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SentenceBreaksTest {
    private static final String NEWS = "Oil prices fell on Monday. OPEC met in Vienna! Would it cut output? "
            + "\"We will not,\" said the minister. Traders sold.\nA new paragraph starts here.";

    @Test
    void breaksWhereTheJdkSentenceIteratorBreaksOnPlainNewsText() {
        assertThat(boundaries(new SentenceBreaks(), NEWS)).isEqualTo(boundaries(BreakIterator.getSentenceInstance(Locale.ROOT), NEWS));
    }

    @Test
    void keepsAbbreviationsFollowedByLowerCaseInOneSentence() {
        String text = "Prices of e.g. crude rose. The U.S. dollar fell.";
        assertThat(SentenceBreaks.boundariesOf(text)).containsExactly(0, 27, text.length());
    }

    @Test
    void aLineBreakAlwaysEndsASentence() {
        String text = "HEADLINE WITHOUT A STOP\r\nbody text starts here";
        assertThat(SentenceBreaks.boundariesOf(text)).containsExactly(0, 25, text.length());
    }

    @Test
    void followsTheBreakIteratorContract() {
        SentenceBreaks breaks = new SentenceBreaks();
        breaks.setText(NEWS);
        int second = SentenceBreaks.boundariesOf(NEWS)[1];

        assertThat(breaks.following(0)).isEqualTo(second);
        assertThat(breaks.current()).isEqualTo(second);
        assertThat(breaks.preceding(second)).isEqualTo(0);
        assertThat(breaks.preceding(0)).isEqualTo(BreakIterator.DONE);
        assertThat(breaks.following(NEWS.length())).isEqualTo(BreakIterator.DONE);
        assertThat(breaks.last()).isEqualTo(NEWS.length());
        assertThat(breaks.next()).isEqualTo(BreakIterator.DONE);
        assertThat(breaks.first()).isEqualTo(0);
        assertThat(breaks.previous()).isEqualTo(BreakIterator.DONE);
        assertThat(breaks.isBoundary(second)).isTrue();
        assertThat(breaks.isBoundary(second + 1)).isFalse();
        assertThatThrownBy(() -> breaks.following(NEWS.length() + 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEmptyTextHasOneBoundary() {
        SentenceBreaks breaks = new SentenceBreaks();
        breaks.setText("");
        assertThat(breaks.first()).isEqualTo(0);
        assertThat(breaks.next()).isEqualTo(BreakIterator.DONE);
        assertThat(breaks.following(0)).isEqualTo(BreakIterator.DONE);
    }

    private static List<Integer> boundaries(BreakIterator it, String text) {
        it.setText(text);
        List<Integer> out = new ArrayList<>();
        for (int b = it.first(); b != BreakIterator.DONE; b = it.next()) {
            out.add(b);
        }
        return out;
    }
}
