package io.camelsegment.benchmarks.drivers;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;

import io.camelsegment.benchmarks.TrackEvents;
import io.camelsegment.component.segment.SegmentEndpoint;
import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;

/**
 * {@code segment:track?batching=true}, in either delivery mode, each fed the way that mode is meant to be fed:
 * <ul>
 * <li>acknowledged: many concurrent exchanges. One thread hands exchanges to the route's asynchronous producer, as an
 * asynchronous consumer (Netty, Vert.x, a Kafka consumer committing on completion) does, keeping up to
 * {@link #IN_FLIGHT} of them waiting for their batch; each completion frees a place; after the last one, the
 * endpoint's {@code flush()};</li>
 * <li>fireAndForget: a plain sequential loop of {@code sendBody}; each exchange completes on enqueue; after the last
 * one, the endpoint's {@code flush()} and a wait until its buffer is empty.</li>
 * </ul>
 */
public final class SegmentBufferedTrackDriver extends CamelDriverSupport {

    /**
     * Exchanges waiting for their batch: enough to fill the batches the sender has in flight (4 requests of about
     * 1,100 events each) and the one being filled, and no more, because every waiting exchange is memory the garbage
     * collector copies.
     */
    static final int IN_FLIGHT = 5000;
    private static final String ACKNOWLEDGED = "segment:track?batching=true";
    private static final String FIRE_AND_FORGET = "segment:track?batching=true&deliveryMode=fireAndForget";

    private final boolean fireAndForget;

    public SegmentBufferedTrackDriver(boolean fireAndForget) {
        this.fireAndForget = fireAndForget;
    }

    @Override
    protected RoutesBuilder routes() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:events").routeId("events").to(fireAndForget ? FIRE_AND_FORGET : ACKNOWLEDGED);
            }
        };
    }

    @Override
    public long send(long first, long count) throws Exception {
        Endpoint events = context.getEndpoint("direct:events");
        return fireAndForget ? sendSequentially(events, first, count) : sendConcurrently(events, first, count);
    }

    private long sendSequentially(Endpoint events, long first, long count) throws Exception {
        long failures = 0;
        for (long i = first; i < first + count; i++) {
            try {
                template.sendBody(events, TrackEvents.message(i));
            } catch (CamelExecutionException e) {
                failures++;
            }
        }
        SegmentEndpoint segment = context.getEndpoint(FIRE_AND_FORGET, SegmentEndpoint.class);
        segment.flush();
        Waits.until(() -> segment.getDeliveryStatistics().eventsBuffered() == 0, settings.deliveryTimeoutMillis(),
                () -> new TimeoutException(
                        segment.getDeliveryStatistics().eventsBuffered() + " events still buffered"));
        return failures;
    }

    private long sendConcurrently(Endpoint events, long first, long count) throws Exception {
        AsyncProducer producer = events.createAsyncProducer();
        producer.start();
        LongAdder completed = new LongAdder();
        LongAdder failed = new LongAdder();
        try {
            Semaphore inFlight = new Semaphore(IN_FLIGHT);
            for (long i = first; i < first + count; i++) {
                inFlight.acquire();
                Exchange exchange = events.createExchange();
                exchange.getIn().setBody(TrackEvents.message(i));
                producer.process(exchange, doneSync -> {
                    (exchange.isFailed() ? failed : completed).increment();
                    inFlight.release();
                });
            }
            // No more events: the last batch goes now rather than after flushInterval (analytics-java's driver calls
            // its flush() the same way).
            context.getEndpoint(ACKNOWLEDGED, SegmentEndpoint.class).flush();
            Waits.until(() -> completed.sum() + failed.sum() >= count, settings.deliveryTimeoutMillis(),
                    () -> new TimeoutException((count - completed.sum() - failed.sum()) + " exchanges still waiting"));
        } finally {
            producer.stop();
        }
        return failed.sum();
    }
}
