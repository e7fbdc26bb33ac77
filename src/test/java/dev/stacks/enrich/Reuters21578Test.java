package dev.stacks.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stacks.bench.Reuters21578;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Reuters21578Test {

    private static final String SGML = """
            <!DOCTYPE lewis SYSTEM "lewis.dtd">
            <REUTERS TOPICS="YES" LEWISSPLIT="TRAIN" CGISPLIT="TRAINING-SET" OLDID="5544" NEWID="1">
            <DATE>26-FEB-1987 15:01:01.79</DATE>
            <TOPICS><D>cocoa</D></TOPICS>
            <PLACES><D>el-salvador</D><D>usa</D></PLACES>
            <PEOPLE></PEOPLE>
            <ORGS><D>ico-coffee</D></ORGS>
            <EXCHANGES></EXCHANGES>
            <COMPANIES></COMPANIES>
            <UNKNOWN>&#5;&#5;&#5;C T</UNKNOWN>
            <TEXT>&#2;
            <TITLE>BAHIA COCOA REVIEW</TITLE>
            <DATELINE>    SALVADOR, Feb 26 - </DATELINE><BODY>Showers continued &lt;in&gt; the
            Bahia cocoa zone &amp; beyond.
             Reuter
            &#3;</BODY></TEXT>
            </REUTERS>
            <REUTERS TOPICS="NO" LEWISSPLIT="TRAIN" CGISPLIT="TRAINING-SET" OLDID="5545" NEWID="2">
            <DATE> 2-MAR-1987 09:00:00.00</DATE>
            <TOPICS></TOPICS><PLACES></PLACES><PEOPLE><D>reagan</D></PEOPLE><ORGS></ORGS>
            <TEXT TYPE="BRIEF">&#2;
            <TITLE>REAGAN SPEAKS</TITLE>
            &#3;</TEXT>
            </REUTERS>
            """;

    @Test
    void stories_are_read_with_entities_decoded_labels_split_and_the_sign_off_dropped(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("reut2-000.sgm"), SGML, StandardCharsets.ISO_8859_1);
        List<Reuters21578.Story> stories = Reuters21578.read(dir);
        assertThat(stories).hasSize(2);
        Reuters21578.Story s = stories.get(0);
        assertThat(s.newId()).isEqualTo(1);
        assertThat(s.date()).isEqualTo(LocalDateTime.of(1987, 2, 26, 15, 1, 1));
        assertThat(s.title()).isEqualTo("BAHIA COCOA REVIEW");
        assertThat(s.dateline()).isEqualTo("SALVADOR, Feb 26 -");
        assertThat(s.body()).isEqualTo("Showers continued <in> the\nBahia cocoa zone & beyond.");
        assertThat(s.places()).containsExactly("el-salvador", "usa");
        assertThat(s.orgs()).containsExactly("ico-coffee");
        assertThat(s.topics()).containsExactly("cocoa");
        assertThat(s.text()).isEqualTo("BAHIA COCOA REVIEW\n\nSALVADOR, Feb 26 - Showers continued <in> the\nBahia cocoa zone & beyond.");
        Reuters21578.Story brief = stories.get(1);
        assertThat(brief.hasBody()).isFalse();
        assertThat(brief.people()).containsExactly("reagan");
        assertThat(brief.date()).isEqualTo(LocalDateTime.of(1987, 3, 2, 9, 0, 0));
    }
}
