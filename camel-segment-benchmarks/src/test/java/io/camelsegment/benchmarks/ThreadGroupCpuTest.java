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
        long end = System.nanoTime() + 300_000_000L;
        double sink = 0;
        while (System.nanoTime() < end) {
            sink += Math.sqrt(sink + 1);
        }
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
            long end = System.nanoTime() + 300_000_000L;
            double x = 0;
            while (System.nanoTime() < end) {
                x += Math.sqrt(x + 1);
            }
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
}
