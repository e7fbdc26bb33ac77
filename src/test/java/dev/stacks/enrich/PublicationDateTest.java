package dev.stacks.enrich;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class PublicationDateTest {

    @Test
    void padsDatePartsAsStringFormatDoes() {
        for (int n : new int[] {0, 1, 9, 10, 12, 31, 99, 100, 987, 1987, 2026, 12345, -1, -5, -987, -1987}) {
            assertThat(PublicationDate.zeroPadded(n, 4)).as("%d, width 4", n).isEqualTo(String.format("%04d", n));
            assertThat(PublicationDate.zeroPadded(n, 2)).as("%d, width 2", n).isEqualTo(String.format("%02d", n));
        }
    }

    @Test
    void partsGoAsDeepAsThePrecision() {
        LocalDate day = LocalDate.of(987, 3, 2);
        assertThat(new PublicationDate(day, PublicationDate.Precision.YEAR, "t").parts()).containsExactly("0987");
        assertThat(new PublicationDate(day, PublicationDate.Precision.MONTH, "t").parts()).containsExactly("0987", "03");
        assertThat(new PublicationDate(day, PublicationDate.Precision.DAY, "t").parts()).containsExactly("0987", "03", "02");
    }
}
