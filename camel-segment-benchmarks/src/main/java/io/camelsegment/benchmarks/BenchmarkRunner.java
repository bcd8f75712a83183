package io.camelsegment.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelsegment.benchmarks.sink.BenchmarkSink;

/**
 * Runs the benchmark: starts the sink in this JVM, runs each driver in its own JVM (same flags for all, one after the
 * other) in each of {@code bench.rounds} rounds, pairs what each driver measured with what the sink counted, and
 * writes the report.
 * <p>
 * System properties: {@code bench.events}, {@code bench.drivers} (ids, comma-separated, or "all"),
 * {@code bench.driverJvmArgs}, {@code bench.timeoutSeconds} (per driver), {@code bench.listSize},
 * {@code bench.warmupEvents}, {@code bench.rounds}, {@code bench.output} (directory of benchmarks.md),
 * {@code bench.logs}.
 */
public final class BenchmarkRunner {

    static final String DEFAULT_DRIVER_JVM_ARGS = "-Xmx128m -XX:+UseG1GC -XX:+ExitOnOutOfMemoryError";
    private static final String WRITE_KEY = "bench-write-key";
    private static final int SINK_THREADS = 4;

    private final BenchSettings settings;
    private final List<String> driverJvmArgs;
    private final Path logs;
    private final ObjectMapper mapper = new ObjectMapper();

    BenchmarkRunner(BenchSettings settings, List<String> driverJvmArgs, Path logs) {
        this.settings = settings;
        this.driverJvmArgs = driverJvmArgs;
        this.logs = logs;
    }

    public static void main(String[] args) throws Exception {
        BenchSettings settings = BenchSettings.fromSystemProperties();
        List<String> jvmArgs = List.of(System.getProperty("bench.driverJvmArgs", DEFAULT_DRIVER_JVM_ARGS).trim()
                .split("\\s+"));
        List<Drivers.Info> drivers = Drivers.select(System.getProperty("bench.drivers"));
        Path output = Path.of(System.getProperty("bench.output", "docs"));
        Path logs = Path.of(System.getProperty("bench.logs", "target/benchmark-logs"));
        Files.createDirectories(logs);

        BenchmarkRunner runner = new BenchmarkRunner(settings, jvmArgs, logs);
        List<List<DriverResult>> rounds = new ArrayList<>();
        // The JDK's HTTP server writes a response in pieces; without TCP_NODELAY, Nagle's algorithm and the client's
        // delayed ACK add ~40 ms to every small request, which would measure the sink instead of the drivers.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        // The sink accepts any credentials: analytics-java sends its write key in the body, not as Basic auth.
        try (BenchmarkSink sink = new BenchmarkSink(0, null, SINK_THREADS)) {
            for (int round = 1; round <= settings.rounds(); round++) {
                Map<Drivers.Info, DriverResult> byDriver = new LinkedHashMap<>();
                for (Drivers.Info driver : Drivers.runOrder(drivers)) {
                    System.out.printf("[bench] round %d/%d, %s: %,d events ...%n", round, settings.rounds(),
                            driver.id(), driver.events(settings));
                    sink.reset();
                    DriverResult result = runner.run(driver, sink);
                    byDriver.put(driver, result);
                    System.out.printf("[bench] %s: %s, %.0f events/s, %d requests, %.1f CPU s, peak RSS %d MB, "
                                      + "lost %d, duplicated %d%n", driver.id(), result.status(),
                            result.eventsPerSecond(), result.requests(), result.cpuSeconds(),
                            result.peakRssKb() / 1024, result.lost(), result.duplicates());
                }
                rounds.add(drivers.stream().map(byDriver::get).toList()); // report order
            }
        }
        Path report = new ReportWriter(settings, String.join(" ", jvmArgs), MachineInfo.collect())
                .write(new Rounds(rounds), output);
        System.out.println("[bench] report: " + report);
    }

