package io.camelsegment.test;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.camelsegment.test.TrackingClient.track;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Scripted faults, each taken by one request in arrival order. */
class FaultScriptingTest {

    private final SegmentReceiver receiver = SegmentReceiver.start("fault-key");
    private final TrackingClient client = new TrackingClient(receiver);

    @AfterEach
    void stop() {
        receiver.close();
    }

    @Test
    void answersAStatusForTheNextRequestsAndRecordsNothingOfThem() throws Exception {
        receiver.failNext(2, 503).failNext(1, 429, Duration.ofSeconds(7));

        assertEquals(503, client.status("/track", "fault-key", track("a", "u", "E")));
        assertEquals(503, client.status("/track", "fault-key", track("a", "u", "E")));
        HttpResponse<String> limited = client.post("/track", "fault-key", track("a", "u", "E"));
        assertEquals(429, limited.statusCode());
        assertEquals("7", limited.headers().firstValue("Retry-After").orElseThrow());
        assertEquals(200, client.status("/track", "fault-key", track("a", "u", "E")));

        assertEquals(List.of("a"), receiver.messages().stream().map(ReceivedMessage::messageId).toList());
        assertEquals(List.of(503, 503, 429, 200), receiver.requests().stream().map(ReceivedRequest::status).toList());
    }

    @Test
    void resetsTheConnectionWithoutAnAnswer() throws Exception {
        receiver.resetNext(1);

        assertThrows(IOException.class, () -> client.post("/track", "fault-key", track("a", "u", "E")));
        assertEquals(200, client.status("/track", "fault-key", track("b", "u", "E")));
        assertEquals(List.of(0, 200), receiver.requests().stream().map(ReceivedRequest::status).toList());
        assertEquals(1, receiver.messages().size());
    }

    @Test
    void recordsThenAnswersAnError() throws Exception {
        receiver.recordThenFailNext(1, 500);

        assertEquals(500, client.status("/track", "fault-key", track("a", "u", "E")));
        assertEquals(200, client.status("/track", "fault-key", track("a", "u", "E")));

        assertEquals(2, receiver.messages().size(), "the first was kept although answered 500");
        assertEquals(java.util.Map.of("a", 2), receiver.duplicateMessageIds());
    }

    @Test
    void recordThenFailStillRefusesWhatSegmentRefuses() throws Exception {
        receiver.recordThenFailNext(1, 500);
        assertEquals(401, client.status("/track", "wrong", track("a", "u", "E")));
        assertTrue(receiver.messages().isEmpty());
    }

    @Test
    void delaysTheAnswer() throws Exception {
        receiver.delayNext(1, Duration.ofMillis(300));

        long start = System.nanoTime();
        assertEquals(200, client.status("/track", "fault-key", track("a", "u", "E")));
        assertTrue(System.nanoTime() - start >= Duration.ofMillis(300).toNanos(), "answered before the delay");
        assertEquals(1, receiver.messages().size());
    }
}
