package dev.stacks.extract;

import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class PlainTextGateTest {

    private static boolean plain(String head) {
        byte[] bytes = head.getBytes(StandardCharsets.ISO_8859_1);
        return PlainTextGate.isPlainText(bytes, bytes.length);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "PORT STRIKE ENDS\n\nDock workers returned to work.",
            "BANK OF COMMUNICATIONS PLANS 200 MLN H.K. DLR CD\n",
            "ZZ ZD\n\nDate: 7-APR-1987 01:07:39.83\n",
            "<DSP> DIAMOND SHAMROCK OFFSHORE IN FIND\n",
            "PHILLIPS <P> RAISES CRUDE PRICES\n",
            "1987 was a year of strikes.\n",
            "  \r\n\tIndented story with CRLF\r\n",
            "MINISTER\u0092S \u0093BIG\u0094 DAY\r\n"})
    void ordinary_text_passes(String head) {
        assertThat(plain(head)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "   \n  ",
            "<html><body>x</body></html>",
            "Title\n<!DOCTYPE html><html>",
            "Story\n\n<div>boilerplate</div>",
            "<?xml version=\"1.0\"?><rss/>",
            "{\\rtf1\\ansi story}",
            "%PDF-1.7",
            "%!PS-Adobe-3.0",
            "#!/bin/sh\necho",
            "# Markdown heading",
            "From: desk@example.org\nSubject: strike\n",
            "Subject: strike\n",
            "From desk@example.org Mon Mar  2 10:00:00 1987\n",
            "Received: from mail\n",
            "BEGIN:VCARD\nFN:Desk\n",
            "HTTP/1.1 200 OK\n",
            "P1\n2 2\n0 1\n1 0\n",
            "Text with a NUL\u0000 byte",
            "GIF89a\u0001\u0000\u0001\u0000",
            "\u00EF\u00BB\u00BFStory after a UTF-8 byte-order mark",
            "\u00FF\u00FES\u0000"})
    void anything_tika_might_call_something_else_goes_to_tika(String head) {
        assertThat(plain(head)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"<html><body>x</body></html>", "(CORRECTED) STRIKE ENDS", "From: desk@example.org\n", "\u00FF\u00FES\u0000"})
    void text_that_tika_must_decide_is_told_apart_from_binary(String head) {
        byte[] bytes = head.getBytes(StandardCharsets.ISO_8859_1);
        assertThat(PlainTextGate.classify(bytes, bytes.length)).isEqualTo(PlainTextGate.Kind.TEXT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"PK\u0003\u0004", "%PDF-1.7\n%\u00E2\u00E3\n1 0 obj\u0000", "\u0089PNG\r\n\u001A\n"})
    void binary_formats_are_binary(String head) {
        byte[] bytes = head.getBytes(StandardCharsets.ISO_8859_1);
        assertThat(PlainTextGate.classify(bytes, bytes.length)).isEqualTo(PlainTextGate.Kind.BINARY);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<FRANKLIN CALIFORNIA TAX-FREE INCOME FUND>PAYOUT\nDate: 1987-03-02\n\nSAN MATEO, Calif.\n",
            "<SCHULT HOMES CORP> MAKES INITIAL STOCK OFFER\n",
            "<A.H. BELO CORP'S BROADCAST UNIT> SELLS STATION\r\n"})
    void a_company_name_in_brackets_passes_as_tika_finds_plain_text(String head) throws IOException {
        assertThat(plain(head)).isTrue();
        assertThat(tikaType(head)).isEqualTo("text/plain");
    }

    @ParameterizedTest
    @ValueSource(strings = {"<MMLX DIVERSIFIED HOLDINGS CORP> YEAR NET\n", "<MPD INTERNATIONAL HOLDINGS INC> YEAR NET\n"})
    void a_long_bracket_start_that_a_tika_pattern_matches_goes_to_tika(String head) {
        assertThat(plain(head)).isFalse();
    }

    private static String tikaType(String head) throws IOException {
        Detector detector = TikaConfig.getDefaultConfig().getDetector();
        try (TikaInputStream in = TikaInputStream.get(head.getBytes(StandardCharsets.ISO_8859_1))) {
            return detector.detect(in, new Metadata()).getBaseType().toString();
        }
    }

    @Test
    void judges_the_start_as_a_search_of_the_whole_lower_cased_head_would() {
        String[] pieces = {"<html", "<HTML>", "<Div ", "<?xml", "<!--", "<h2", "<tmx", "<", ">", "<DSP>", "<MML", "<MPD",
                "<FRANKLIN CALIFORNIA TAX-FREE INCOME FUND>", "<A.H. BELO & CO'S UNIT>", "From ", "FROM ", "Subject:", "Path",
                "WEBVTT", "p1", "\n", "\r\n", "\t", " ", "STRIKE", "ends", "1987", "(", "\"", "-", ":", "_", "\u00C9", "\u00D7",
                "\u00E9", "\u00FF", "\u00DE", "\u00EF\u00BB", "\u0000", "\f"};
        Random random = new Random(3);
        for (int round = 0; round < 50_000; round++) {
            StringBuilder b = new StringBuilder();
            for (int i = random.nextInt(12) + 1; i > 0; i--) {
                b.append(pieces[random.nextInt(pieces.length)]);
            }
            byte[] head = b.toString().getBytes(StandardCharsets.ISO_8859_1);
            assertThat(PlainTextGate.classify(head, head.length)).as(b.toString()).isEqualTo(WholeHeadGate.classify(head, head.length));
        }
    }

    /** The gate as it was, with the same patterns, decoding and lower-casing the whole head and searching it once per tag. */
    private static final class WholeHeadGate {
        static PlainTextGate.Kind classify(byte[] head, int length) {
            PlainTextGate.Kind kind = PlainTextGate.classify(head, length);
            if (kind == PlainTextGate.Kind.BINARY) {
                return kind; // control bytes are found before the start is looked at, as they were
            }
            int first = 0;
            while (first < length && (head[first] & 0xFF) <= ' ') {
                first++;
            }
            // a byte-order mark is no letter and no ticker: not a plain start
            return first < length && plainStart(head, first, length) ? PlainTextGate.Kind.PLAIN : PlainTextGate.Kind.TEXT;
        }

        private static boolean plainStart(byte[] head, int first, int length) {
            String text = new String(head, first, length - first, StandardCharsets.ISO_8859_1);
            boolean word = head[first] > 0 && Character.isLetterOrDigit(head[first]);
            if (!word && !PlainTextGate.TICKER.matcher(text).lookingAt() && !PlainTextGate.LONG_TICKER.matcher(text).lookingAt()) {
                return false;
            }
            if (PlainTextGate.HEADER_LINE.matcher(text).lookingAt()) {
                return false;
            }
            String lower = text.toLowerCase(Locale.ROOT);
            return PlainTextGate.WORD_STARTS.stream().noneMatch(lower::startsWith)
                    && PlainTextGate.MARKUP.stream().noneMatch(lower::contains);
        }
    }
}
