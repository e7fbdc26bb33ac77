package dev.stacks.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JitWarmUpTest {
    @Test
    void a_zero_bound_runs_one_round() throws Exception {
        int[] rounds = {0};
        JitWarmUp.Outcome outcome = JitWarmUp.run(() -> rounds[0]++, 0, 0);
        assertThat(rounds[0]).isEqualTo(1);
        assertThat(outcome.rounds()).isEqualTo(1);
        assertThat(outcome.quiet()).isFalse();
    }

    @Test
    void stops_once_the_jit_is_quiet_for_a_second_after_the_lower_bound() throws Exception {
        JitWarmUp.Outcome outcome = JitWarmUp.run(() -> Thread.sleep(50), 500_000_000L, 30_000_000_000L);
        assertThat(outcome.quiet()).isTrue();
        assertThat(outcome.seconds()).isGreaterThanOrEqualTo(1.0).isLessThan(30);
        assertThat(outcome.rounds()).isGreaterThanOrEqualTo(20);
    }
}
