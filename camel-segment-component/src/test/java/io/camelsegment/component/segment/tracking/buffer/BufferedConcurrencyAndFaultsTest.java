package io.camelsegment.component.segment.tracking.buffer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.camelsegment.component.segment.monitor.DeliveryStatistics;
import io.camelsegment.component.segment.support.BufferedDeliveryTestSupport;
import io.camelsegment.component.segment.support.FaultInjectingSegmentSink.Faults;
import io.camelsegment.component.segment.support.FaultInjectingSegmentSink.Request;
import org.apache.camel.AsyncProducer;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Many producer threads feeding one buffered sender, against a clean server and against a faulty one. Asserted by
 * messageId: every event arrived, none is lost, and duplicates (re-sent after a lost response) are byte-identical.
 */
class BufferedConcurrencyAndFaultsTest extends BufferedDeliveryTestSupport {

    private static final int THREADS = 8;

    @Test
    void manyThreadsAllEventsArriveOnceWithinRequestLimits() throws Exception {
        String uri = "segment:track?batching=true&batchSize=100&maxBatchBytes=40000&flushInterval=5"
                     + "&maxInFlightRequests=4";
        List<Exchange> done = sendFromThreads(producer(uri), 1000);

        done.forEach(e -> assertNull(e.getException(), () -> "exchange failed: " + e.getException()));
        Map<String, Integer> arrivals = sink.arrivals();
        assertEquals(THREADS * 1000, arrivals.size());
        assertTrue(arrivals.values().stream().allMatch(n -> n == 1), "no duplicate without a fault");
        for (Request request : sink.processed()) {
            assertTrue(request.events() <= 100, "events per request: " + request.events());
            assertTrue(request.bytes() <= 40000, "bytes per request: " + request.bytes());
        }
        DeliveryStatistics stats = statistics(uri);
        assertEquals(THREADS * 1000, stats.eventsSent());
        assertEquals(sink.processed().size(), stats.batchesSent());
    }

    @Test
    void faultMixLosesNothingAndDuplicatesShareTheirMessageId() throws Exception {
        // Per request: 10 % 500, 2 % 429 + Retry-After, 3 % reset before read, 3 % reset after processing,
        // 2 % closed after processing, 2 % timeout after processing, 10 % slow (30 ms).
        sink.setFaults(new Faults(0.10, 0.02, 0.03, 0.03, 0.02, 0.02, 0.10, 30, 400));
        String uri = "segment:track?batching=true&batchSize=50&flushInterval=5&maxInFlightRequests=6"
                     + "&maxRetries=12&responseTimeout=200";
        List<Exchange> done = sendFromThreads(producer(uri), 500);

        done.forEach(e -> assertNull(e.getException(), () -> "exchange failed: " + e.getException()));
        Map<String, Integer> arrivals = sink.arrivals();
        assertEquals(THREADS * 500, arrivals.size(), "every event arrived");
        assertTrue(sink.mismatchedDuplicates().isEmpty(), "a duplicate differs from its original: "
                                                          + sink.mismatchedDuplicates());
        long duplicates = arrivals.values().stream().filter(n -> n > 1).count();
        Map<String, Integer> faults = sink.faultCounts();
        int lostResponses = faults.getOrDefault("resetAfterProcess", 0) + faults.getOrDefault("closeAfterProcess", 0)
                            + faults.getOrDefault("timeoutAfterProcess", 0);
        assertTrue(lostResponses > 0 && duplicates > 0, "the mix lost responses (" + faults + ")");
        assertTrue(faults.getOrDefault("error500", 0) > 0 && faults.getOrDefault("resetBeforeRead", 0) > 0, "" + faults);
        assertTrue(sink.processed().stream().anyMatch(r -> r.retryCount() > 0), "retries carry X-Retry-Count");
        DeliveryStatistics stats = statistics(uri);
        assertEquals(THREADS * 500, stats.eventsSent());
        assertEquals(0, stats.eventsFailed());
        assertTrue(stats.retries() > 0);
    }

    @Test
    void reusedRequestBuffersCarryEveryBatchIntact() throws Exception {
        // Bodies of 16 KiB and more are written into buffers the sender reuses: with 6 senders, retries re-sending
        // their batch's body and batches of every size (partial ones at the end), no request may carry bytes of
        // another, nor anything after its own JSON.
        sink.setFaults(new Faults(0.10, 0.0, 0.03, 0.03, 0.02, 0.0, 0.10, 20, 0));
        String uri = "segment:track?batching=true&batchSize=150&maxBatchBytes=60000&flushInterval=5"
                     + "&maxInFlightRequests=6&maxRetries=12";
        List<Exchange> done = sendFromThreads(producer(uri), 500);

        done.forEach(e -> assertNull(e.getException(), () -> "exchange failed: " + e.getException()));
        assertEquals(0, sink.malformedBodies(), "requests whose body was not exactly one JSON object");
        Map<String, String> received = sink.firstBodies();
        assertEquals(THREADS * 500, received.size(), "every event arrived");
        received.forEach((id, json) -> assertTrue(json.contains("\"userId\":\"user-" + id + "\""),
                () -> id + " arrived with another event's content: " + json));
        assertTrue(sink.mismatchedDuplicates().isEmpty(), "a re-sent event differs: " + sink.mismatchedDuplicates());
        List<Request> requests = sink.processed();
        assertTrue(requests.stream().filter(r -> r.bytes() >= RequestBodies.POOLED_FROM).count() > 20,
                "most requests were large enough to use a reused buffer");
        assertTrue(requests.stream().anyMatch(r -> r.retryCount() > 0), "some were retries");
    }

    @Test
    void fireAndForgetUnderFaultsLosesNothing() throws Exception {
        sink.setFaults(new Faults(0.10, 0.02, 0.03, 0.03, 0.02, 0.0, 0.05, 20, 0));
        String uri = "segment:track?batching=true&deliveryMode=fireAndForget&batchSize=100&flushInterval=5"
                     + "&maxRetries=12";
        List<Exchange> done = sendFromThreads(producer(uri), 500);
        done.forEach(e -> assertNull(e.getException()));
        await(() -> statistics(uri).eventsSent() == THREADS * 500, 10_000, "all sent");
        assertEquals(THREADS * 500, sink.arrivals().size());
        assertTrue(sink.mismatchedDuplicates().isEmpty());
    }

    /** THREADS threads each send n events asynchronously (many exchanges in flight), then wait for all. */
    private List<Exchange> sendFromThreads(AsyncProducer producer, int n) throws Exception {
        ConcurrentLinkedQueue<CompletableFuture<Exchange>> sent = new ConcurrentLinkedQueue<>();
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> feeders = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                feeders.add(threads.submit(() -> {
                    for (int i = 0; i < n; i++) {
                        sent.add(track(producer, "t" + thread + "-" + i));
                    }
                }));
            }
            for (Future<?> feeder : feeders) {
                feeder.get(20, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdown();
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);
        List<Exchange> done = new ArrayList<>();
        for (CompletableFuture<Exchange> future : sent) {
            done.add(future.get());
        }
        return done;
    }
}
