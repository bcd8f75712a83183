package io.camelsegment.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/** What this JVM process has used: CPU time of all its threads, and its peak resident set size. */
final class ProcessMetrics {

    private ProcessMetrics() {
    }

    /** CPU time of the whole process (all threads, GC and JIT included), in nanoseconds; -1 if unknown. */
    static long cpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    /** Peak resident set size of this process (VmHWM), in kB; -1 where the OS does not say. */
    static long peakRssKb() {
        return peakRssKb(ProcessHandle.current().pid());
    }

    /** Peak resident set size of a live process (VmHWM in /proc/PID/status), in kB; -1 if unknown or gone. */
    static long peakRssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or the process has exited: unknown
        }
        return -1;
    }
}
