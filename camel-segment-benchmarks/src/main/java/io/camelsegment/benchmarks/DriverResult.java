package io.camelsegment.benchmarks;

import java.util.Map;

/**
 * What one driver achieved: its own measurements (from its JVM) and what the sink counted while it ran.
 *
 * @param info            which driver
 * @param status          "ok", "timeout", "OutOfMemoryError" or "error: ..."
 * @param sent            events the driver was asked to send
 * @param seconds         wall time of send + close (first event to everything delivered and stopped); NaN if unknown
 * @param cpuSeconds      process CPU time over that same window
 * @param sinkCpuSeconds  CPU time of the runner's JVM (the sink, mostly) from the go of the measured run to its end
 * @param cpuByThreadKind the driver's CPU seconds over the window by kind of thread: gc, jit, and application (the
 *                        rest of the process's CPU, threads that ended within the window included)
 * @param peakRssKb       the driver JVM's peak resident set size (VmHWM), -1 if unknown
 * @param driverFailed    events the driver was told had failed, -1 if unknown
 * @param received        events the sink accepted, duplicates included
 * @param distinct        distinct messageIds the sink accepted
 * @param duplicates      events the sink accepted again under a messageId it already had
 * @param requests        HTTP requests the sink received
 * @param rejected        requests the sink refused (auth, limits, bad JSON)
 * @param bytes           request body bytes the sink received
 * @param maxRequestBytes the largest request body
 */
public record DriverResult(Drivers.Info info, String status, long sent, double seconds, double cpuSeconds,
                           double sinkCpuSeconds, Map<String, Double> cpuByThreadKind,
                           long peakRssKb, long driverFailed, long received, long distinct, long duplicates,
                           long requests, long rejected, long bytes, long maxRequestBytes) {

    /** Segment's limit on one batch request: 500 KB. */
    public static final long MAX_BATCH_BYTES = 500 * 1024;
    public static final long MAX_BATCH_EVENTS = 2500;

    public boolean ok() {
        return "ok".equals(status);
    }

    /** Distinct events delivered per second of the timed window. */
    public double eventsPerSecond() {
        return seconds > 0 ? distinct / seconds : Double.NaN;
    }

    public long lost() {
        return sent - distinct;
    }

    public double cpuMicrosPerEvent() {
        return distinct > 0 ? cpuSeconds * 1e6 / distinct : Double.NaN;
    }

    /** The fewest requests that could have carried these bytes and events within Segment's batch limits. */
    public long minimumRequests() {
        return Math.max(ceilDiv(bytes, MAX_BATCH_BYTES), ceilDiv(received, MAX_BATCH_EVENTS));
    }

    /** How far above that minimum the driver was, as a fraction (0.03 = 3 % more requests). */
    public double requestsOverMinimum() {
        long minimum = minimumRequests();
        return minimum > 0 ? (double) requests / minimum - 1 : Double.NaN;
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
