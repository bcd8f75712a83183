package io.camelsegment.component.segment.tracking.buffer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.camelsegment.component.segment.SegmentBatchException;
import io.camelsegment.component.segment.SegmentBufferFullException;
import io.camelsegment.component.segment.SegmentConstants;
import io.camelsegment.component.segment.support.BufferedDeliveryTestSupport;
import io.camelsegment.component.segment.support.FaultInjectingSegmentSink.Faults;
import io.camelsegment.component.segment.support.FaultInjectingSegmentSink.Request;
import org.apache.camel.AsyncProducer;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code segment:batch?batching=true}: the items of successive Lists share the buffered sender's batches, so requests
 * fill up to the limits whatever the size of the Lists; each exchange completes when all its items are settled.
 */
class BufferedBatchListsTest extends BufferedDeliveryTestSupport {

    @Test
    void itemsOfSuccessiveListsShareRequestsAndEachExchangeWaitsForAllItsItems() throws Exception {
        String uri = "segment:batch?batching=true&batchSize=100&flushInterval=2000";
        AsyncProducer producer = producer(uri);
        List<CompletableFuture<Exchange>> sent = new ArrayList<>();
        for (int list = 0; list < 7; list++) {
            sent.add(send(producer, items("l" + list, 30), Map.of()));
        }
        for (CompletableFuture<Exchange> future : sent) {
            Exchange done = future.get(10, TimeUnit.SECONDS);
            assertNull(done.getException());
            assertEquals(30, done.getMessage().getHeader(SegmentConstants.MESSAGE_IDS, List.class).size());
            assertEquals(200, done.getMessage().getHeader(SegmentConstants.HTTP_STATUS));
        }
        assertEquals(210, sink.arrivals().size());
        List<Request> requests = sink.processed();
        // 7 lists of 30: full batches of 100 across lists (two lists' items in most), then the remainder
        assertEquals(3, requests.size(), "requests: " + requests.stream().map(Request::events).toList());
        assertEquals(100, requests.get(0).events());
        assertTrue(requests.get(0).messageIds().stream().map(id -> id.substring(0, id.indexOf('-'))).distinct()
                .count() >= 4, "one request carries items of several lists: " + requests.get(0).messageIds());
    }

    @Test
    void anUndeliveredItemFailsItsExchangeByInputIndexAndTheOthersStillArrive() throws Exception {
        String uri = "segment:batch?batching=true&batchSize=10";
        AsyncProducer producer = producer(uri);
        List<Object> items = new ArrayList<>(items("ok", 5));
        items.add(2, Map.of("type", "track", "userId", "u")); // no event name: invalid, index 2
        Exchange done = send(producer, items, Map.of()).get(10, TimeUnit.SECONDS);
        SegmentBatchException error = assertInstanceOf(SegmentBatchException.class, done.getException());
        assertEquals(1, error.getFailures().size());
        assertEquals(2, error.getFailures().get(0).index());
        assertEquals(5, error.getDeliveredMessageIds().size());
        assertEquals(5, sink.arrivals().size());

        sink.setFaults(new Faults(1.0, 0, 0, 0, 0, 0, 0, 0, 0));
        Exchange failed = send(producer, items("fail", 4), Map.of()).get(10, TimeUnit.SECONDS);
        SegmentBatchException requestError = assertInstanceOf(SegmentBatchException.class, failed.getException());
        assertEquals(4, requestError.getFailures().size());
        assertTrue(requestError.getFailures().get(0).reason().contains("HTTP 500"),
                requestError.getFailures().get(0).reason());
    }

    /** With block (the default) or fail, a List is queued once all its items fit: one that never can is refused. */
    @Test
    void aListTheBufferCanNeverHoldIsRefusedAtOnceNamingTheLimit() throws Exception {
        AsyncProducer producer = producer("segment:batch?batching=true&bufferMaxEvents=10&maxBlockTime=30000");
        long start = System.nanoTime();
        Exchange refused = send(producer, items("big", 20), Map.of()).get(10, TimeUnit.SECONDS);
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        SegmentBufferFullException error = assertInstanceOf(SegmentBufferFullException.class, refused.getException());
        assertEquals("bufferMaxEvents", error.getLimit());
        assertTrue(error.getMessage().contains("collection of 20 valid event(s)")
                   && error.getMessage().contains("bufferMaxEvents=10"), error.getMessage());
        assertTrue(tookMillis < 10_000, "waited " + tookMillis + " ms for room that could never come");

        Exchange fits = send(producer, items("small", 10), Map.of()).get(10, TimeUnit.SECONDS);
        assertNull(fits.getException(), () -> String.valueOf(fits.getException()));
        assertEquals(10, sink.arrivals().size());
    }

    private static List<Object> items(String prefix, int n) {
        List<Object> items = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            items.add(Map.of("type", "track", "userId", "u", "event", "Order Completed", "messageId",
                    prefix + "-" + i));
        }
        return items;
    }
}
