package io.camelsegment.benchmarks.drivers;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;

import io.camelsegment.benchmarks.TrackEvents;
import io.camelsegment.component.segment.SegmentEndpoint;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Endpoint;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;

/**
 * A route {@code direct:events → segment:...} fed by a number of threads that each send one exchange and wait for it,
 * as a servlet container's pool (200), a JMS listener with concurrent consumers (10) or one Kafka partition or file
 * (1) does. The events are split between the threads in contiguous ranges. After the last one, the endpoint's
 * {@code flush()}, which returns when everything accepted before it is settled (fireAndForget: delivered).
 */
public final class FeedingThreadsDriver extends CamelDriverSupport {

    private final String uri;
    private final int threads;

    public FeedingThreadsDriver(String uri, int threads) {
        this.uri = uri;
        this.threads = threads;
    }

    @Override
    protected RoutesBuilder routes() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:events").routeId("events").to(uri);
            }
        };
    }

    @Override
    public long send(long first, long count) throws Exception {
        Endpoint events = context.getEndpoint("direct:events");
        LongAdder failed = new LongAdder();
        ExecutorService feeders = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> running = new ArrayList<>();
            long share = (count + threads - 1) / threads;
            for (int t = 0; t < threads; t++) {
                long from = first + t * share;
                long to = Math.min(first + count, from + share);
                running.add(feeders.submit(() -> {
                    for (long i = from; i < to; i++) {
                        try {
                            template.sendBody(events, TrackEvents.message(i));
                        } catch (CamelExecutionException e) {
                            failed.increment();
                        }
                    }
                }));
            }
            for (Future<?> feeder : running) {
                feeder.get();
            }
        } finally {
            feeders.shutdown();
        }
        if (uri.contains("batching=true")) {
            context.getEndpoint(uri, SegmentEndpoint.class).flush();
        }
        return failed.sum();
    }
}
