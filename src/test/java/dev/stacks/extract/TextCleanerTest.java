package dev.stacks.extract;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class TextCleanerTest {
    @Test
    void line_break_hyphenation_is_joined_so_phrases_survive() {
        assertThat(TextCleaner.clean("an inter-\nnational agreement")).isEqualTo("an international agreement");
    }

    @Test
    void real_hyphens_and_capitalised_breaks_stay() {
        assertThat(TextCleaner.clean("a US-backed\nOperation")).isEqualTo("a US-backed\nOperation");
    }

    @Test
    void nul_control_and_replacement_runs_are_removed_and_lines_unified() {
        assertThat(TextCleaner.clean("a\u0000b\uFFFD\uFFFDc\r\nd\re")).isEqualTo("abc\nd\ne");
    }

    @Test
    void text_is_nfc_normalised() {
        assertThat(TextCleaner.clean("Michoaca\u0301n")).isEqualTo("Michoac\u00E1n");
    }

    @Test
    void blank_line_runs_shrink_to_one() {
        assertThat(TextCleaner.clean("a\n\n\n\n  \n\nb")).isEqualTo("a\n\nb");
    }

    @Test
    void hyphen_joins_do_not_overlap_as_with_a_regex() {
        assertThat(TextCleaner.clean("a-\nb-\nc-\nd")).isEqualTo("ab-\ncd");
    }

    @Test
    void spaces_and_dropped_characters_around_a_line_break_go() {
        assertThat(TextCleaner.clean("inter- \u0000\n\u00A0 national\r\u0001\nx")).isEqualTo("international\n\nx");
    }

    @Test
    void a_clean_single_line_is_returned_as_it_is() {
        String line = "text/plain; charset=ISO-8859-1";
        assertThat(TextCleaner.clean(line)).isSameAs(line);
    }

    @Test
    void matches_the_regex_rules_on_random_mixes_of_the_characters_they_touch() {
        // line ends, the spaces of rule 5, hyphens, letters of each case (some outside the BMP or
        // composable), combining marks, characters to drop, other white space, and lone surrogates
        String[] pieces = {"\r", "\n", "\r\n", "\u2028", "\u2029", " ", "\t", "\u00A0", "-", "a", "z", "\u00E9",
                "\u00DF", "A", "\u00C9", "e\u0301", "\u0301", "\u0327", "\u1E9B\u0323", "\uD835\uDC1A", "\uD835\uDC00",
                "\uD835", "\uDC1A", "\u0000", "\u0008", "\u000B", "\u000C", "\u001F", "\u007F", "\u0085", "\uFFFD", "\uFFFE",
                "\uFFFF", "\u2003", "\u3000", "\u212B", "\uAC00", "\u1161", "1", ".", "x y"};
        Random random = new Random(20240229);
        for (int round = 0; round < 200_000; round++) {
            StringBuilder b = new StringBuilder();
            int length = random.nextInt(round % 10 == 0 ? 60 : 12);
            for (int i = 0; i < length; i++) {
                b.append(pieces[random.nextInt(pieces.length)]);
            }
            String raw = b.toString();
            assertThat(TextCleaner.clean(raw)).as("cleaning %s", escaped(raw)).isEqualTo(RegexTextCleaner.clean(raw));
        }
    }

    @Test
    void matches_the_regex_rules_on_real_texts_and_their_mangled_copies() throws IOException {
        List<Path> texts;
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/gold/styles"))) {
            texts = files.filter(f -> f.toString().endsWith(".txt")).sorted().toList();
        }
        assertThat(texts).isNotEmpty();
        Random random = new Random(7);
        for (Path file : texts) {
            String text = Files.readString(file);
            for (String raw : List.of(text, text.replace("\n", "\r\n"), text.replace("\n", "  \n\t"),
                    text.replace("e", "e-\n"), text.replace(" ", "\u00A0\n\n\n"), Normalizer.normalize(text, Normalizer.Form.NFD),
                    sprinkled(text, random))) {
                assertThat(TextCleaner.clean(raw)).as("cleaning a copy of %s", file).isEqualTo(RegexTextCleaner.clean(raw));
            }
        }
    }

    /** The text with a control, replacement, line-separator or hyphen character put in here and there. */
    private static String sprinkled(String text, Random random) {
        String extras = "\u0000\uFFFD\u2028\r-\u00A0\t\n";
        StringBuilder b = new StringBuilder(text);
        for (int i = 0; i < text.length() / 20; i++) {
            b.insert(random.nextInt(b.length() + 1), extras.charAt(random.nextInt(extras.length())));
        }
        return b.toString();
    }

    private static String escaped(String s) {
        StringBuilder b = new StringBuilder();
        s.chars().forEach(c -> b.append(c >= 0x20 && c < 0x7F ? String.valueOf((char) c) : String.format("\\u%04X", c)));
        return b.toString();
    }

    /** The cleaner as it was, one regex pass per rule: the reference the one-pass cleaner must agree with. */
    private static final class RegexTextCleaner {
        private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F\\uFFFE\\uFFFF]");
        private static final Pattern REPLACEMENT_RUN = Pattern.compile("\\uFFFD+");
        private static final Pattern LINE_END = Pattern.compile("\\r\\n?|\\u2028|\\u2029");
        private static final Pattern TRAILING_SPACE = Pattern.compile("[ \\t\\u00A0]+\\n");
        private static final Pattern LEADING_SPACE = Pattern.compile("\\n[ \\t\\u00A0]+");
        private static final Pattern HYPHEN_BREAK = Pattern.compile("(\\p{Ll})-\\n[ \\t]*(\\p{Ll})");
        private static final Pattern BLANK_LINES = Pattern.compile("\\n{3,}");

        static String clean(String raw) {
            String s = Normalizer.normalize(raw, Normalizer.Form.NFC);
            s = LINE_END.matcher(s).replaceAll("\n");
            s = CONTROL.matcher(s).replaceAll("");
            s = REPLACEMENT_RUN.matcher(s).replaceAll("");
            s = TRAILING_SPACE.matcher(s).replaceAll("\n");
            s = LEADING_SPACE.matcher(s).replaceAll("\n");
            s = HYPHEN_BREAK.matcher(s).replaceAll("$1$2");
            s = BLANK_LINES.matcher(s).replaceAll("\n\n");
            return s.strip();
        }
    }
}