    /** Runs one driver in a fresh JVM and waits for it, at most the per-driver timeout. */
    DriverResult run(Drivers.Info driver, BenchmarkSink sink) throws IOException, InterruptedException {
        Path out = logs.resolve(driver.id() + ".out");
        Path err = logs.resolve(driver.id() + ".log");
        Path go = logs.resolve(driver.id() + ".go");
        Files.deleteIfExists(go);
        Process process = new ProcessBuilder(command(driver, sink, go))
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        // Sampled from outside too, so a driver that dies (OutOfMemoryError) or hangs still has a peak RSS.
        long sampledPeakRssKb = -1;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(settings.timeoutSeconds());
        String status = null;
        boolean warmedUp = false;
        long sinkCpuStart = -1;
        while (!process.waitFor(warmedUp ? 100 : 10, TimeUnit.MILLISECONDS)) {
            sampledPeakRssKb = Math.max(sampledPeakRssKb, ProcessMetrics.peakRssKb(process.pid()));
            if (!warmedUp && Files.readString(out, StandardCharsets.UTF_8).contains(DriverProcess.WARMED_UP)) {
                // The warm-up sends are over (every event settled): the sink counts the measured run only.
                warmedUp = true;
                sink.reset();
                sinkCpuStart = ProcessMetrics.cpuNanos();
                Files.createFile(go);
            }
            if (System.nanoTime() > deadline) {
                process.destroyForcibly().waitFor();
                Thread.sleep(500); // let the sink finish requests the killed driver had started
                status = "timeout";
                break;
            }
        }
        // -XX:+ExitOnOutOfMemoryError reports on stdout, a stack trace would be on stderr.
        String output = Files.readString(out, StandardCharsets.UTF_8) + Files.readString(err, StandardCharsets.UTF_8);
        JsonNode measured = readResult(out);
        if (status == null) {
            if (output.contains("OutOfMemoryError")) {
                status = warmedUp ? "OutOfMemoryError" : "OutOfMemoryError (in its warm-up)";
            } else if (!warmedUp) {
                status = "error: did not finish its warm-up (see " + err.getFileName() + ")";
            } else if (measured == null) {
                status = "error: exit code " + process.exitValue() + ", no result (see " + err.getFileName() + ")";
            } else if (measured.hasNonNull("error")) {
                status = "error: " + measured.get("error").asText();
            } else {
                status = "ok";
            }
        }
        if (!warmedUp) {
            sink.reset(); // what arrived were warm-up events: none of the measured ones was sent
        }
        double sinkCpuSeconds = sinkCpuStart < 0 ? Double.NaN : (ProcessMetrics.cpuNanos() - sinkCpuStart) / 1e9;
        return new DriverResult(driver, status, driver.events(settings),
                number(measured, "seconds"), number(measured, "cpuSeconds"), sinkCpuSeconds,
                threadKinds(measured),
                Math.max(sampledPeakRssKb, measured == null ? -1 : measured.path("peakRssKb").asLong(-1)),
                measured == null ? -1 : measured.path("failed").asLong(-1),
                sink.events(), sink.distinctMessageIds(), sink.duplicates(), sink.requests(),
                sink.rejectedRequests(), sink.bytes(), sink.maxRequestBytes());
    }

    private List<String> command(Drivers.Info driver, BenchmarkSink sink, Path go) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(driverJvmArgs);
        for (String property : BenchSettings.PROPERTIES) {
            String value = System.getProperty(property);
            if (value != null) {
                command.add("-D" + property + "=" + value);
            }
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(DriverProcess.class.getName());
        command.add(driver.id());
        command.add(sink.trackingUrl());
        command.add(sink.hostUrl());
        command.add(WRITE_KEY);
        command.add(go.toString());
        return command;
    }

    private JsonNode readResult(Path out) throws IOException {
        for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
            if (line.startsWith(DriverProcess.RESULT_PREFIX)) {
                return mapper.readTree(line.substring(DriverProcess.RESULT_PREFIX.length()));
            }
        }
        return null;
    }

    /** CPU seconds by kind of thread (gc, jit, application), as the driver measured them; empty if unknown. */
    private static Map<String, Double> threadKinds(JsonNode measured) {
        Map<String, Double> kinds = new LinkedHashMap<>();
        if (measured != null) {
            measured.path("cpuSecondsByThreadKind").fields().forEachRemaining(e -> kinds.put(e.getKey(),
                    e.getValue().asDouble()));
        }
        return kinds;
    }

    private static double number(JsonNode measured, String field) {
        return measured != null && measured.hasNonNull(field) ? measured.get(field).asDouble() : Double.NaN;
    }
}
