package io.camelsegment.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The main class of a forked driver JVM: {@code DriverProcess <driverId> <trackingUrl> <hostUrl> <writeKey> <goFile>}.
 * Warms up (complete untimed runs of the driver with {@code bench.warmupEvents} other events), prints
 * {@value #WARMED_UP}, waits for the runner to reset the sink and create {@code goFile}, then runs the driver again on
 * the measured events, measures it, and prints one line {@code BENCH-RESULT {json}} on standard output.
 */
public final class DriverProcess {

    static final String RESULT_PREFIX = "BENCH-RESULT ";
    static final String WARMED_UP = "BENCH-WARMED-UP";
    static final int WARMUP_RUNS = 2;

    private DriverProcess() {
    }

    public static void main(String[] args) {
        String driverId = args[0];
        Driver.Sink sink = new Driver.Sink(args[1], args[2], args[3]);
        BenchSettings settings = BenchSettings.fromSystemProperties();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("driver", driverId);
        result.put("events", settings.events());
        int exitCode = 0;
        try {
            warmUp(driverId, sink, settings);
            System.out.println(WARMED_UP);
            System.out.flush();
            awaitFile(Path.of(args[4]), settings.deliveryTimeoutMillis());
            Driver driver = Drivers.create(driverId);
            driver.start(sink, settings);
            Map<String, Double> threadsStart = ThreadGroupCpu.snapshot();
            long cpuStart = ProcessMetrics.cpuNanos();
            long start = System.nanoTime();
            long failed;
            try {
                failed = driver.send(0, settings.events());
            } finally {
                driver.close();
            }
            long elapsed = System.nanoTime() - start;
            result.put("failed", failed);
            result.put("seconds", elapsed / 1e9);
            result.put("cpuSeconds", (ProcessMetrics.cpuNanos() - cpuStart) / 1e9);
            result.put("cpuSecondsByThreadKind", ThreadGroupCpu.difference(threadsStart, ThreadGroupCpu.snapshot()));
        } catch (Throwable e) {
            result.put("error", e.getClass().getSimpleName() + ": " + e.getMessage());
            e.printStackTrace();
            exitCode = 1;
        }
        result.put("cpuSecondsTotal", ProcessMetrics.cpuNanos() / 1e9);
        result.put("peakRssKb", ProcessMetrics.peakRssKb());
        result.put("maxHeapMb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        try {
            System.out.println(RESULT_PREFIX + new ObjectMapper().writeValueAsString(result));
        } catch (Exception e) {
            e.printStackTrace();
            exitCode = 1;
        }
        System.out.flush();
        // Libraries may leave non-daemon threads behind; the measurement is done.
        System.exit(exitCode);
    }

    /**
     * The same driver, separate instances, through {@value #WARMUP_RUNS} whole runs (start, send, close) of their own,
     * half the warm-up events each. Why two: stopping the first instance and starting the next load classes that
     * invalidate code the JIT compiled on the assumption that they did not exist, and the JIT compiles it again;
     * with one warm-up run that recompilation falls into the measured run.
     */
    private static void warmUp(String driverId, Driver.Sink sink, BenchSettings settings) throws Exception {
        long perRun = settings.warmupEvents() / WARMUP_RUNS;
        if (perRun <= 0) {
            return;
        }
        for (int run = 0; run < WARMUP_RUNS; run++) {
            try (Driver driver = Drivers.create(driverId)) {
                driver.start(sink, settings);
                driver.send(BenchSettings.WARMUP_FIRST_EVENT + run * perRun, perRun);
            }
        }
    }

    private static void awaitFile(Path file, long timeoutMillis) throws Exception {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        while (!Files.exists(file)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the runner never gave the go (" + file + ")");
            }
            Thread.sleep(2);
        }
    }
}
