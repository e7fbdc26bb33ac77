package dev.stacks.index;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DocumentMapperTest {

    @Test
    void padsDatePartsAsStringFormatDoes() {
        for (int n : new int[] {0, 1, 9, 10, 12, 31, 99, 100, 987, 1987, 2026, 12345, -1, -5, -987, -1987}) {
            assertThat(DocumentMapper.zeroPadded(n, 4)).as("%d, width 4", n).isEqualTo(String.format("%04d", n));
            assertThat(DocumentMapper.zeroPadded(n, 2)).as("%d, width 2", n).isEqualTo(String.format("%02d", n));
        }
    }
}
