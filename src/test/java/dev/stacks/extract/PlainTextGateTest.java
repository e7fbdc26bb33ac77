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
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;

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

    /** The gate as it was, decoding and lower-casing the whole head and searching it once per tag. */
    private static final class WholeHeadGate {
        private static final Pattern HEADER_LINE = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9_-]*:");
        private static final List<String> WORD_STARTS = List.of(
                "from ", "forward to", "pipe to", "this is tex", "this is metafont", "http/", "solid ", "diff ",
                "only in ", "common subdirectories", "webvtt", "article", "function", "matlab", "eval ", "begin:",
                "xref", "path", "p1", "p2", "p3", "p4", "p5", "p6", "p7");
        private static final List<String> MARKUP = List.of(
                "<html", "<head", "<body", "<title", "<div", "<h1", "<h2", "<h3", "<!doctype", "<?xml", "<!--",
                "<svg", "<rdf", "<rss", "<feed", "<tmx", "<?aid");
        private static final Pattern TICKER = Pattern.compile("<[A-Z][A-Z0-9.&' -]{0,15}>");
        private static final Pattern LONG_TICKER = Pattern.compile("<(?!MML|MPD)[A-Z][A-Z0-9.&' -]{16,63}>");

        static PlainTextGate.Kind classify(byte[] head, int length) {
            int b0 = head[0] & 0xFF;
            int b1 = length > 1 ? head[1] & 0xFF : -1;
            if (b0 == 0xEF && b1 == 0xBB || b0 == 0xFE && b1 == 0xFF || b0 == 0xFF && b1 == 0xFE) {
                return PlainTextGate.Kind.TEXT;
            }
            int first = -1;
            for (int i = 0; i < length; i++) {
                int b = head[i] & 0xFF;
                if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' || b == 0x7F) {
                    return PlainTextGate.Kind.BINARY;
                }
                if (first < 0 && b > ' ') {
                    first = i;
                }
            }
            if (first < 0) {
                return PlainTextGate.Kind.TEXT;
            }
            return plainStart(head, first, length) ? PlainTextGate.Kind.PLAIN : PlainTextGate.Kind.TEXT;
        }

        private static boolean plainStart(byte[] head, int first, int length) {
            String text = new String(head, first, length - first, StandardCharsets.ISO_8859_1);
            boolean word = head[first] > 0 && Character.isLetterOrDigit(head[first]);
            if (!word && !TICKER.matcher(text).lookingAt() && !LONG_TICKER.matcher(text).lookingAt()) {
                return false;
            }
            if (HEADER_LINE.matcher(text).lookingAt()) {
                return false;
            }
            String lower = text.toLowerCase(Locale.ROOT);
            return WORD_STARTS.stream().noneMatch(lower::startsWith) && MARKUP.stream().noneMatch(lower::contains);
        }
    }
}
