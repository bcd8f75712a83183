package io.camelsegment.benchmarks;

import java.util.List;

/**
 * The knobs of a run, read from {@code bench.*} system properties (the Maven profile sets them; the runner hands them
 * on to every driver process).
 *
 * @param events         events every driver sends
 * @param listSize       events per List for segment:batch, and the aggregator's completionSize
 * @param timeoutSeconds how long one driver may take before it is stopped and reported as timed out
 * @param warmupEvents   events each driver sends, untimed, before the measured ones (JIT compilation done, as in a
 *                       long-running application); 0 for none
 * @param rounds         how many times every driver runs (each time in a fresh JVM, the drivers one after the other
 *                       in every round); the report takes medians over the rounds
 */
public record BenchSettings(long events, int listSize, long timeoutSeconds, long warmupEvents, int rounds) {

    /** The system properties a driver process must receive to rebuild these settings. */
    public static final List<String> PROPERTIES = List.of("bench.events", "bench.listSize", "bench.timeoutSeconds",
            "bench.warmupEvents", "bench.rounds");

    /** Warm-up events are numbered from here, so their messageIds never meet the measured events' ones. */
    public static final long WARMUP_FIRST_EVENT = 1_000_000_000_000L;

    public static BenchSettings fromSystemProperties() {
        return new BenchSettings(
                Long.getLong("bench.events", 1_000_000L),
                Integer.getInteger("bench.listSize", 500),
                Long.getLong("bench.timeoutSeconds", 150L),
                Long.getLong("bench.warmupEvents", 1_000_000L),
                Math.max(1, Integer.getInteger("bench.rounds", 5)));
    }

    /** How long a driver waits for its last deliveries: a little less than the runner's hard stop. */
    public long deliveryTimeoutMillis() {
        return Math.max(5_000L, (timeoutSeconds - 10) * 1000L);
    }
}
