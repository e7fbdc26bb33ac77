package dev.stacks.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * Which garbage collector this JVM runs, by the names of its collector beans: the bench's latency
 * tail depends on it (G1's young pauses of a few milliseconds land inside searches that take one;
 * ZGC's stay under one, but its concurrent work takes CPU and on Java 17 it wants a large heap),
 * so the figures name it.
 */
final class GarbageCollector {
    private GarbageCollector() {
    }

    /** "ZGC", "Shenandoah", "G1", "Parallel", "Serial", or the bean names as the JVM gives them. */
    static String name() {
        return name(ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName).toList());
    }

    static String name(List<String> beans) {
        String all = String.join(", ", beans);
        if (all.startsWith("ZGC")) {
            return "ZGC";
        }
        if (all.startsWith("Shenandoah")) {
            return "Shenandoah";
        }
        if (all.startsWith("G1")) {
            return "G1";
        }
        if (all.startsWith("PS ")) {
            return "Parallel";
        }
        if (all.startsWith("Copy") || all.startsWith("MarkSweepCompact")) {
            return "Serial";
        }
        return all.isEmpty() ? "unknown" : all;
    }
}
