package io.camelsegment.component.segment.tracking.buffer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.camelsegment.component.segment.SegmentConstants;
import io.camelsegment.component.segment.SegmentHttpException;
import io.camelsegment.component.segment.monitor.DeliveryStatistics;
import io.camelsegment.component.segment.support.BufferedDeliveryTestSupport;
import io.camelsegment.component.segment.support.FaultInjectingSegmentSink.Faults;
import org.apache.camel.AsyncProducer;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** When a buffered exchange completes: acknowledged after Segment accepted its batch; fireAndForget on enqueue. */
class BufferedAcknowledgementTest extends BufferedDeliveryTestSupport {

    private static final String ACK = "segment:track?batching=true&batchSize=5&flushInterval=20";
    private static final String FIRE = "segment:track?batching=true&deliveryMode=fireAndForget&batchSize=5"
                                       + "&flushInterval=2000";

    @Test
    void acknowledgedExchangeCompletesOnlyAfterSegmentAcceptedItsBatch() throws Exception {
        sink.holdResponses();
        AsyncProducer producer = producer(ACK);
        List<CompletableFuture<Exchange>> sent = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            sent.add(track(producer, "ack-" + i));
        }
        await(() -> sink.arrivals().size() == 5, 5000, "the batch received by the server");
        Thread.sleep(100);
        assertTrue(sent.stream().noneMatch(CompletableFuture::isDone),
                "no exchange may complete while the server has not answered");

        sink.releaseResponses();
        for (int i = 0; i < 5; i++) {
            Exchange done = sent.get(i).get(5, TimeUnit.SECONDS);
            assertNull(done.getException());
            assertEquals(200, done.getMessage().getHeader(SegmentConstants.HTTP_STATUS));
            assertEquals(List.of("ack-" + i), done.getMessage().getHeader(SegmentConstants.MESSAGE_IDS));
        }
        assertEquals(1, sink.processed().size());
    }

    @Test
    void acknowledgedExchangeFailsWithTheRequestsExceptionOnceRetriesAreSpent() throws Exception {
        sink.setFaults(new Faults(1.0, 0, 0, 0, 0, 0, 0, 0, 0));
        AsyncProducer producer = producer(ACK);
        List<CompletableFuture<Exchange>> sent = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            sent.add(track(producer, "fail-" + i));
        }
        SegmentHttpException first = null;
        for (CompletableFuture<Exchange> future : sent) {
            Exchange done = future.get(5, TimeUnit.SECONDS);
            SegmentHttpException error = assertInstanceOf(SegmentHttpException.class, done.getException());
            assertEquals(500, error.getStatusCode());
            assertEquals(4, error.getAttempts(), "1 + maxRetries=3");
            assertFalse(error.getMessage().contains(WRITE_KEY));
            first = first == null ? error : first;
            assertTrue(first == error, "the events of one batch share the batch's exception");
        }
        assertEquals(4, sink.attempts());
        DeliveryStatistics stats = statistics(ACK);
        assertEquals(3, stats.eventsFailed());
        assertEquals(1, stats.batchesFailed());
        assertEquals(3, stats.retries());
        assertEquals(0, stats.eventsBuffered());
        assertNotNull(stats.lastError());
        assertTrue(stats.lastError().contains("HTTP 500"), stats.lastError());
    }

    @Test
    void throttlingIsRetriedWithRetryAfterThenReported() throws Exception {
        // 429 with Retry-After (1 s, capped by maxRetryAfter=20 ms here) is retried without using up maxRetries, as
        // long as the waits add up to no more than maxRateLimitDuration; then the exchange sees the 429.
        sink.setFaults(new Faults(0, 1.0, 0, 0, 0, 0, 0, 0, 0));
        AsyncProducer producer = producer(ACK + "&maxRetries=1&maxRateLimitDuration=100");
        Exchange done = track(producer, "throttled").get(5, TimeUnit.SECONDS);
        SegmentHttpException error = assertInstanceOf(SegmentHttpException.class, done.getException());
        assertEquals(429, error.getStatusCode());
        assertEquals(6, sink.attempts(), "five waits of 20 ms fit in 100 ms");
    }

    @Test
    void fireAndForgetCompletesBeforeDeliveryAndCountsFailures() throws Exception {
        sink.holdResponses();
        AsyncProducer producer = producer(FIRE);
        for (int i = 0; i < 5; i++) {
            Exchange done = track(producer, "ff-" + i).get(5, TimeUnit.SECONDS);
            assertNull(done.getException());
            assertEquals(List.of("ff-" + i), done.getMessage().getHeader(SegmentConstants.MESSAGE_IDS));
            assertNull(done.getMessage().getHeader(SegmentConstants.HTTP_STATUS), "not sent yet");
        }
        await(() -> sink.arrivals().size() == 5, 5000, "the batch received");
        assertEquals(0, statistics(FIRE).eventsSent(), "completed before the server answered");
        sink.releaseResponses();
        await(() -> statistics(FIRE).eventsSent() == 5, 5000, "5 sent");

        sink.setFaults(new Faults(1.0, 0, 0, 0, 0, 0, 0, 0, 0));
        for (int i = 0; i < 5; i++) {
            assertNull(track(producer, "lost-" + i).get(5, TimeUnit.SECONDS).getException());
        }
        await(() -> statistics(FIRE).eventsFailed() == 5, 5000, "the failed batch counted");
        assertEquals(1, statistics(FIRE).batchesFailed());
        assertEquals(10, statistics(FIRE).eventsQueued());
    }
}
