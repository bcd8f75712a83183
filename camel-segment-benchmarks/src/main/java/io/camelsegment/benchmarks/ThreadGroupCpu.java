package io.camelsegment.benchmarks;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU time of this JVM's threads by kind (garbage collection, JIT compilation, the rest), read from Linux's
 * {@code /proc/self/task}: where a driver's CPU goes, without a profiler's own overhead. Threads that ended before a
 * snapshot are not in it; the rest of the process total covers them.
 */
final class ThreadGroupCpu {

    static final String GC = "gc";
    static final String JIT = "jit";
    static final String APPLICATION = "application";

    /** Linux reports thread CPU in clock ticks, 100 per second on every mainstream kernel configuration. */
    private static final double TICKS_PER_SECOND = 100.0;

    private ThreadGroupCpu() {
    }

    /** Seconds of CPU per kind of thread so far; empty where /proc is not available. */
    static Map<String, Double> snapshot() {
        Map<String, Double> seconds = new LinkedHashMap<>();
        seconds.put(GC, 0.0);
        seconds.put(JIT, 0.0);
        seconds.put(APPLICATION, 0.0);
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path task : tasks) {
                try {
                    String name = Files.readString(task.resolve("comm")).trim();
                    String stat = Files.readString(task.resolve("stat"));
                    // Fields after the parenthesised name: state is field 3, utime 14 and stime 15.
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    double cpu = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
                    seconds.merge(kind(name), cpu, Double::sum);
                } catch (IOException | RuntimeException e) {
                    // the thread ended while we read it
                }
            }
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
        return seconds;
    }

    /** What a thread is for, from the name the JVM gives its own threads. */
    static String kind(String threadName) {
        if (threadName.startsWith("GC Thread") || threadName.startsWith("G1 ") || threadName.startsWith("VM Thread")) {
            return GC;
        }
        if (threadName.startsWith("C1 Compiler") || threadName.startsWith("C2 Compiler")) {
            return JIT;
        }
        return APPLICATION;
    }

    /** after - before, per kind. */
    static Map<String, Double> difference(Map<String, Double> before, Map<String, Double> after) {
        Map<String, Double> result = new LinkedHashMap<>();
        after.forEach((kind, value) -> result.put(kind, value - before.getOrDefault(kind, 0.0)));
        return result;
    }

    /**
     * CPU per kind over a window: the collector's and the compiler's threads (which live as long as the JVM), and
     * as application the rest of the process's CPU over the window. Summing the application threads instead would
     * lose (even subtract) the CPU of threads that end within the window, such as a stopped context's.
     */
    static Map<String, Double> window(Map<String, Double> before, Map<String, Double> after,
                                      double processCpuSeconds) {
        Map<String, Double> result = difference(before, after);
        if (!result.isEmpty()) {
            result.put(APPLICATION, processCpuSeconds - result.get(GC) - result.get(JIT));
        }
        return result;
    }
}
