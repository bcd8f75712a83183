package io.camelsegment.component.segment.tracking.buffer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.camelsegment.component.segment.SegmentConstants;
import io.camelsegment.component.segment.SegmentDeliveryTimeoutException;
import io.camelsegment.component.segment.SegmentEndpoint;
import io.camelsegment.component.segment.support.BufferedDeliveryTestSupport;
import org.apache.camel.AsyncProducer;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * flush() returns only when everything accepted before it is settled, batches on the wire included; stopping with
 * thousands of acknowledged exchanges waiting loses track of nothing Segment accepted.
 */
class FlushAndStopTest extends BufferedDeliveryTestSupport {

    @Test
    void flushWaitsForBatchesOnTheWireAndConcurrentFlushesWork() throws Exception {
        String uri = "segment:track?batching=true&deliveryMode=fireAndForget&batchSize=10";
        AsyncProducer producer = producer(uri);
        sink.holdResponses();
        for (int i = 0; i < 35; i++) {
            track(producer, "flush-" + i).get(5, TimeUnit.SECONDS);
        }
        await(() -> !sink.processed().isEmpty(), 5000, "batches on the wire");
        SegmentEndpoint endpoint = endpoint(uri);
        List<CompletableFuture<Integer>> flushes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            flushes.add(CompletableFuture.supplyAsync(endpoint::flush));
        }
        Thread.sleep(500);
        flushes.forEach(f -> assertFalse(f.isDone(), "flush returned while responses were held"));
        sink.releaseResponses();
        for (CompletableFuture<Integer> flush : flushes) {
            assertEquals(35, flush.get(10, TimeUnit.SECONDS), "every flush waited for all 35 events");
        }
        assertEquals(35, statistics(uri).eventsSent(), "settled when flush returned");
        assertEquals(0, statistics(uri).eventsBuffered());
    }

    @Test
    void stoppingWithThousandsWaitingNeverFailsAnEventSegmentAccepted() throws Exception {
        int exchanges = 3000;
        sink.setResponseDelayMillis(500);
        context.getShutdownStrategy().setTimeout(10);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(defaultErrorHandler().logExhausted(false)); // 2,000 stack traces would take seconds
                from("direct:in")
                        .to("segment:track?batching=true&batchSize=50&maxInFlightRequests=2")
                        .setHeader("reachedTheEnd", constant(true));
            }
        });
        AsyncProducer direct = producer("direct:in");
        List<CompletableFuture<Exchange>> sent = new ArrayList<>();
        for (int i = 0; i < exchanges; i++) {
            sent.add(send(direct, Map.of("plan", "pro"), Map.of(SegmentConstants.USER_ID, "u",
                    SegmentConstants.EVENT, "E", SegmentConstants.MESSAGE_ID, "stop-" + i)));
        }
        long start = System.nanoTime();
        context.stop();
        long stopMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        // The sender fails what is not on the wire at 3/4 of Camel's 10 s, while the route still runs, and the
        // requests on the wire (500 ms each here) answer before Camel would force the route down.
        assertTrue(stopMillis < 10_000, "stop took " + stopMillis + " ms, Camel's shutdown timeout is 10 s");
        Set<String> accepted = sink.answered();
        int delivered = 0;
        for (CompletableFuture<Exchange> future : sent) {
            Exchange done = future.get(10, TimeUnit.SECONDS);
            String id = done.getMessage().getHeader(SegmentConstants.MESSAGE_ID, String.class);
            if (done.getException() == null) {
                delivered++;
                assertTrue(accepted.contains(id), id + " completed but Segment never accepted it");
                assertEquals(200, done.getMessage().getHeader(SegmentConstants.HTTP_STATUS));
            } else {
                assertFalse(accepted.contains(id), id + " was accepted by Segment but its exchange failed: "
                                                   + done.getException());
                SegmentDeliveryTimeoutException error
                        = assertInstanceOf(SegmentDeliveryTimeoutException.class, done.getException());
                assertEquals("shutdownTimeout", error.getDeadline());
            }
        }
        assertEquals(accepted.size(), delivered, "every accepted event completed its exchange successfully");
        assertTrue(delivered > 0 && delivered < exchanges,
                "the deadline fell in the middle (" + delivered + " of " + exchanges + " delivered)");
    }
}
