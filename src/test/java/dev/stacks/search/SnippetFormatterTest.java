package dev.stacks.search;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class SnippetFormatterTest {

    @Test
    void collapsesWhiteSpaceExactlyAsTheRegexDid() {
        char[] alphabet = {'a', 'b', ' ', '\t', '\n', '\r', '\f', '\u000B', '\u00A0', '\u2028', '<', 'é'};
        Random random = new Random(11);
        for (int trial = 0; trial < 20_000; trial++) {
            StringBuilder s = new StringBuilder();
            for (int i = random.nextInt(30); i > 0; i--) {
                s.append(alphabet[random.nextInt(alphabet.length)]);
            }
            String text = s.toString();
            assertThat(SnippetFormatter.collapseSpaces(text)).as("%s", text).isEqualTo(text.replaceAll("\\s+", " "));
        }
    }
}
