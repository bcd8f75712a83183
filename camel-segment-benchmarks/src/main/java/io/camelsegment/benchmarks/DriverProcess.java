package io.camelsegment.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The main class of a forked driver JVM: {@code DriverProcess <driverId> <trackingUrl> <hostUrl> <writeKey> <goFile>}.
 * Starts the driver, warms it up (untimed sends of {@code bench.warmupEvents} other events), prints
 * {@value #WARMED_UP}, waits for the runner to reset the sink and create {@code goFile}, then sends the measured events
 * through the same driver and closes it, measures that, and prints one line {@code BENCH-RESULT {json}} on standard
 * output.
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
        Drivers.Info info = Drivers.info(driverId);
        result.put("events", info.events(settings));
        int exitCode = 0;
        try {
            Driver driver = Drivers.create(driverId);
            driver.start(sink, settings);
            warmUp(driver, info.warmupEvents(settings));
            System.out.println(WARMED_UP);
            System.out.flush();
            awaitFile(Path.of(args[4]), settings.deliveryTimeoutMillis());
            Map<String, Double> threadsStart = ThreadGroupCpu.snapshot();
            long cpuStart = ProcessMetrics.cpuNanos();
            long start = System.nanoTime();
            long failed;
            try {
                failed = driver.send(0, info.events(settings));
            } finally {
                driver.close();
            }
            long elapsed = System.nanoTime() - start;
            result.put("failed", failed);
            result.put("seconds", elapsed / 1e9);
            double cpuSeconds = (ProcessMetrics.cpuNanos() - cpuStart) / 1e9;
            result.put("cpuSeconds", cpuSeconds);
            result.put("cpuSecondsByThreadKind",
                    ThreadGroupCpu.window(threadsStart, ThreadGroupCpu.snapshot(), cpuSeconds));
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
     * Sends the warm-up events through the driver that then sends the measured ones, in {@value #WARMUP_RUNS} sends,
     * each waited for as the measured one is: the measured run meets compiled code and a started sender, as a
     * long-running application does. (Warming up separate instances instead makes the measured run pay for what
     * starting the next one invalidates: the JIT compiles hot code again.)
     */
    private static void warmUp(Driver driver, long warmupEvents) throws Exception {
        long perRun = warmupEvents / WARMUP_RUNS;
        for (int run = 0; perRun > 0 && run < WARMUP_RUNS; run++) {
            driver.send(BenchSettings.WARMUP_FIRST_EVENT + run * perRun, perRun);
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
