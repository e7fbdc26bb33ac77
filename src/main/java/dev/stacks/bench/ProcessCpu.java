package dev.stacks.bench;

import java.lang.management.ManagementFactory;
import java.time.Duration;

/** CPU time of the bench's processes, which other processes on the machine disturb far less than wall time. */
final class ProcessCpu {
    private ProcessCpu() {
    }

    /** This process's CPU time alone, every thread (GC and JIT included). */
    static long ownNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /**
     * This process's and its live children's (the forked extraction workers'). Read it while the
     * workers still run: a child that has exited no longer counts.
     */
    static long withChildrenNanos() {
        return ownNanos() + ProcessHandle.current().descendants()
                .mapToLong(p -> p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L)).sum();
    }
}
