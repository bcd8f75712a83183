package io.camelsegment.component.segment.tracking.buffer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.camelsegment.component.segment.SegmentConstants;
import io.camelsegment.component.segment.support.BufferedDeliveryTestSupport;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An acknowledged exchange continues its route on the producer's worker pool, not on the sender that got Segment's
 * answer: a slow next step holds up neither delivery nor the other exchanges.
 */
class WorkerPoolTest extends BufferedDeliveryTestSupport {

    private final CountDownLatch releaseSlowStep = new CountDownLatch(1);
    private final ExecutorService userPool = Executors.newFixedThreadPool(2, r -> new Thread(r, "user-pool"));

    @AfterEach
    void releaseAndClose() {
        releaseSlowStep.countDown();
        userPool.shutdownNow();
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                context.getRegistry().bind("userPool", userPool);
                // one sender: under the former engine its thread ran the rest of the route
                from("direct:in").to("segment:track?batching=true&maxInFlightRequests=1")
                        .process(e -> {
                            e.getMessage().setHeader("continuedOn", Thread.currentThread().getName());
                            if (e.getMessage().getHeader("slow") != null) {
                                releaseSlowStep.await(30, TimeUnit.SECONDS);
                            }
                        });
                from("direct:pooled").to("segment:track?batching=true&workerPool=#userPool")
                        .process(e -> e.getMessage().setHeader("continuedOn", Thread.currentThread().getName()));
            }
        };
    }

    @Test
    void aSlowNextStepDoesNotSlowDeliveryForOtherExchanges() throws Exception {
        Future<Exchange> slow = template.asyncSend("direct:in", e -> headers(e, "slow-0", true));
        await(() -> sink.arrivals().containsKey("slow-0"), 10_000, "the slow exchange's event delivered");
        ExecutorService feeders = Executors.newFixedThreadPool(4);
        try {
            List<Future<Exchange>> fast = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String id = "fast-" + i;
                fast.add(feeders.submit(() -> template.send("direct:in", e -> headers(e, id, false))));
            }
            for (Future<Exchange> f : fast) {
                Exchange done = f.get(20, TimeUnit.SECONDS);
                assertNull(done.getException());
                assertFalse(String.valueOf(done.getMessage().getHeader("continuedOn")).contains("SegmentBatchSender"),
                        "continued on " + done.getMessage().getHeader("continuedOn"));
            }
        } finally {
            feeders.shutdownNow();
        }
        assertFalse(slow.isDone(), "the slow step still holds its exchange");
        assertEquals(41, sink.arrivals().size(), "every other exchange was delivered and completed meanwhile");
        releaseSlowStep.countDown();
        assertNull(slow.get(10, TimeUnit.SECONDS).getException());
    }

    @Test
    void aSuppliedWorkerPoolRunsTheRestOfTheRoute() throws Exception {
        sink.holdResponses(); // the answer comes after process() returned: the exchange continues asynchronously
        Future<Exchange> sent = template.asyncSend("direct:pooled", e -> headers(e, "pooled-1", false));
        await(() -> sink.arrivals().containsKey("pooled-1"), 10_000, "the event on the wire");
        sink.releaseResponses();
        Exchange done = sent.get(10, TimeUnit.SECONDS);
        assertNull(done.getException());
        assertEquals("user-pool", done.getMessage().getHeader("continuedOn"));
        assertEquals(200, done.getMessage().getHeader(SegmentConstants.HTTP_STATUS));
        assertTrue(sink.arrivals().containsKey("pooled-1"));
    }

    private static void headers(Exchange exchange, String messageId, boolean slow) {
        exchange.getMessage().setBody(Map.of("plan", "pro"));
        exchange.getMessage().setHeader(SegmentConstants.USER_ID, "u");
        exchange.getMessage().setHeader(SegmentConstants.EVENT, "Order Completed");
        exchange.getMessage().setHeader(SegmentConstants.MESSAGE_ID, messageId);
        if (slow) {
            exchange.getMessage().setHeader("slow", true);
        }
    }
}
