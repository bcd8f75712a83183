package io.camelsegment.test;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.camelsegment.test.TrackingClient.batch;
import static io.camelsegment.test.TrackingClient.identify;
import static io.camelsegment.test.TrackingClient.track;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The receiver over real HTTP on loopback: what it accepts, keeps and refuses, as Segment does. */
class SegmentReceiverTest {

    private static final String KEY = "receiver-test-key";

    private final SegmentReceiver receiver = SegmentReceiver.start(KEY);
    private final TrackingClient client = new TrackingClient(receiver);

    @AfterEach
    void stop() {
        receiver.close();
    }

    @Test
    void keepsSingleAndBatchedMessagesInArrivalOrderWithTheirType() throws Exception {
        assertEquals(200, client.status("/track", KEY, track("m1", "u1", "Order Completed")));
        assertEquals("{\"success\":true}", client.post("/batch", KEY,
                batch(identify("m2", "u2"), track("m3", "u1", "Signed Up"))).body());
        // A per-call endpoint sets the type: the body needs none.
        assertEquals(200, client.status("/page", KEY, "{\"userId\":\"u3\",\"name\":\"Home\",\"messageId\":\"m4\"}"));

        List<ReceivedMessage> messages = receiver.messages();
        assertEquals(List.of("m1", "m2", "m3", "m4"), messages.stream().map(ReceivedMessage::messageId).toList());
        assertEquals(List.of("track", "identify", "track", "page"),
                messages.stream().map(ReceivedMessage::type).toList());
        assertEquals(List.of(false, true, true, false), messages.stream().map(ReceivedMessage::batched).toList());
        assertEquals("Order Completed", messages.get(0).event());
        assertEquals("pro", messages.get(0).property("plan").asText());
        assertEquals("a@example.com", messages.get(1).trait("email").asText());
        assertEquals("Home", messages.get(3).name());
        assertEquals(Map.of("identify", 1L, "page", 1L, "track", 2L), receiver.messageCountsByType());
        receiver.assertAllRequestsAccepted();
    }

    @Test
    void findsMessagesByTypeEventAndUser() throws Exception {
        client.post("/batch", KEY, batch(track("a", "u1", "Signed Up"), track("b", "u2", "Signed Up"),
                track("c", "u1", "Logged In"), identify("d", "u1")));

        assertEquals(List.of("a", "b"), ids(receiver.tracks("Signed Up")));
        assertEquals(List.of("a", "c", "d"), ids(receiver.messagesOf("u1")));
        assertEquals(List.of("d"), ids(receiver.messages("identify")));
        assertEquals("u2", receiver.message("b").orElseThrow().userId());
        assertTrue(receiver.message("nope").isEmpty());
        assertEquals(2, receiver.awaitTracks("Signed Up", 2, Duration.ofSeconds(1)).size());
    }

    @Test
    void reportsDuplicateMessageIds() throws Exception {
        client.post("/batch", KEY, batch(track("a", "u1", "E"), track("b", "u1", "E")));
        receiver.assertNoDuplicateMessageIds();
        client.post("/track", KEY, track("a", "u1", "E"));
        client.post("/track", KEY, track("a", "u1", "E"));

        assertEquals(Map.of("a", 3), receiver.duplicateMessageIds());
        AssertionError error = assertThrows(AssertionError.class, receiver::assertNoDuplicateMessageIds);
        assertTrue(error.getMessage().contains("a=3"), error.getMessage());
    }

    @Test
    void checksTheWriteKeyInBasicAuthOrInTheBody() throws Exception {
        assertEquals(401, client.status("/track", "another-key", track("m1", "u", "E")));
        assertEquals(401, client.status("/track", null, track("m2", "u", "E")));
        assertEquals(200, client.status("/batch", null,
                "{\"writeKey\":\"" + KEY + "\",\"batch\":[" + track("m3", "u", "E") + "]}"));

        assertEquals(List.of("m3"), ids(receiver.messages()));
        assertEquals(List.of(401, 401, 200), receiver.requests().stream().map(ReceivedRequest::status).toList());
        assertNull(receiver.requests().get(0).header("Authorization"), "the key is not kept");
    }

    @Test
    void startedWithoutAKeyAcceptsAnyNonBlankKey() throws Exception {
        try (SegmentReceiver open = SegmentReceiver.start()) {
            TrackingClient openClient = new TrackingClient(open);
            assertTrue(open.writeKey().startsWith("test-write-key-"));
            assertEquals(200, openClient.status("/track", "whatever", track("m1", "u", "E")));
            assertEquals(200, openClient.status("/track", open.writeKey(), track("m2", "u", "E")));
            assertEquals(401, openClient.status("/track", " ", track("m3", "u", "E")));
            assertEquals(401, openClient.status("/track", null, track("m4", "u", "E")));
            assertEquals(2, open.messages().size());
        }
    }

