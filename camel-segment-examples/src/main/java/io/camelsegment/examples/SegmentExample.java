package io.camelsegment.examples;

import java.util.Map;

import io.camelsegment.test.SegmentReceiver;
import org.apache.camel.main.Main;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The example application (Camel Main): sends the events of {@code src/main/data/*.jsonl} with the {@code segment:}
 * component and prints progress and a summary, then stops.
 * <ul>
 * <li>{@code SEGMENT_WRITE_KEY} unset: the test kit's {@link SegmentReceiver} is started on 127.0.0.1, the component's
 * {@code trackingUrl} points at it, and what it received is printed. Nothing leaves the machine.</li>
 * <li>{@code SEGMENT_WRITE_KEY} set (and {@code SEGMENT_REGION=EU} for an EU workspace): the events go to Segment,
 * with the key taken from {@code application.properties} ({@code {{env:SEGMENT_WRITE_KEY}}}).</li>
 * </ul>
 * Routes: {@link EventsToSegmentBatchRoute} (Java DSL, {@code segment:batch}, the default) and
 * {@code routes/events-single.camel.yaml} (YAML DSL, one request per event), chosen with {@code example.route}.
 */
public final class SegmentExample implements AutoCloseable {

    /** The write key the local receiver expects (it checks Basic auth like Segment). */
    public static final String LOCAL_WRITE_KEY = "local-example-write-key";

    private static final Logger LOG = LoggerFactory.getLogger(SegmentExample.class);

    private final Main main = new Main();
    private final ExampleStats stats = new ExampleStats();
    private final SegmentReceiver receiver;

    private SegmentExample(SegmentReceiver receiver, Map<String, String> overrides) {
        this.receiver = receiver;
        if (receiver != null) {
            receiver.camelProperties().forEach(main::addOverrideProperty); // its tracking-url and write-key
        }
        overrides.forEach(main::addOverrideProperty);
        main.bind("exampleStats", stats);
        main.configure().addRoutesBuilder(new ExampleRouteConfiguration());
        main.configure().addRoutesBuilder(new EventsToSegmentBatchRoute());
    }

    /** Sends to a local receiver started on loopback. Overrides are Camel Main properties (e.g. example.route). */
    public static SegmentExample local(Map<String, String> overrides) {
        return new SegmentExample(SegmentReceiver.start(LOCAL_WRITE_KEY), overrides);
    }

    /** Sends where the configuration says: Segment itself, with the write key from application.properties. */
    public static SegmentExample segment(Map<String, String> overrides) {
        return new SegmentExample(null, overrides);
    }

    public static void main(String[] args) throws Exception {
        String writeKey = System.getenv("SEGMENT_WRITE_KEY");
        try (SegmentExample example = writeKey == null || writeKey.isBlank()
                ? local(Map.of()) : segment(Map.of())) {
            ExampleResult result = example.run();
            if (!result.completed() || result.failedEvents() > 0) {
                // fails the Maven build that ran us, with a non-zero exit code
                throw new IllegalStateException("The example did not deliver every event: " + result);
            }
        }
    }

    /** Starts Camel, waits until every input file was sent (or the timeout), prints the summary, stops Camel. */
    public ExampleResult run() throws Exception {
        if (receiver != null) {
            LOG.info("SEGMENT_WRITE_KEY is not set: sending to a local Segment-compatible receiver at {}",
                    receiver.trackingUrl());
        } else {
            LOG.info("Sending to Segment (the write key comes from application.properties, it is never logged)");
        }
        main.start();
        ExampleResult result;
        try {
            long timeout = Long.parseLong(property("example.timeout-seconds"));
            LOG.info("Route events-{} reads {}", property("example.route"), property("example.input-dir"));
            boolean completed = stats.awaitDrained(timeout);
            result = stats.result(completed);
        } finally {
            main.stop();
        }
        LOG.info("Summary: {}", result);
        if (receiver != null) {
            LOG.info("Local receiver got: {}", receiver.summary());
        }
        return result;
    }

    private String property(String name) {
        return main.getCamelContext().getPropertiesComponent().resolveProperty(name)
                .orElseThrow(() -> new IllegalStateException("Property " + name + " is not set"));
    }

    /** The local receiver, or null when sending to Segment. */
    public SegmentReceiver receiver() {
        return receiver;
    }

    @Override
    public void close() {
        if (receiver != null) {
            receiver.close();
        }
    }

    @Override
    public String toString() {
        return "SegmentExample[" + (receiver != null ? "local receiver" : "Segment") + "]";
    }
}
