package dev.stacks.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LatenciesTest {
    @Test
    void percentiles_are_nearest_rank() {
        long[] sorted = new long[200];
        for (int i = 0; i < sorted.length; i++) {
            sorted[i] = i + 1;
        }

        assertThat(Latencies.percentile(sorted, 50)).isEqualTo(100);
        assertThat(Latencies.percentile(sorted, 99)).isEqualTo(198);
        assertThat(Latencies.percentile(new long[] {7}, 99)).isEqualTo(7);
    }

    @Test
    void the_median_of_an_even_count_is_the_mean_of_the_middle_two() {
        assertThat(Latencies.median(4, 1, 3, 2)).isEqualTo(2.5);
        assertThat(Latencies.median(5, 1, 3)).isEqualTo(3.0);
    }

    @Test
    void a_round_counts_queries_per_second_over_its_wall_time() {
        Latencies l = new Latencies();
        for (int i = 1; i <= 4; i++) {
            l.add(i * 1_000_000L);
        }

        Latencies.Round round = l.summarise(2_000_000_000L);

        assertThat(round).isEqualTo(new Latencies.Round(4, 2.0, 4.0, 2.5, 2.0, 0));
    }
}
