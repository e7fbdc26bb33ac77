package dev.stacks.search;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class TopOrdinalsTest {
    @Test
    void keeps_the_most_frequent_with_ties_in_ordinal_order_like_a_full_sort() {
        Random random = new Random(7);
        for (int trial = 0; trial < 200; trial++) {
            int limit = 1 + random.nextInt(25);
            int n = random.nextInt(300);
            FacetValues.TopOrdinals top = new FacetValues.TopOrdinals(limit);
            List<int[]> all = new ArrayList<>();
            for (int ord = 0; ord < n; ord++) {
                int count = random.nextInt(6); // many ties, many zeros
                top.offer(ord, count);
                if (count > 0) {
                    all.add(new int[] {ord, count});
                }
            }
            all.sort(Comparator.<int[]>comparingInt(a -> -a[1]).thenComparingInt(a -> a[0]));
            List<int[]> expected = all.subList(0, Math.min(limit, all.size()));
            assertThat(top.size()).isEqualTo(expected.size());
            for (int i = 0; i < top.size(); i++) {
                assertThat(new int[] {top.ord(i), top.count(i)}).as("trial %d, rank %d", trial, i).containsExactly(expected.get(i));
            }
        }
    }

    @Test
    void an_unlimited_top_keeps_every_counted_ordinal() {
        FacetValues.TopOrdinals top = new FacetValues.TopOrdinals(Integer.MAX_VALUE);
        for (int ord = 0; ord < 100; ord++) {
            top.offer(ord, ord % 3);
        }
        assertThat(top.size()).isEqualTo(66);
        assertThat(top.count(0)).isEqualTo(2);
        assertThat(top.ord(0)).isEqualTo(2);
    }
}
