package io.camelsegment.component.segment.tracking.buffer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.camelsegment.component.segment.SegmentConstants;
import io.camelsegment.component.segment.support.BufferedDeliveryTestSupport;
import io.camelsegment.component.segment.support.FaultInjectingSegmentSink.Request;
import org.apache.camel.AsyncProducer;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With the default linger (flushInterval=0) a batch leaves as soon as a sender is free: a route that sends one
 * exchange and waits for it never waits for a batch to fill, and batches grow by themselves while requests are in
 * flight. A route fed one exchange at a time has its events sent on its own thread; an asynchronous caller never.
 */
class AdaptiveBatchingTest extends BufferedDeliveryTestSupport {

    @Test
    void oneExchangeAtATimeIsSentAtOnce() throws Exception {
        AsyncProducer producer = producer("segment:track?batching=true");
        long start = System.nanoTime();
        for (int i = 0; i < 40; i++) {
            Exchange done = track(producer, "seq-" + i).get(10, TimeUnit.SECONDS);
            assertNull(done.getException());
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertEquals(40, sink.processed().size(), "one request per exchange: nothing waited for company");
        // With the former fixed linger of 500 ms, 40 exchanges took 20 s; here it is 40 local round trips.
        assertTrue(millis < 10_000, "40 sequential exchanges took " + millis + " ms");
    }

    @Test
    void aRouteFedOneExchangeAtATimeSendsOnItsOwnThread() throws Exception {
        String caller = Thread.currentThread().getName();
        int onCaller = 0;
        for (String continuedOn : sendOneAtATime("segment:track?batching=true", 64)) {
            assertTrue(!continuedOn.contains("SegmentBatchSender"), "continued on " + continuedOn);
            onCaller += caller.equals(continuedOn) ? 1 : 0;
        }
        assertEquals(64, sink.processed().size());
        // The first events, and one in PROBE_EVERY after them, go through a sender thread (and the event after a
        // probe may too, if it comes before the sender let go of the probe's batch); the others are sent on the
        // calling thread, which then continues the route itself, as with direct sending.
        int throughSenders = EventAccumulator.SEQUENTIAL_AFTER + 2 * (64 / EventAccumulator.PROBE_EVERY);
        assertTrue(onCaller >= 64 - throughSenders - 2, onCaller + " of 64 sent on the calling thread");
    }

    @Test
    void callerRunsWhenIdleFalseKeepsTheCallingThreadOffTheWire() throws Exception {
        for (String continuedOn : sendOneAtATime("segment:track?batching=true&callerRunsWhenIdle=false", 40)) {
            assertTrue(continuedOn.startsWith("Camel") && continuedOn.contains("SegmentProducerWorker"),
                    "continued on " + continuedOn + ", not on the worker pool");
        }
        assertEquals(40, sink.processed().size(), "still one request per exchange: nothing waited for company");
    }

    /**
     * Sends track events one at a time, each waiting for its exchange, through a route to this endpoint that records
     * the thread the route continued on; returns those threads' names.
     */
    private List<String> sendOneAtATime(String uri, int events) throws Exception {
        String from = "direct:" + uri.hashCode();
        context.addRoutes(new org.apache.camel.builder.RouteBuilder() {
            @Override
            public void configure() {
                from(from).to(uri)
                        .process(e -> e.getMessage().setHeader("continuedOn", Thread.currentThread().getName()));
            }
        });
        List<String> continuedOn = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            String id = "one-" + i;
            Exchange done = template.send(from, e -> {
                e.getMessage().setBody(java.util.Map.of("plan", "pro"));
                e.getMessage().setHeader(SegmentConstants.USER_ID, "u");
                e.getMessage().setHeader(SegmentConstants.EVENT, "Order Completed");
                e.getMessage().setHeader(SegmentConstants.MESSAGE_ID, id);
            });
            assertNull(done.getException(), id);
            assertEquals(200, done.getMessage().getHeader(SegmentConstants.HTTP_STATUS), id);
            continuedOn.add(done.getMessage().getHeader("continuedOn", String.class));
        }
        return continuedOn;
    }

