package io.camelsegment.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import io.camelsegment.benchmarks.drivers.AnalyticsJavaDriver;
import io.camelsegment.benchmarks.drivers.CamelHttpAggregatorDriver;
import io.camelsegment.benchmarks.drivers.SegmentBatchListsDriver;
import io.camelsegment.benchmarks.drivers.SegmentBufferedTrackDriver;

/** Every driver of the benchmark, in report order. */
public final class Drivers {

    /**
     * @param id      what the runner passes to the driver process and {@code -Dbench.drivers} selects
     * @param label   what the report calls it
     * @param feeding how its events are fed, as the report tells it
     */
    public record Info(String id, String label, String feeding, Supplier<Driver> factory) {
    }

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
                    "Lists of bench.listSize events into seda:batches?concurrentConsumers=4 → segment:batch",
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
                    CamelHttpAggregatorDriver::new));

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
