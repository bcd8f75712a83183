package io.camelsegment.component.segment.tracking.buffer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.camelsegment.component.segment.SegmentComponent;
import io.camelsegment.component.segment.SegmentConstants;
import io.camelsegment.component.segment.SegmentEndpoint;
import io.camelsegment.component.segment.SegmentValidationException;
import io.camelsegment.component.segment.support.BufferedDeliveryTestSupport;
import io.camelsegment.component.segment.support.FaultInjectingSegmentSink;
import io.camelsegment.component.segment.support.FaultInjectingSegmentSink.Request;
import org.apache.camel.AsyncProducer;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How buffered delivery cuts batches: by count, by bytes, by time; per write key; one sender per settings. */
class BufferedBatchingTest extends BufferedDeliveryTestSupport {

    private static final String FIRE = "segment:track?batching=true&deliveryMode=fireAndForget";

    @Test
    void flushesByCount() throws Exception {
        AsyncProducer producer = producer(FIRE + "&batchSize=10&flushInterval=60000");
        for (int i = 0; i < 30; i++) {
            Exchange done = track(producer, "count-" + i).get(5, TimeUnit.SECONDS);
            assertNull(done.getException());
        }
        await(() -> sink.processed().size() == 3, 5000, "3 full batches");
        for (Request request : sink.processed()) {
            assertEquals(10, request.events());
        }
        assertEquals(30, sink.arrivals().size());
    }

    @Test
    void flushesByBytesWithinMaxBatchBytes() throws Exception {
        int maxBatchBytes = 40_000;
        AsyncProducer producer = producer(FIRE + "&batchSize=2500&flushInterval=60000&maxBatchBytes=" + maxBatchBytes);
        String padding = "x".repeat(9_000);
        for (int i = 0; i < 12; i++) {
            send(producer, Map.of("padding", padding), Map.of(SegmentConstants.USER_ID, "u",
                    SegmentConstants.EVENT, "Big", SegmentConstants.MESSAGE_ID, "big-" + i)).get(5, TimeUnit.SECONDS);
        }
        // ~9.2 KB per event: 4 fit under 40,000 bytes, the 5th closes the batch.
        await(() -> sink.processed().size() == 2, 5000, "2 batches closed by bytes");
        for (Request request : sink.processed()) {
            assertEquals(4, request.events());
            assertTrue(request.bytes() <= maxBatchBytes, "request of " + request.bytes() + " bytes");
        }
        String uri = FIRE + "&batchSize=2500&flushInterval=60000&maxBatchBytes=" + maxBatchBytes;
        // the sink records before it answers: the sender settles (and frees room) right after
        await(() -> statistics(uri).eventsSent() == 8, 5000, "8 sent");
        assertEquals(4, statistics(uri).eventsBuffered(), "the open third batch waits for more");
    }

    @Test
    void flushesByTime() throws Exception {
        AsyncProducer producer = producer(FIRE + "&batchSize=100&flushInterval=1000");
        for (int i = 0; i < 5; i++) {
            track(producer, "time-" + i).get(5, TimeUnit.SECONDS);
        }
        assertEquals(0, sink.attempts(), "nothing is sent before flushInterval unless the batch is full");
        await(() -> sink.processed().size() == 1, 5000, "the batch sent after flushInterval");
        assertEquals(5, sink.processed().get(0).events());
    }

    @Test
    void flushSendsWhatIsBufferedWithoutWaitingForTheInterval() throws Exception {
        String uri = FIRE + "&batchSize=100&flushInterval=60000";
        AsyncProducer producer = producer(uri);
        for (int i = 0; i < 7; i++) {
            track(producer, "flush-" + i).get(5, TimeUnit.SECONDS);
        }
        assertEquals(0, sink.attempts(), "a batch of 7 under batchSize=100 waits for the interval");
        SegmentEndpoint endpoint = context.getEndpoint(uri, SegmentEndpoint.class);
        assertEquals(7, endpoint.flush(), "events handed to the senders");
        await(() -> sink.processed().size() == 1, 5000, "the flushed batch");
        assertEquals(7, sink.processed().get(0).events());
        assertEquals(0, endpoint.flush(), "nothing left to flush");

        track(producer, "after-flush").get(5, TimeUnit.SECONDS);
        assertEquals(1, endpoint.flush(), "a later event starts a new batch");
        await(() -> sink.arrivals().size() == 8, 5000, "all 8 events");
        assertEquals(0, context.getEndpoint("segment:track", SegmentEndpoint.class).flush(), "no batching: no-op");
    }

