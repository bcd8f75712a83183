package io.camelsegment.benchmarks.sink;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The receiver over real HTTP on loopback: Segment's limits, auth, and what it counts. */
class BenchmarkSinkTest {

    private static final String KEY = "receiver-test-key";

    private final HttpClient http = HttpClient.newHttpClient();
    private BenchmarkSink receiver;

    @BeforeEach
    void start() throws Exception {
        receiver = new BenchmarkSink(0, KEY, 2);
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    @Test
    void acceptsAndCountsSingleAndBatchMessages() throws Exception {
        assertEquals(200, post("/track", KEY, track("m1")));
        assertEquals(200, post("/batch", KEY, batch(track("m2"), identify("m3"), identify("m4"))));

        assertEquals(4, receiver.events());
        assertEquals(2, receiver.requests());
        assertEquals(0, receiver.rejectedRequests());
        assertEquals(Map.of("identify", 2L, "track", 2L), receiver.eventsByType());
        assertTrue(receiver.received("m1") && receiver.received("m4"));
        assertTrue(receiver.bytes() > 0 && receiver.maxRequestBytes() <= receiver.bytes());
    }

    @Test
    void countsDuplicateMessageIds() throws Exception {
        post("/batch", KEY, batch(track("a"), track("b")));
        post("/track", KEY, track("a"));

        assertEquals(3, receiver.events());
        assertEquals(2, receiver.distinctMessageIds());
        assertEquals(1, receiver.duplicates());
    }

    @Test
    void keepsUuidAndOtherMessageIdsApartAndCountsTheirDuplicatesExactly() throws Exception {
        String a = UUID.randomUUID().toString();
        String b = UUID.randomUUID().toString();
        assertEquals(200, post("/batch", KEY, batch(track(a), track(b), track(a), track(a.toUpperCase(Locale.ROOT)),
                track("m1"))));
        assertEquals(200, post("/track", KEY, track(b)));
        assertEquals(200, post("/identify", KEY, identify("m1")));

        assertEquals(7, receiver.events());
        assertEquals(4, receiver.distinctMessageIds(), "a, b, A (another String) and m1");
        assertEquals(3, receiver.duplicates());
        assertTrue(receiver.received(a) && receiver.received(b) && receiver.received("m1"));
        assertTrue(receiver.received(a.toUpperCase(Locale.ROOT)));
        assertFalse(receiver.received(b.toUpperCase(Locale.ROOT)));
        assertFalse(receiver.received(UUID.randomUUID().toString()));
    }

    @Test
    void countsEventsWithoutAMessageIdOrTypeAsBeforeAndTheLastOfARepeatedField() throws Exception {
        String id = UUID.randomUUID().toString();
        assertEquals(200, post("/batch", KEY, batch("{\"type\":\"track\",\"event\":\"E\"}",
                "{\"messageId\":\"no-type\"}",
                "{\"type\":\"page\",\"type\":\"screen\",\"messageId\":\"first\",\"messageId\":\"" + id + "\"}",
                "{\"type\":\"group\",\"type\":7,\"messageId\":{\"not\":\"a string\"}}")));

        assertEquals(4, receiver.events());
        assertEquals(Map.of("track", 1L, "null", 1L, "screen", 1L, "group", 1L), receiver.eventsByType());
        assertEquals(2, receiver.distinctMessageIds());
        assertTrue(receiver.received("no-type") && receiver.received(id));
        assertFalse(receiver.received("first"));
    }

    @Test
    void readsBatchesWithEscapesOrBeyondAsciiLikeAnyOther() throws Exception {
        String id = UUID.randomUUID().toString();
        assertEquals(200, post("/batch", KEY, batch("{\"type\":\"track\",\"messageId\":\"" + id
                                                    + "\",\"event\":\"Caf\u00e9 \\\"Opened\\\"\"}",
                "{\"type\":\"tr\\u0061ck\",\"messageId\":\"m\\u0031\"}")));
        assertEquals(200, post("/batch", KEY, " {\n  \"batch\" : [ { \"type\" : \"page\", \"messageId\" : \"m2\" } ]\n}\n"));
        assertEquals(400, post("/batch", KEY, "{\"batch\":[{\"type\":\"track\",\"messageId\":\"m3\"}]"));
        assertEquals(400, post("/batch", KEY, "{\"batch\":[{\"type\":\"track\",\"messageId\":\"m4\",\"n\":01}]}"));

        assertEquals(Map.of("track", 2L, "page", 1L), receiver.eventsByType());
        assertTrue(receiver.received(id) && receiver.received("m1") && receiver.received("m2"));
        assertFalse(receiver.received("m3") || receiver.received("m4"));
        assertEquals(2, receiver.rejectedRequests());
    }

    @Test
    void acceptsABatchOfExactlyTheLimitsAndKeepsAllItsIds() throws Exception {
        String[] messages = new String[BenchmarkSink.MAX_BATCH_EVENTS];
        for (int i = 0; i < messages.length; i++) {
            messages[i] = track(new UUID(1, i).toString());
        }
        String body = batch(messages);
        body = body.substring(0, body.length() - 1) + ",\"pad\":\""
               + "x".repeat(BenchmarkSink.MAX_BATCH_BYTES - body.length() - 9) + "\"}";
        assertEquals(BenchmarkSink.MAX_BATCH_BYTES, body.length());
        assertEquals(200, post("/batch", KEY, body));
        assertEquals(BenchmarkSink.MAX_BATCH_EVENTS, receiver.distinctMessageIds());
        assertTrue(receiver.received(new UUID(1, 0).toString()) && receiver.received(new UUID(1, 2499).toString()));

        String oneByteMore = body.substring(0, body.length() - 2) + "x\"}";
        assertEquals(400, post("/batch", KEY, oneByteMore));
        assertEquals(2L * BenchmarkSink.MAX_BATCH_BYTES + 1, receiver.bytes(), "every byte counted");
        assertEquals(BenchmarkSink.MAX_BATCH_BYTES + 1, receiver.maxRequestBytes());
        assertEquals(BenchmarkSink.MAX_BATCH_EVENTS, receiver.events());
    }

    @Test
    void rejectsAWrongOrMissingWriteKeyWith401() throws Exception {
        assertEquals(401, post("/track", "another-key", track("x")));
        HttpResponse<String> noAuth = http.send(HttpRequest.newBuilder(URI.create(receiver.trackingUrl() + "/track"))
                .POST(HttpRequest.BodyPublishers.ofString(track("y"))).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, noAuth.statusCode());

        assertEquals(0, receiver.events());
        assertEquals(2, receiver.rejectedRequests());
    }

    @Test
    void enforcesSegmentsSizeAndCountLimitsWith400() throws Exception {
        String big = "{\"type\":\"track\",\"userId\":\"u\",\"event\":\"E\",\"messageId\":\"big\",\"properties\":{\"p\":\""
                     + "x".repeat(BenchmarkSink.MAX_MESSAGE_BYTES) + "\"}}";
        assertEquals(400, post("/track", KEY, big));

        String[] items = new String[20];
        for (int i = 0; i < items.length; i++) {
            items[i] = "{\"type\":\"track\",\"userId\":\"u\",\"event\":\"E\",\"messageId\":\"i" + i
                       + "\",\"properties\":{\"p\":\"" + "x".repeat(30_000) + "\"}}";
        }
        assertEquals(400, post("/batch", KEY, batch(items)), "over 500 KB");

        String[] many = new String[BenchmarkSink.MAX_BATCH_EVENTS + 1];
        for (int i = 0; i < many.length; i++) {
            many[i] = "{\"type\":\"track\",\"messageId\":\"n" + i + "\"}";
        }
        assertEquals(400, post("/batch", KEY, batch(many)), "over 2500 events");

        assertEquals(400, post("/track", KEY, "not json"));
        assertEquals(0, receiver.events(), "nothing of a rejected request is counted");
        assertEquals(4, receiver.rejectedRequests());
    }

    @Test
    void answersUnknownPathsAndMethodsLikeAServer() throws Exception {
        assertEquals(404, post("/nope", KEY, track("z")));
        HttpResponse<String> get = http.send(HttpRequest.newBuilder(URI.create(receiver.trackingUrl() + "/track"))
                .header("Authorization", basic(KEY)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(405, get.statusCode());
    }

    @Test
    void resetForgetsEverything() throws Exception {
        post("/track", KEY, track("r"));
        receiver.reset();

        assertEquals(0, receiver.events());
        assertEquals(0, receiver.requests());
        assertTrue(!receiver.received("r"));
    }

    private int post(String path, String writeKey, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(receiver.trackingUrl() + path))
                .header("Authorization", basic(writeKey))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private static String basic(String key) {
        return "Basic " + Base64.getEncoder().encodeToString((key + ":").getBytes(StandardCharsets.UTF_8));
    }

    private static String track(String messageId) {
        return "{\"type\":\"track\",\"userId\":\"u1\",\"event\":\"Order Completed\",\"messageId\":\"" + messageId
               + "\",\"properties\":{\"total\":12.5}}";
    }

    private static String identify(String messageId) {
        return "{\"type\":\"identify\",\"userId\":\"u1\",\"messageId\":\"" + messageId
               + "\",\"traits\":{\"email\":\"a@b.example\"}}";
    }

    private static String batch(String... messages) {
        return "{\"batch\":[" + String.join(",", messages) + "],\"sentAt\":\"2025-03-01T00:00:00.000Z\"}";
    }
}
