package dev.stacks.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GarbageCollectorTest {

    @Test
    void each_collector_is_named_by_its_beans() {
        assertThat(GarbageCollector.name(List.of("ZGC Cycles", "ZGC Pauses"))).isEqualTo("ZGC");
        assertThat(GarbageCollector.name(List.of("Shenandoah Pauses", "Shenandoah Cycles"))).isEqualTo("Shenandoah");
        assertThat(GarbageCollector.name(List.of("G1 Young Generation", "G1 Old Generation"))).isEqualTo("G1");
        assertThat(GarbageCollector.name(List.of("PS Scavenge", "PS MarkSweep"))).isEqualTo("Parallel");
        assertThat(GarbageCollector.name(List.of("Copy", "MarkSweepCompact"))).isEqualTo("Serial");
        assertThat(GarbageCollector.name(List.of("Epsilon-ish"))).isEqualTo("Epsilon-ish");
        assertThat(GarbageCollector.name(List.of())).isEqualTo("unknown");
    }

    @Test
    void this_jvm_s_collector_is_one_of_the_known_ones() {
        assertThat(GarbageCollector.name()).isIn("ZGC", "Shenandoah", "G1", "Parallel", "Serial");
    }
}