    @Test
    void aFailedSendOnTheCallingThreadIsRetriedByTheSender() throws Exception {
        AsyncProducer producer = producer("segment:track?batching=true");
        for (int i = 0; i < 20; i++) {
            assertNull(track(producer, "seq-" + i).get(10, TimeUnit.SECONDS).getException());
        }
        sink.script(503, "", 1);
        int attemptsBefore = sink.attempts();
        CompletableFuture<Exchange> retried = track(producer, "retried");
        Exchange done = retried.get(10, TimeUnit.SECONDS);
        assertNull(done.getException());
        assertEquals(200, done.getMessage().getHeader(SegmentConstants.HTTP_STATUS));
        assertEquals(2, sink.attempts() - attemptsBefore, "answered 503, then accepted");
        Request last = sink.processed().get(sink.processed().size() - 1);
        assertEquals(List.of("retried"), last.messageIds());
        assertEquals(1, last.retryCount(), "the second attempt of the same request");
    }

    @Test
    void anAsynchronousCallerIsNotHeldUpSendingOnItsOwnThread() throws Exception {
        AsyncProducer producer = producer("segment:track?batching=true");
        for (int i = 0; i < 30; i++) {
            assertNull(track(producer, "seq-" + i).get(10, TimeUnit.SECONDS).getException());
        }
        assertEquals(30, sink.processed().size(), "sequential feeding: one request per event");
        // The same producer now fed asynchronously: many exchanges in flight, as Camel's routing engine does.
        sink.setResponseDelayMillis(50);
        List<CompletableFuture<Exchange>> sent = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            sent.add(track(producer, "async-" + i));
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);
        sent.forEach(f -> assertNull(f.join().getException()));
        int requests = sink.processed().size() - 30;
        // At most PROBE_EVERY events go alone before an event that overlaps a request on the wire shows that the
        // caller does not wait; from then on the events share batches.
        assertTrue(requests <= EventAccumulator.PROBE_EVERY + 4, requests + " requests for 300 events");
        assertEquals(330, sink.arrivals().size());
    }

    @Test
    void exchangesOfACallerThatStreamsShareBatchesAndTheLastOneGoesWithoutAFlush() throws Exception {
        AsyncProducer producer = producer("segment:track?batching=true&batchSize=100");
        List<CompletableFuture<Exchange>> sent = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            sent.add(track(producer, "stream-" + i));
        }
        // No flush: the last batch, held while this thread kept adding, goes once the thread stopped.
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);
        sent.forEach(f -> assertNull(f.join().getException()));
        assertEquals(1000, sink.arrivals().size());
        int requests = sink.processed().size();
        assertTrue(requests >= 10 && requests <= 30, requests + " requests for 1000 events in batches of 100");
    }

    @Test
    void batchesGrowWhileARequestIsInFlight() throws Exception {
        sink.setResponseDelayMillis(300);
        AsyncProducer producer = producer("segment:track?batching=true&maxInFlightRequests=1");
        CompletableFuture<Exchange> first = track(producer, "grow-0");
        await(() -> sink.attempts() == 1, 5000, "the first event on the wire alone");
        List<CompletableFuture<Exchange>> rest = new ArrayList<>();
        for (int i = 1; i <= 200; i++) {
            rest.add(track(producer, "grow-" + i));
        }
        first.get(10, TimeUnit.SECONDS);
        CompletableFuture.allOf(rest.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        rest.forEach(f -> assertNull(f.join().getException()));
        List<Request> requests = sink.processed();
        assertEquals(1, requests.get(0).events());
        assertEquals(200, requests.get(1).events(), "the 200 events that came during the first request: one batch");
        assertEquals(2, requests.size());
    }

    @Test
    void aLingerHoldsABatchForCompanyThenSendsIt() throws Exception {
        String uri = "segment:track?batching=true&flushInterval=400";
        AsyncProducer producer = producer(uri);
        List<CompletableFuture<Exchange>> sent = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            sent.add(track(producer, "linger-" + i));
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        assertEquals(1, sink.processed().size(), "the 5 events waited for each other");
        assertEquals(5, sink.processed().get(0).events());
    }
}
