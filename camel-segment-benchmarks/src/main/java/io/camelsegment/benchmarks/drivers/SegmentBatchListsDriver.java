package io.camelsegment.benchmarks.drivers;

import java.util.ArrayList;
import java.util.List;

import io.camelsegment.benchmarks.TrackEvents;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;

/**
 * {@code segment:batch} fed Lists of {@code bench.listSize} events through a SEDA queue with four concurrent
 * consumers: the shape of "a batching source hands over lists" (Kafka's batching consumer, split + aggregate).
 */
public final class SegmentBatchListsDriver extends CamelDriverSupport {

    private static final int CONSUMERS = 4;
    private static final String QUEUE = "seda:batches?concurrentConsumers=" + CONSUMERS + "&size=" + 2 * CONSUMERS
                                        + "&blockWhenFull=true";

    private final SettledEvents settled = new SettledEvents();

    @Override
    protected RoutesBuilder routes() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                onException(Exception.class).handled(true).process(e -> settled.failed(listSize(e)));
                from(QUEUE)
                        .routeId("batches")
                        .to("segment:batch")
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
        for (long start = first; start < first + total; start += settings.listSize()) {
            long end = Math.min(first + total, start + settings.listSize());
            List<Object> list = new ArrayList<>((int) (end - start));
            for (long i = start; i < end; i++) {
                list.add(TrackEvents.message(i));
            }
            template.sendBody(QUEUE, list);
        }
        return settled.awaitAll(total, settings.deliveryTimeoutMillis());
    }
}
