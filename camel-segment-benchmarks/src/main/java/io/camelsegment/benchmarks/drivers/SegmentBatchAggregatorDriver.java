package io.camelsegment.benchmarks.drivers;

import java.util.ArrayList;
import java.util.List;

import io.camelsegment.benchmarks.TrackEvents;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.AggregationStrategies;
import org.apache.camel.builder.RouteBuilder;

/**
 * {@code segment:batch} fed through the aggregator, as a user turns a sequential source into Lists: one thread sends
 * each event to {@code direct:events}, the aggregator completes a List every {@code bench.listSize} events (or after
 * 1 s) and hands it, on a bounded executor like the hand-written route's, to {@code segment:batch?batching=true}:
 * the items of successive Lists share the sender's batches (a linger of 50 ms lets a part-filled batch wait for the
 * next List), and each exchange completes when all its items are settled.
 */
public final class SegmentBatchAggregatorDriver extends CamelDriverSupport {

    private final SettledEvents settled = new SettledEvents();

    @Override
    protected RoutesBuilder routes() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                onException(Exception.class).handled(true).process(e -> settled.failed(listSize(e)));
                from("direct:events").routeId("events")
                        .aggregate(constant(true), AggregationStrategies.flexible().accumulateInCollection(ArrayList.class))
                        .completionSize(settings.listSize())
                        .completionTimeout(1000)
                        .executorService(CamelHttpAggregatorDriver.boundedSender())
                        .to("segment:batch?batching=true&flushInterval=50")
                        .process(e -> settled.delivered(listSize(e)));
            }
        };
    }

    private static int listSize(Exchange exchange) {
        return exchange.getMessage().getBody(List.class).size();
    }

    @Override
    public long send(long first, long total) throws Exception {
        settled.reset();
        Endpoint events = context.getEndpoint("direct:events");
        for (long i = first; i < first + total; i++) {
            template.sendBody(events, TrackEvents.message(i));
        }
        return settled.awaitAll(total, settings.deliveryTimeoutMillis());
    }
}
