package dev.stacks.extract;

import org.apache.tika.detect.DefaultEncodingDetector;
import org.apache.tika.detect.EncodingDetector;
import org.apache.tika.metadata.Metadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class MetaTagEncodingDetectorTest {
    private final EncodingDetector tikas = new DefaultEncodingDetector();
    private final EncodingDetector ours = new MetaTagEncodingDetector();

    @ParameterizedTest
    @ValueSource(strings = {
            "PORT STRIKE ENDS\n\nDock workers returned to work.\n",
            "SHELL <SC> RAISES PRICES\r\nMETALS and metal traders met\r\n",
            "<meta charset=\"koi8-r\">\nstory",
            "Story\n<  META http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\">",
            "Story <META/charset=iso-8859-2>",
            "Story <meta\tcharset = 'shift_jis'>",
            "<<!-- a comment -->meta charset=koi8-r>",
            "<!-- <meta charset=koi8-r> -->\nstory",
            "<meta charset=x-user-defined> story",
            "<meta charset=no-such-charset> story",
            "<meta content=\"none\"> story",
            "Mitteilung: Gr\u00FC\u00DFe aus Z\u00FCrich, \u00A4 100",
            "\u201CQuoted\u201D \u2013 text \u2019s",
            "~{<:Ky2;S{#,NpJ)l6HK!#~}"})
    void names_the_same_charset_as_tika_and_records_the_same_metadata(String text) throws IOException {
        for (Charset charset : new Charset[] {StandardCharsets.UTF_8, StandardCharsets.ISO_8859_1, Charset.forName("windows-1252")}) {
            if (charset.newEncoder().canEncode(text)) {
                assertSameAsTika(text.getBytes(charset));
            }
        }
    }

    @Test
    void names_the_same_charset_as_tika_on_random_bytes_with_meta_tags_here_and_there() throws IOException {
        String[] pieces = {"<", "<meta ", "<META charset=koi8-r>", "< meta/charset=utf-8 ", "<!--", "-->", "charset=iso-8859-5",
                " ", "\n", "word ", "\u00E9", "\u00FC", "\u20AC", "~{", "\u001B$B"};
        Random random = new Random(11);
        for (int round = 0; round < 3000; round++) {
            StringBuilder b = new StringBuilder();
            for (int i = random.nextInt(40); i > 0; i--) {
                b.append(pieces[random.nextInt(pieces.length)]);
            }
            Charset charset = random.nextBoolean() ? StandardCharsets.UTF_8 : Charset.forName("windows-1252");
            assertSameAsTika(b.toString().getBytes(charset));
        }
    }

    @Test
    void a_meta_tag_in_plain_text_still_names_the_charset_as_with_tika() throws IOException {
        Metadata metadata = new Metadata();
        byte[] bytes = "Story\n< META charset=koi8-r>".getBytes(StandardCharsets.US_ASCII);
        assertThat(ours.detect(new BufferedInputStream(new ByteArrayInputStream(bytes)), metadata)).isEqualTo(Charset.forName("KOI8-R"));
        assertThat(metadata.get("X-TIKA:encodingDetector")).isEqualTo("HtmlEncodingDetector");
    }

    @Test
    void a_meta_tag_beyond_the_html_detectors_head_is_not_looked_for() {
        byte[] head = "<meta charset=koi8-r>".getBytes(StandardCharsets.US_ASCII);
        assertThat(MetaTagEncodingDetector.mayHoldMetaTag(head, head.length)).isTrue();
        assertThat(MetaTagEncodingDetector.mayHoldMetaTag(head, 4)).isFalse();
    }

    private void assertSameAsTika(byte[] bytes) throws IOException {
        Metadata expectedMetadata = new Metadata();
        Metadata actualMetadata = new Metadata();
        InputStream expectedStream = new BufferedInputStream(new ByteArrayInputStream(bytes));
        InputStream actualStream = new BufferedInputStream(new ByteArrayInputStream(bytes));
        Charset expected = tikas.detect(expectedStream, expectedMetadata);
        Charset actual = ours.detect(actualStream, actualMetadata);
        String what = new String(bytes, StandardCharsets.ISO_8859_1);
        assertThat(actual).as(what).isEqualTo(expected);
        assertThat(actualMetadata.toString()).as(what).isEqualTo(expectedMetadata.toString());
        assertThat(Arrays.equals(actualStream.readAllBytes(), bytes)).as("the stream is put back: " + what).isTrue();
    }
}