    @Test
    void eventsOfDifferentWriteKeysNeverShareARequest() throws Exception {
        AsyncProducer producer = producer(FIRE + "&batchSize=100&flushInterval=50");
        List<CompletableFuture<Exchange>> sent = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String key = i % 2 == 0 ? WRITE_KEY : "wk_OTHER_key";
            sent.add(send(producer, Map.of(), Map.of(SegmentConstants.USER_ID, "u", SegmentConstants.EVENT, "E",
                    SegmentConstants.MESSAGE_ID, key.substring(0, 5) + "-" + i, SegmentConstants.WRITE_KEY, key)));
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);
        await(() -> sink.arrivals().size() == 20, 5000, "all 20 events");
        for (Request request : sink.processed()) {
            String key = FaultInjectingSegmentSink.writeKeyOf(request);
            String prefix = key.substring(0, 5) + "-";
            assertTrue(request.messageIds().stream().allMatch(id -> id.startsWith(prefix)),
                    "request authenticated with one key carries only that key's events: " + request.messageIds());
        }
    }

    @Test
    void invalidEventFailsItsOwnExchangeAndNeverEntersTheBuffer() throws Exception {
        String uri = FIRE + "&flushInterval=20";
        AsyncProducer producer = producer(uri);
        Exchange bad = send(producer, Map.of("plan", "pro"), Map.of(SegmentConstants.USER_ID, "u"))
                .get(5, TimeUnit.SECONDS);
        Exchange good = track(producer, "good-1").get(5, TimeUnit.SECONDS);

        SegmentValidationException error = assertInstanceOf(SegmentValidationException.class, bad.getException());
        assertTrue(error.getMessage().contains("event"), error.getMessage());
        assertNull(good.getException());
        await(() -> sink.arrivals().containsKey("good-1"), 5000, "the valid neighbour");
        assertEquals(1, statistics(uri).eventsQueued());
    }

    @Test
    void endpointsWithEqualSettingsShareOneSenderAndDifferentWriteKeysDoNot() throws Exception {
        String common = "batching=true&deliveryMode=fireAndForget&batchSize=20&flushInterval=60000";
        AsyncProducer tracks = producer("segment:track?" + common);
        AsyncProducer identifies = producer("segment:identify?" + common);
        AsyncProducer otherKey = producer("segment:track?writeKey=RAW(wk_OTHER_key)&" + common);
        SegmentComponent component = context.getComponent("segment", SegmentComponent.class);
        assertEquals(2, component.getBatchers().size(), "one sender per distinct settings");

        for (int i = 0; i < 10; i++) {
            track(tracks, "t-" + i).get(5, TimeUnit.SECONDS);
            send(identifies, Map.of("plan", "pro"), Map.of(SegmentConstants.USER_ID, "u",
                    SegmentConstants.MESSAGE_ID, "i-" + i)).get(5, TimeUnit.SECONDS);
            track(otherKey, "o-" + i).get(5, TimeUnit.SECONDS);
        }
        // track + identify fill one batch of 20 together; the other key's 10 events wait in their own sender.
        await(() -> sink.processed().size() == 1, 5000, "one shared batch");
        Request shared = sink.processed().get(0);
        assertEquals(20, shared.events());
        Set<String> prefixes = new HashSet<>();
        shared.messageIds().forEach(id -> prefixes.add(id.substring(0, 2)));
        assertEquals(Set.of("t-", "i-"), prefixes);
        assertEquals(WRITE_KEY, FaultInjectingSegmentSink.writeKeyOf(shared));
        assertEquals(10, statistics("segment:track?writeKey=RAW(wk_OTHER_key)&" + common).eventsBuffered());
        await(() -> statistics("segment:identify?" + common).eventsSent() == 20, 5000,
                "statistics are per shared sender");
    }

    @Test
    void invalidBatchingOptionsFailAtEndpointCreation() {
        Exception error = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
                () -> context.getEndpoint("segment:track?batching=true&maxInFlightRequests=0&writeKey=RAW(" + WRITE_KEY
                                          + ")"));
        assertTrue(error.getMessage().contains("maxInFlightRequests must be >= 1, was 0"), error.getMessage());
        assertTrue(!error.getMessage().contains(WRITE_KEY), "the write key is masked");
        Exception small = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
                () -> context.getEndpoint("segment:track?batching=true&bufferMaxBytes=1000"));
        assertTrue(small.getMessage().contains("bufferMaxBytes must be >= 32768"), small.getMessage());
    }
}
