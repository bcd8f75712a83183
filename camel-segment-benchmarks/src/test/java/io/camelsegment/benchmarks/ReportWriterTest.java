package io.camelsegment.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportWriterTest {

    private static final long N = 1_000_000;
    private static final MachineInfo MACHINE = new MachineInfo(2, "test CPU", "4 GB", "Linux", "JVM 17",
            "2025-01-01 00:00 UTC", "4.18.0", "3.5.4");

    @TempDir
    Path dir;

    /** A driver that delivered every event in {@code seconds}, with {@code requests} requests of 400-byte events. */
    private static DriverResult result(String id, double seconds, double cpuSeconds, long requests, long lost) {
        return new DriverResult(Drivers.info(id), "ok", N, seconds, cpuSeconds, 2.5,
                java.util.Map.of("gc", 1.5, "jit", 0.5, "application", cpuSeconds - 2), 150_000, 0, N - lost, N - lost, 0,
                requests, 0, 400 * (N - lost), 500_000);
    }

    private static ReportWriter writer(long events, String jvmArgs) {
        return new ReportWriter(new BenchSettings(events, 500, 150, 200_000, 1), jvmArgs, MACHINE);
    }

    @Test
    void minimumRequestsComeFromBytesAndTheEventLimit() {
        DriverResult r = result("segment-batch", 10, 5, 800, 0);
        // 400,000,000 bytes / 512,000 = 781.25 -> 782 requests; 1,000,000 / 2500 = 400
        assertEquals(782, r.minimumRequests());
        assertEquals(800.0 / 782 - 1, r.requestsOverMinimum(), 1e-9);
        assertEquals(100_000, r.eventsPerSecond(), 1e-9);
    }

    @Test
    void targetsAreMetOnlyWhenTheNumbersSaySo() {
        List<DriverResult> fast = List.of(
                result("segment-buffered-ack", 10, 20, 790, 0),
                result("segment-buffered-ff", 9, 18, 800, 0),
                result("analytics-java-tuned", 40, 90, 900, 0));
        List<String[]> rows = writer(N, "-Xmx128m").targets(new Rounds(List.of(fast)));
        assertEquals("yes", rows.get(0)[2], rows.get(0)[1]);
        assertEquals("yes", rows.get(1)[2], rows.get(1)[1]);
        assertEquals("yes", rows.get(2)[2], rows.get(2)[1]);
        assertEquals("yes", rows.get(3)[2], rows.get(3)[1]);

        List<DriverResult> slow = List.of(
                result("segment-buffered-ack", 20, 20, 1000, 3),
                result("analytics-java-tuned", 40, 90, 900, 0));
        rows = writer(N, "-Xmx128m").targets(new Rounds(List.of(slow)));
        assertEquals("**no**", rows.get(0)[2], "2x is not 3x");
        assertEquals("**no**", rows.get(1)[2], "1000 requests is far above the minimum");
        assertEquals("**no**", rows.get(3)[2], "3 events lost");

        rows = writer(100_000, "-Xmx128m").targets(new Rounds(List.of(List.of(slow.get(0)))));
        assertEquals("not measured", rows.get(0)[2]);
        assertEquals("not measured", rows.get(2)[2], "a quick run cannot claim the 1,000,000-event target");
    }

    @Test
    void writesTheTableAndAChartOfEveryDriver() throws Exception {
        List<DriverResult> results = List.of(
                result("segment-buffered-ack", 10, 20, 790, 0),
                new DriverResult(Drivers.info("analytics-java-default"), "timeout", N, Double.NaN, Double.NaN, Double.NaN,
                        java.util.Map.of(), -1,
                        -1, 1000, 1000, 0, 4, 0, 400_000, 100_000),
                result("analytics-java-tuned", 40, 90, 900, 0));
        Path report = writer(N, "-Xmx128m").write(new Rounds(List.of(results)), dir);

        String md = Files.readString(report);
        assertTrue(md.contains("| segment:track?batching=true (acknowledged) | ok | 100,000 | 4.00× | n/a | 790 |"),
                md);
        assertTrue(md.contains("`analytics-java-default` did not complete: timeout"), md);
        assertTrue(md.contains("![events per second](benchmarks-throughput.svg)"));
        String svg = Files.readString(dir.resolve(ReportWriter.CHART));
        assertTrue(svg.startsWith("<svg"));
        assertEquals(3, svg.split("<rect x=").length - 1, "one bar per driver");
        assertTrue(svg.contains("analytics-java, default settings") && svg.contains("timeout"), svg);
    }

    @Test
    void ratiosArePairedWithinARoundAndTheMedianIsReported() {
        // Round 2 is slow for both drivers: within it, acknowledged is still 3x; the median run of each is round 1.
        Rounds rounds = new Rounds(List.of(
                List.of(result("segment-buffered-ack", 10, 20, 790, 0), result("analytics-java-tuned", 31, 90, 900, 0)),
                List.of(result("segment-buffered-ack", 14, 20, 790, 0), result("analytics-java-tuned", 42, 90, 900, 0)),
                List.of(result("segment-buffered-ack", 9, 20, 790, 0),
                        result("analytics-java-tuned", 25, 90, 900, 0))));

        assertRatios(List.of(3.1, 3.0, 25.0 / 9), rounds.ratios("segment-buffered-ack", "analytics-java-tuned",
                DriverResult::eventsPerSecond));
        assertEquals(3.0, Rounds.median(rounds.ratios("segment-buffered-ack", "analytics-java-tuned",
                DriverResult::eventsPerSecond)), 1e-9);
        assertEquals(10, rounds.medians().get(0).seconds(), "median of 9, 10 and 14 s");
        assertEquals(31, rounds.medians().get(1).seconds(), "median of 25, 31 and 42 s");

        String[] speed = writer(N, "-Xmx128m").targets(rounds).get(0);
        assertEquals("yes", speed[2], speed[1]);
        assertTrue(speed[1].startsWith("3.00× the events/s") && speed[1].contains("3.10×, 3.00×, 2.78×"), speed[1]);
        String md = writer(N, "-Xmx128m").markdown(rounds);
        assertTrue(md.contains("| 2 | 71,429 | 23,810 | 3.00× |"), md);
    }

    @Test
    void aDriverThatFailsInOneRoundIsLeftOutOfThatRoundsRatio() {
        DriverResult failed = new DriverResult(Drivers.info("segment-buffered-ack"), "timeout", N, Double.NaN,
                Double.NaN, Double.NaN, java.util.Map.of(), -1, -1, 10, 10, 0, 1, 0, 4_000, 4_000);
        Rounds rounds = new Rounds(List.of(
                List.of(failed, result("analytics-java-tuned", 30, 90, 900, 0)),
                List.of(result("segment-buffered-ack", 12, 20, 790, 0),
                        result("analytics-java-tuned", 30, 90, 900, 0))));

        assertRatios(List.of(2.5), rounds.ratios("segment-buffered-ack", "analytics-java-tuned",
                DriverResult::eventsPerSecond));
        assertEquals("ok", rounds.medians().get(0).status(), "the completed run stands for the driver");
        String[] lost = writer(N, "-Xmx128m").targets(rounds).get(3);
        assertEquals("**no**", lost[2], "a round that lost events fails the target: " + lost[1]);
    }

    private static void assertRatios(List<Double> expected, List<Double> actual) {
        assertEquals(expected.size(), actual.size(), actual.toString());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i), actual.get(i), 1e-9, "round " + (i + 1));
        }
    }

    @Test
    void theComparedDriversRunBackToBackFirst() {
        List<String> order = Drivers.runOrder(Drivers.ALL).stream().map(Drivers.Info::id).toList();
        assertEquals(List.of("segment-buffered-ack", "analytics-java-tuned", "segment-buffered-ff", "segment-batch",
                "analytics-java-default", "camel-http-aggregator", "segment-ack-1t", "segment-direct-1t",
                "segment-ack-10t", "segment-direct-10t", "segment-ack-200t", "segment-direct-200t", "segment-ff-200t",
                "segment-batch-aggregator", "raw-limit"), order);
        assertEquals(List.of("segment-batch"), Drivers.runOrder(Drivers.select("segment-batch")).stream()
                .map(Drivers.Info::id).toList());
    }

    @Test
    void aDriverThatDiedInItsWarmUpHasNoMeasuredLoss() throws Exception {
        DriverResult died = new DriverResult(Drivers.info("analytics-java-default"),
                "OutOfMemoryError (in its warm-up)", N, Double.NaN, Double.NaN, Double.NaN, java.util.Map.of(), 200_000, -1, 0, 0, 0, 0, 0, 0, 0);
        String md = writer(N, "-Xmx128m").markdown(new Rounds(List.of(List.of(died,
                result("analytics-java-tuned", 40, 90, 900, 0)))));
        assertTrue(md.contains("| analytics-java, default settings | OutOfMemoryError (in its warm-up) | n/a |"), md);
        assertTrue(md.contains("| 195 | n/a | 0 |"), "peak RSS, no loss figure, no duplicates: " + md);
        assertTrue(md.contains("its measured run never started"), md);
    }
}
