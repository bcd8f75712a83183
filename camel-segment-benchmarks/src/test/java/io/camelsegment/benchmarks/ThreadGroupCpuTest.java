package io.camelsegment.benchmarks;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ThreadGroupCpuTest {

    @Test
    void tellsTheJvmsOwnThreadsFromTheApplications() {
        assertEquals(ThreadGroupCpu.GC, ThreadGroupCpu.kind("GC Thread#1"));
        assertEquals(ThreadGroupCpu.GC, ThreadGroupCpu.kind("G1 Conc#0"));
        assertEquals(ThreadGroupCpu.JIT, ThreadGroupCpu.kind("C2 CompilerThre"));
        assertEquals(ThreadGroupCpu.JIT, ThreadGroupCpu.kind("C1 CompilerThre"));
        assertEquals(ThreadGroupCpu.APPLICATION, ThreadGroupCpu.kind("main"));
        assertEquals(ThreadGroupCpu.APPLICATION, ThreadGroupCpu.kind("Camel (camel-1) thread #1 - SegmentBatchSender"));
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void chargesBusyThreadsToTheApplication() {
        Map<String, Double> before = ThreadGroupCpu.snapshot();
        double sink = burnCpu();
        Map<String, Double> used = ThreadGroupCpu.difference(before, ThreadGroupCpu.snapshot());
        assertTrue(sink > 0);
        assertTrue(used.get(ThreadGroupCpu.APPLICATION) >= 0.1, used.toString());
        assertTrue(used.get(ThreadGroupCpu.GC) >= 0 && used.get(ThreadGroupCpu.JIT) >= 0, used.toString());
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void chargesAThreadThatEndedWithinTheWindowToTheApplication() throws Exception {
        Map<String, Double> before = ThreadGroupCpu.snapshot();
        long cpuStart = ProcessMetrics.cpuNanos();
        Thread worker = new Thread(() -> {
            double x = burnCpu();
            System.setProperty("thread-group-cpu-test", Double.toString(x));
        });
        worker.start();
        worker.join();
        double processCpu = (ProcessMetrics.cpuNanos() - cpuStart) / 1e9;
        Map<String, Double> window = ThreadGroupCpu.window(before, ThreadGroupCpu.snapshot(), processCpu);
        assertTrue(window.get(ThreadGroupCpu.APPLICATION) >= 0.1, window.toString());
        assertEquals(processCpu, window.get(ThreadGroupCpu.APPLICATION) + window.get(ThreadGroupCpu.GC)
                                 + window.get(ThreadGroupCpu.JIT), 1e-9);
    }

    /**
     * Spins until this thread has used 0.3 s of CPU (not of wall time: on a loaded machine 0.3 s of wall time can be
     * a few hundredths of CPU).
     */
    private static double burnCpu() {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long end = threads.getCurrentThreadCpuTime() + 300_000_000L;
        double x = 0;
        while (threads.getCurrentThreadCpuTime() < end) {
            for (int i = 0; i < 10_000; i++) {
                x += Math.sqrt(x + 1);
            }
        }
        return x;
    }
}
