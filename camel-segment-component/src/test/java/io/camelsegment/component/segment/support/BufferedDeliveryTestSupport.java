package io.camelsegment.component.segment.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

import io.camelsegment.component.segment.SegmentComponent;
import io.camelsegment.component.segment.SegmentConstants;
import io.camelsegment.component.segment.SegmentEndpoint;
import io.camelsegment.component.segment.monitor.DeliveryStatistics;
import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;

/**
 * Base of the buffered-delivery tests: a {@link FaultInjectingSegmentSink} on loopback, the component pointed at it
 * with fast retries, and helpers that drive producers asynchronously, as Camel's routing engine does (many exchanges
 * in flight, completion by callback).
 */
public abstract class BufferedDeliveryTestSupport extends CamelTestSupport {

    public static final String WRITE_KEY = "wk_TEST_s3cr3t_9f8e7d";

    protected FaultInjectingSegmentSink sink;
    private final List<AsyncProducer> producers = new ArrayList<>();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        if (sink == null) {
            sink = new FaultInjectingSegmentSink(42);
        }
        CamelContext context = super.createCamelContext();
        SegmentComponent component = new SegmentComponent();
        component.getConfiguration().setTrackingUrl(sink.trackingUrl());
        component.getConfiguration().setWriteKey(WRITE_KEY);
        component.getConfiguration().setRetryBackoffBase(1);
        component.getConfiguration().setRetryBackoffMax(5);
        component.getConfiguration().setMaxRetryAfter(20);
        component.getConfiguration().setMaxRetries(3);
        context.addComponent("segment", component);
        return context;
    }

    @AfterEach
    void closeSink() throws Exception {
        if (sink != null) {
            // let whatever is still buffered go out quickly
            sink.setFaults(FaultInjectingSegmentSink.Faults.NONE);
            sink.releaseResponses();
        }
        producers.forEach(ServiceHelper::stopService);
        if (sink != null) {
            sink.close();
            sink = null;
        }
    }

    /** A started async producer on this URI (stopped after the test, if the test did not stop it). */
    protected AsyncProducer producer(String uri) throws Exception {
        AsyncProducer producer = context.getEndpoint(uri).createAsyncProducer();
        ServiceHelper.startService(producer);
        producers.add(producer);
        return producer;
    }

    protected SegmentEndpoint endpoint(String uri) {
        return context.getEndpoint(uri, SegmentEndpoint.class);
    }

    protected DeliveryStatistics statistics(String uri) {
        return endpoint(uri).getDeliveryStatistics();
    }

    /** A track event with a known messageId; completes when the producer calls back. */
    protected static CompletableFuture<Exchange> track(AsyncProducer producer, String messageId) {
        return send(producer, Map.of("plan", "pro"), Map.of(SegmentConstants.USER_ID, "user-" + messageId,
                SegmentConstants.EVENT, "Order Completed", SegmentConstants.MESSAGE_ID, messageId));
    }

    protected static CompletableFuture<Exchange> send(AsyncProducer producer, Object body, Map<String, Object> headers) {
        Exchange exchange = producer.getEndpoint().createExchange();
        exchange.getMessage().setBody(body);
        exchange.getMessage().setHeaders(new java.util.HashMap<>(headers));
        CompletableFuture<Exchange> done = new CompletableFuture<>();
        producer.process(exchange, doneSync -> done.complete(exchange));
        return done;
    }

    /** Polls until the condition holds, failing after the timeout. */
    protected static void await(BooleanSupplier condition, long timeoutMillis, String what) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out after " + timeoutMillis + " ms waiting for: " + what);
            }
            Thread.sleep(5);
        }
    }
}
