package io.camelsegment.benchmarks.drivers;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;

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

    private final LongAdder delivered = new LongAdder();
    private final LongAdder failed = new LongAdder();

    @Override
    protected RoutesBuilder routes() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                onException(Exception.class).handled(true).process(e -> failed.add(listSize(e)));
                from(QUEUE)
                        .routeId("batches")
                        .to("segment:batch")
                        .process(e -> delivered.add(listSize(e)));
            }
        };
    }

    private static int listSize(Exchange exchange) {
        return exchange.getMessage().getBody(List.class).size();
    }

    @Override
    public long send(long first, long total) throws Exception {
        // The previous send waited for all of its batches: nothing updates the counters now.
        delivered.reset();
        failed.reset();
        for (long start = first; start < first + total; start += settings.listSize()) {
            long end = Math.min(first + total, start + settings.listSize());
            List<Object> list = new ArrayList<>((int) (end - start));
            for (long i = start; i < end; i++) {
                list.add(TrackEvents.message(i));
            }
            template.sendBody(QUEUE, list);
        }
        Waits.until(() -> delivered.sum() + failed.sum() >= total, settings.deliveryTimeoutMillis(),
                () -> new TimeoutException((total - delivered.sum() - failed.sum()) + " events unaccounted for"));
        return failed.sum();
    }
}
