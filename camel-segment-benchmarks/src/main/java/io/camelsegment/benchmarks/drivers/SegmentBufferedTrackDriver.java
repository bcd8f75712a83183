package io.camelsegment.benchmarks.drivers;

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
 * <li>acknowledged: many concurrent exchanges. A SEDA queue whose consumers hand each exchange to the asynchronous
 * producer and take the next one, so the exchanges waiting for their batch are bounded only by the component's buffer
 * (bufferMaxEvents, bufferMaxBytes, overflowPolicy=block), not by threads or by the driver;</li>
 * <li>fireAndForget: a plain sequential loop of {@code sendBody}; each exchange completes on enqueue, and the timing
 * ends when the context has stopped, i.e. the buffer was flushed.</li>
 * </ul>
 */
public final class SegmentBufferedTrackDriver extends CamelDriverSupport {

    static final String QUEUE = "seda:events?concurrentConsumers=2&size=5000&blockWhenFull=true";

    private final boolean fireAndForget;
    private final LongAdder completed = new LongAdder();
    private final LongAdder failed = new LongAdder();

    public SegmentBufferedTrackDriver(boolean fireAndForget) {
        this.fireAndForget = fireAndForget;
    }

    @Override
    protected RoutesBuilder routes() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                if (fireAndForget) {
                    from("direct:events").routeId("events")
                            .to("segment:track?batching=true&deliveryMode=fireAndForget");
                } else {
                    onException(Exception.class).handled(true).process(e -> failed.increment());
                    from(QUEUE).routeId("events")
                            .to("segment:track?batching=true")
                            .process(e -> completed.increment());
                }
            }
        };
    }

    @Override
    public long send() throws Exception {
        return fireAndForget ? sendSequentially(context.getEndpoint("direct:events")) : sendThroughQueue();
    }

    private long sendSequentially(Endpoint events) {
        long failures = 0;
        for (long i = 0; i < settings.events(); i++) {
            try {
                template.sendBody(events, TrackEvents.message(i));
            } catch (CamelExecutionException e) {
                failures++;
            }
        }
        return failures;
    }

    private long sendThroughQueue() throws Exception {
        Endpoint queue = context.getEndpoint(QUEUE);
        long total = settings.events();
        for (long i = 0; i < total; i++) {
            template.sendBody(queue, TrackEvents.message(i));
        }
        Waits.until(() -> completed.sum() + failed.sum() >= total, settings.deliveryTimeoutMillis(),
                () -> new TimeoutException((total - completed.sum() - failed.sum()) + " exchanges still waiting"));
        return failed.sum();
    }
}