    @Test
    void refusesInvalidJsonWith400() throws Exception {
        assertEquals(400, client.status("/track", KEY, "{\"userId\":"));
        assertEquals(400, client.status("/track", KEY, "[1]"));
        assertEquals(400, client.status("/track", KEY, "{} {}"));
        assertEquals(400, client.status("/batch", KEY, "{\"batch\":{}}"));
        assertTrue(receiver.messages().isEmpty());
        assertEquals("Invalid JSON", receiver.requests().get(0).reason());
    }

    @Test
    void refusesAMessageOver32KilobytesWith400() throws Exception {
        String fits = trackOfSize(SegmentLimits.MAX_MESSAGE_BYTES);
        String tooLarge = trackOfSize(SegmentLimits.MAX_MESSAGE_BYTES + 1);

        assertEquals(200, client.status("/track", KEY, fits));
        assertEquals(400, client.status("/track", KEY, tooLarge));
        var batched = client.post("/batch", KEY, batch(track("small", "u", "E"), tooLarge));
        assertEquals(400, batched.statusCode());
        assertTrue(batched.body().startsWith("Exceed payload limit"), batched.body());
        assertEquals(200, client.status("/batch", KEY, batch(fits)));

        assertEquals(2, receiver.messages().size(), "nothing of a refused batch is kept");
    }

    @Test
    void refusesABatchOver500KilobytesWith400() throws Exception {
        String item = trackOfSize(20_000);
        String batch = batch(Collections.nCopies(SegmentLimits.MAX_BATCH_BYTES / 20_000 + 1, item)
                .toArray(String[]::new));
        assertTrue(batch.length() > SegmentLimits.MAX_BATCH_BYTES);

        assertEquals(400, client.status("/batch", KEY, batch));
        assertTrue(receiver.messages().isEmpty());
        assertEquals(batch.length(), receiver.requests().get(0).bodyBytes());
    }

    @Test
    void acceptsButDropsABatchOver2500Events() throws Exception {
        String item = "{\"type\":\"track\",\"userId\":\"u\",\"event\":\"E\"}";
        assertEquals(200, client.status("/batch", KEY, batch(Collections.nCopies(2500, item).toArray(String[]::new))));
        assertEquals(200, client.status("/batch", KEY, batch(Collections.nCopies(2501, item).toArray(String[]::new))));

        assertEquals(2500, receiver.messages().size());
        ReceivedRequest dropped = receiver.requests().get(1);
        assertEquals(0, dropped.messages());
        assertFalse(dropped.accepted());
        assertTrue(dropped.reason().contains("2501 > 2500"), dropped.reason());
    }

    @Test
    void dropsBatchItemsWithoutAValidType() throws Exception {
        assertEquals(200, client.status("/batch", KEY,
                batch(track("a", "u", "E"), "{\"userId\":\"u\"}", "{\"type\":\"purchase\"}", "7")));
        assertEquals(List.of("a"), ids(receiver.messages()));
        assertEquals("3 batch item(s) without a valid type dropped", receiver.requests().get(0).reason());
    }

    @Test
    void answersOtherPathsAndMethodsAsAServer() throws Exception {
        assertEquals(404, client.status("/import", KEY, batch(track("a", "u", "E"))));
        var get = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(receiver.trackingUrl() + "/track")).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(405, get.statusCode());
    }

    @Test
    void awaitFailsWithWhatArrived() throws Exception {
        client.post("/track", KEY, track("a", "u", "E"));

        assertEquals(1, receiver.awaitMessages(1, Duration.ofSeconds(5)).size());
        AssertionError error = assertThrows(AssertionError.class,
                () -> receiver.awaitMessages(2, Duration.ofMillis(100)));
        assertTrue(error.getMessage().startsWith("Expected 2 messages within PT0.1S, got 1; 1 messages {track=1}"),
                error.getMessage());
    }

    @Test
    void resetForgetsEverything() throws Exception {
        receiver.failNext(1, 503);
        client.post("/track", KEY, track("a", "u", "E"));
        client.post("/track", KEY, track("b", "u", "E"));
        receiver.failNext(1, 503);
        receiver.reset();

        assertTrue(receiver.messages().isEmpty() && receiver.requests().isEmpty());
        assertEquals(200, client.status("/track", KEY, track("c", "u", "E")), "scripted faults are forgotten");
    }

    @Test
    void givesItsSettingsAsCamelProperties() {
        assertEquals(Map.of("camel.component.segment.tracking-url", receiver.trackingUrl(),
                "camel.component.segment.write-key", KEY), receiver.camelProperties());
        assertTrue(receiver.trackingUrl().matches("http://127\\.0\\.0\\.1:\\d+/v1"), receiver.trackingUrl());
        assertThrows(IllegalArgumentException.class, () -> SegmentReceiver.start(" "));
    }

    /** A track message of exactly {@code bytes} bytes (ASCII). */
    static String trackOfSize(int bytes) {
        String start = "{\"type\":\"track\",\"userId\":\"u\",\"event\":\"E\",\"properties\":{\"pad\":\"";
        String end = "\"}}";
        return start + "x".repeat(bytes - start.length() - end.length()) + end;
    }

    private static List<String> ids(List<ReceivedMessage> messages) {
        return messages.stream().map(ReceivedMessage::messageId).toList();
    }
}
