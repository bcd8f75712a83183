package io.camelsegment.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import io.camelsegment.benchmarks.drivers.AnalyticsJavaDriver;
import io.camelsegment.benchmarks.drivers.CamelHttpAggregatorDriver;
import io.camelsegment.benchmarks.drivers.FeedingThreadsDriver;
import io.camelsegment.benchmarks.drivers.RawLimitDriver;
import io.camelsegment.benchmarks.drivers.SegmentBatchAggregatorDriver;
import io.camelsegment.benchmarks.drivers.SegmentBatchListsDriver;
import io.camelsegment.benchmarks.drivers.SegmentBufferedTrackDriver;

/** Every driver of the benchmark, in report order. */
public final class Drivers {

    /**
     * @param id           what the runner passes to the driver process and {@code -Dbench.drivers} selects
     * @param label        what the report calls it
     * @param feeding      how its events are fed, as the report tells it
     * @param eventDivisor the driver sends {@code bench.events} / this (and as many fewer warm-up events): drivers that
     *                     wait for every event on few threads would otherwise outlast the per-driver timeout
     */
    public record Info(String id, String label, String feeding, Supplier<Driver> factory, int eventDivisor) {

        public Info(String id, String label, String feeding, Supplier<Driver> factory) {
            this(id, label, feeding, factory, 1);
        }

        /** The measured events of this driver. */
        public long events(BenchSettings settings) {
            return Math.max(1, settings.events() / eventDivisor);
        }

        /** The warm-up events of this driver. */
        public long warmupEvents(BenchSettings settings) {
            return settings.warmupEvents() / eventDivisor;
        }
    }

    private static final String ACK = "segment:track?batching=true";
    private static final String DIRECT = "segment:track";
    private static final String WAITING = " thread(s) each sending one exchange to direct:events → ";
    private static final String AND_WAITING = " and waiting for it (template.sendBody)";

    public static final String ANALYTICS_DEFAULT = "analytics-java-default";
    public static final String ANALYTICS_TUNED = "analytics-java-tuned";
    public static final String BUFFERED_ACKNOWLEDGED = "segment-buffered-ack";

    public static final List<Info> ALL = List.of(
            new Info(BUFFERED_ACKNOWLEDGED, "segment:track?batching=true (acknowledged)",
                    "one thread handing exchanges to the asynchronous producer of direct:events → segment:track (as an "
                    + "asynchronous consumer such as Netty, Vert.x or a Kafka consumer committing on completion "
                    + "does), with up to 5,000 exchanges waiting for their batch; each completion frees a place; "
                    + "after the last event, the endpoint's flush()",
                    () -> new SegmentBufferedTrackDriver(false)),
            new Info("segment-buffered-ff", "segment:track?batching=true&deliveryMode=fireAndForget",
                    "one thread calling ProducerTemplate.sendBody per event; after the last one, the endpoint's "
                    + "flush() and a wait until its buffer is empty",
                    () -> new SegmentBufferedTrackDriver(true)),
            new Info("segment-batch", "segment:batch with Lists",
                    "Lists of bench.listSize events into seda:batches?concurrentConsumers=4 → segment:batch "
                    + "(without batching=true, each List is a request of its own: 500 of these events are about "
                    + "230 KB, hence the requests over the minimum; with batching=true Lists share requests, as in "
                    + "segment-batch-aggregator below)",
                    SegmentBatchListsDriver::new),
            new Info(ANALYTICS_DEFAULT, "analytics-java, default settings",
                    "one thread calling Analytics.enqueue; a Callback counts deliveries; then shutdown",
                    () -> new AnalyticsJavaDriver(false)),
            new Info(ANALYTICS_TUNED, "analytics-java, tuned",
                    "as default, with flushQueueSize 2500, 4 network threads, queueCapacity 10000, "
                                                             + "flushInterval 1 s",
                    () -> new AnalyticsJavaDriver(true)),
            new Info("camel-http-aggregator", "hand-written route: aggregator + marshal + http:",
                    "one thread calling sendBody to direct: → aggregate(completionSize bench.listSize, "
                    + "completionTimeout 1 s, a bounded executor: the default unbounded one runs out of memory at "
                    + "-Xmx128m) → marshal().json() → http:",
                    CamelHttpAggregatorDriver::new),
            feeding("segment-ack-1t", ACK, 1, 20),
            feeding("segment-direct-1t", DIRECT, 1, 20),
            feeding("segment-ack-10t", ACK, 10, 5),
            feeding("segment-direct-10t", DIRECT, 10, 5),
            feeding("segment-ack-200t", ACK, 200, 1),
            feeding("segment-direct-200t", DIRECT, 200, 4),
            feeding("segment-ff-200t", ACK + "&deliveryMode=fireAndForget", 200, 1),
            new Info("segment-batch-aggregator", "segment:batch through the aggregator",
                    "one thread calling sendBody to direct: → aggregate(completionSize bench.listSize, "
                    + "completionTimeout 1 s, the hand-written route's bounded executor) → "
                    + "segment:batch?batching=true&flushInterval=50 (items of successive Lists share batches)",
                    SegmentBatchAggregatorDriver::new),
            new Info("raw-limit", "raw limit: pre-built 500 KB batches, HttpClient 5",
                    "4 threads each serializing the next events with Jackson into a {\"batch\":[...]} body of just under "
                    + "500 KB and posting it with HttpClient 5: no Camel, no validation, no retries",
                    RawLimitDriver::new));

    /** A route direct:events → uri fed by threads that each send one exchange and wait for it. */
    private static Info feeding(String id, String uri, int threads, int eventDivisor) {
        return new Info(id, uri + ", " + threads + " waiting thread(s)",
                threads + WAITING + uri + AND_WAITING + "; sends bench.events / " + eventDivisor + " events",
                () -> new FeedingThreadsDriver(uri, threads), eventDivisor);
    }

    private Drivers() {
    }

    public static Driver create(String id) {
        return info(id).factory().get();
    }

    public static Info info(String id) {
        return ALL.stream().filter(i -> i.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown driver '" + id + "'; known: " + ids(ALL)));
    }

    /** The drivers a comma-separated selection names ("all" or empty: every driver), in report order. */
    public static List<Info> select(String selection) {
        if (selection == null || selection.isBlank() || "all".equals(selection.trim())) {
            return ALL;
        }
        List<String> wanted = List.of(selection.trim().split("\\s*,\\s*"));
        wanted.forEach(Drivers::info);
        List<Info> selected = new ArrayList<>();
        ALL.stream().filter(i -> wanted.contains(i.id())).forEach(selected::add);
        return selected;
    }

    /**
     * The order to run them in: the two drivers the throughput target compares (acknowledged and analytics-java
     * tuned) back to back, first, so that a change in the machine's speed is least likely to fall between them; the
     * others after, in report order.
     */
    public static List<Info> runOrder(List<Info> drivers) {
        List<Info> order = new ArrayList<>();
        drivers.stream().filter(i -> i.id().equals(BUFFERED_ACKNOWLEDGED)).forEach(order::add);
        drivers.stream().filter(i -> i.id().equals(ANALYTICS_TUNED)).forEach(order::add);
        drivers.stream().filter(i -> !order.contains(i)).forEach(order::add);
        return order;
    }

    private static List<String> ids(List<Info> infos) {
        return infos.stream().map(Info::id).toList();
    }
}
