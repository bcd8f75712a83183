package io.camelsegment.benchmarks;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The main class of a forked driver JVM: {@code DriverProcess <driverId> <trackingUrl> <hostUrl> <writeKey>}. Runs one
 * driver, measures it, and prints one line {@code BENCH-RESULT {json}} on standard output for the runner.
 */
public final class DriverProcess {

    static final String RESULT_PREFIX = "BENCH-RESULT ";

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
            Driver driver = Drivers.create(driverId);
            driver.start(sink, settings);
            long cpuStart = ProcessMetrics.cpuNanos();
            long start = System.nanoTime();
            long failed;
            try {
                failed = driver.send();
            } finally {
                driver.close();
            }
            long elapsed = System.nanoTime() - start;
            result.put("failed", failed);
            result.put("seconds", elapsed / 1e9);
            result.put("cpuSeconds", (ProcessMetrics.cpuNanos() - cpuStart) / 1e9);
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
}
