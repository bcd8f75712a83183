package io.camelsegment.component.segment.tracking.buffer;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.camelsegment.component.segment.SegmentBufferFullException;
import io.camelsegment.component.segment.SegmentConstants;
import io.camelsegment.component.segment.monitor.DeliveryStatistics;
import io.camelsegment.component.segment.support.BufferedDeliveryTestSupport;
import org.apache.camel.AsyncProducer;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A full buffer under each overflow policy. The server holds its answers and one request is in flight at most, so the
 * buffer (bufferMaxEvents=3: one event in flight, two queued) fills deterministically.
 */
class BufferedOverflowTest extends BufferedDeliveryTestSupport {

    private static final String BASE = "segment:track?batching=true&deliveryMode=fireAndForget&batchSize=1"
                                       + "&flushInterval=0&maxInFlightRequests=1&bufferMaxEvents=3";

    private AsyncProducer fill(String uri) throws Exception {
        sink.holdResponses();
        AsyncProducer producer = producer(uri);
        for (int i = 0; i < 3; i++) {
            assertNull(track(producer, "fill-" + i).get(5, TimeUnit.SECONDS).getException());
        }
        await(() -> sink.arrivals().size() == 1, 5000, "the first event in flight");
        return producer;
    }

    @Test
    void failPolicyFailsAtOnceNamingTheLimit() throws Exception {
        String uri = BASE + "&overflowPolicy=fail";
        AsyncProducer producer = fill(uri);
        Exchange refused = track(producer, "refused").get(5, TimeUnit.SECONDS);
        SegmentBufferFullException error = assertInstanceOf(SegmentBufferFullException.class,
                refused.getException());
        assertEquals("bufferMaxEvents", error.getLimit());
        assertTrue(error.getMessage().contains("3 events buffered") && error.getMessage().contains("bufferMaxEvents=3")
                   && error.getMessage().contains("overflowPolicy=fail"), error.getMessage());
        assertEquals(1, statistics(uri).eventsRejected());

        sink.releaseResponses();
        await(() -> statistics(uri).eventsSent() == 3, 5000, "the 3 admitted events");
        assertFalse(sink.arrivals().containsKey("refused"));
    }

    @Test
    void blockPolicyWaitsForRoomThenTimesOut() throws Exception {
        String uri = BASE + "&overflowPolicy=block&maxBlockTime=300";
        AsyncProducer producer = fill(uri);
        long start = System.nanoTime();
        Exchange refused = track(producer, "timed-out").get(5, TimeUnit.SECONDS);
        long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        SegmentBufferFullException error = assertInstanceOf(SegmentBufferFullException.class,
                refused.getException());
        assertTrue(error.getMessage().contains("after waiting 300 ms (maxBlockTime)"), error.getMessage());
        assertTrue(waitedMillis >= 250, "blocked for maxBlockTime, not " + waitedMillis + " ms");

        // A blocked caller proceeds as soon as room is freed.
        CompletableFuture<Exchange> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return track(producer, "blocked-then-queued").get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(50);
        assertFalse(waiting.isDone(), "blocked while the buffer is full");
        sink.releaseResponses();
        assertNull(waiting.get(5, TimeUnit.SECONDS).getException());
        await(() -> sink.arrivals().containsKey("blocked-then-queued"), 5000, "the unblocked event delivered");
    }

    @Test
    void dropNewestDropsCountsAndCompletesTheExchange() throws Exception {
        String uri = BASE + "&overflowPolicy=dropNewest";
        AsyncProducer producer = fill(uri);
        Exchange dropped = track(producer, "dropped-1").get(5, TimeUnit.SECONDS);
        assertNull(dropped.getException(), "dropNewest completes the exchange (losing the event by choice)");
        DeliveryStatistics stats = statistics(uri);
        assertEquals(1, stats.eventsDropped());
        assertTrue(stats.lastError().contains("dropped event dropped-1"), stats.lastError());

        sink.releaseResponses();
        await(() -> statistics(uri).eventsSent() == 3, 5000, "the admitted events");
        assertFalse(sink.arrivals().containsKey("dropped-1"));
    }

    @Test
    void byteLimitIsNamedWhenItIsTheOneReached() throws Exception {
        sink.holdResponses();
        String uri = "segment:track?batching=true&deliveryMode=fireAndForget&batchSize=1&flushInterval=0"
                     + "&maxInFlightRequests=1&bufferMaxBytes=40000&overflowPolicy=fail";
        AsyncProducer producer = producer(uri);
        Map<String, Object> big = Map.of("padding", "x".repeat(9_000));
        for (int i = 0; i < 4; i++) {
            assertNull(send(producer, big, Map.of(SegmentConstants.USER_ID, "u", SegmentConstants.EVENT, "Big"))
                    .get(5, TimeUnit.SECONDS).getException());
        }
        Exchange refused = send(producer, big, Map.of(SegmentConstants.USER_ID, "u", SegmentConstants.EVENT, "Big"))
                .get(5, TimeUnit.SECONDS);
        SegmentBufferFullException error = assertInstanceOf(SegmentBufferFullException.class,
                refused.getException());
        assertEquals("bufferMaxBytes", error.getLimit());
        assertTrue(error.getMessage().contains("bufferMaxBytes=40000"), error.getMessage());
    }
}
