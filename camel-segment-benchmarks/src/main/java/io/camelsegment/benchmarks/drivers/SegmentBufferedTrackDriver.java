package io.camelsegment.benchmarks.drivers;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;

import io.camelsegment.benchmarks.TrackEvents;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Endpoint;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;

/**
 * {@code segment:track?batching=true}, in either delivery mode, each fed the way that mode is meant to be fed:
 * <ul>
 * <li>acknowledged: many concurrent exchanges (as HTTP ingress with many clients would give), here
 * {@code ProducerTemplate.asyncSend} with at most {@code bench.inFlight} exchanges in flight; each completes when the
 * batch that carried it was accepted;</li>
 * <li>fireAndForget: a plain sequential loop of {@code sendBody}; each exchange completes on enqueue, and the timing
 * ends when the context has stopped, i.e. the buffer was flushed.</li>
 * </ul>
 */
public final class SegmentBufferedTrackDriver extends CamelDriverSupport {

    private final boolean fireAndForget;

    public SegmentBufferedTrackDriver(boolean fireAndForget) {
        this.fireAndForget = fireAndForget;
    }

    @Override
    protected RoutesBuilder routes() {
        String uri = "segment:track?batching=true" + (fireAndForget ? "&deliveryMode=fireAndForget" : "");
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:events").routeId("events").to(uri);
            }
        };
    }

    @Override
    public long send() throws Exception {
        Endpoint events = context.getEndpoint("direct:events");
        return fireAndForget ? sendSequentially(events) : sendConcurrently(events);
    }

    private long sendSequentially(Endpoint events) {
        long failed = 0;
        for (long i = 0; i < settings.events(); i++) {
            try {
                template.sendBody(events, TrackEvents.message(i));
            } catch (CamelExecutionException e) {
                failed++;
            }
        }
        return failed;
    }

    private long sendConcurrently(Endpoint events) throws Exception {
        int inFlight = settings.inFlight();
        Semaphore permits = new Semaphore(inFlight);
        LongAdder failed = new LongAdder();
        for (long i = 0; i < settings.events(); i++) {
            permits.acquire();
            long index = i;
            template.asyncSend(events, exchange -> exchange.getMessage().setBody(TrackEvents.message(index)))
                    .whenComplete((exchange, error) -> {
                        if (error != null || exchange.isFailed()) {
                            failed.increment();
                        }
                        permits.release();
                    });
        }
        if (!permits.tryAcquire(inFlight, settings.deliveryTimeoutMillis(), TimeUnit.MILLISECONDS)) {
            throw new TimeoutException((inFlight - permits.availablePermits()) + " exchanges still in flight after "
                                       + settings.deliveryTimeoutMillis() + " ms");
        }
        return failed.sum();
    }
}
