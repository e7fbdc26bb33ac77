package dev.stacks.app;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * Which garbage collector this JVM runs, by the names of its collector beans. Search latency's
 * tail depends on it: G1's young pauses (a few ms, now and then tens) land inside queries that
 * otherwise take one, where ZGC's and Shenandoah's pauses stay under a millisecond. (ZGC on Java
 * 17 collects the whole heap each time, so it wants room: at a 1 GB heap and a thousand queries a
 * second it stalled allocations; at 3 GB it did not.)
 */
public final class GarbageCollector {
    private GarbageCollector() {
    }

    /** "ZGC", "Shenandoah", "G1", "Parallel", "Serial", or the bean names as the JVM gives them. */
    public static String name() {
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

    /** Whether pauses stay under a millisecond whatever the heap (ZGC, Shenandoah). */
    public static boolean lowPause() {
        String name = name();
        return name.equals("ZGC") || name.equals("Shenandoah");
    }
}
