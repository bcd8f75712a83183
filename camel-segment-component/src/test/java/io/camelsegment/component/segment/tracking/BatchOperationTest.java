package io.camelsegment.component.segment.tracking;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.camelsegment.component.segment.SegmentBatchException;
import io.camelsegment.component.segment.SegmentBatchException.ItemFailure;
import io.camelsegment.component.segment.SegmentConstants;
import io.camelsegment.component.segment.SegmentHttpException;
import io.camelsegment.component.segment.support.WireMockSegmentTestSupport;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static io.camelsegment.component.segment.support.TrackingRequests.acceptAll;
import static io.camelsegment.component.segment.support.TrackingRequests.all;
import static io.camelsegment.component.segment.support.TrackingRequests.batchMessageIds;
import static io.camelsegment.component.segment.support.TrackingRequests.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** segment:batch: body forms, packing at the byte and count limits, per-item and per-request failures. */
class BatchOperationTest extends WireMockSegmentTestSupport {

    private static final String BATCH = "segment:batch?writeKey=RAW(" + WRITE_KEY + ")";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A POJO batch item. */
    public static class Tracked {
        public String type = "track";
        public String userId;
        public String event = "Clicked";
        public String messageId;

        Tracked(String userId, String messageId) {
            this.userId = userId;
            this.messageId = messageId;
        }
    }

    private static Map<String, Object> track(String messageId) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("type", "track");
        item.put("userId", "u-" + messageId);
        item.put("event", "Clicked");
        item.put("messageId", messageId);
        return item;
    }

    private static String twoItemsJson() {
        return "[{\"type\":\"track\",\"userId\":\"u1\",\"event\":\"Clicked\",\"messageId\":\"m1\"},"
               + "{\"type\":\"identify\",\"userId\":\"u2\",\"traits\":{\"plan\":\"pro\"},\"messageId\":\"m2\"}]";
    }

    static Stream<Arguments> bodyForms() throws Exception {
        ArrayNode array = (ArrayNode) JSON.readTree(twoItemsJson());
        List<JsonNode> nodes = new ArrayList<>();
        array.forEach(nodes::add);
        List<Object> maps = JSON.readValue(twoItemsJson(), List.class);
        return Stream.of(
                Arguments.of("List of Maps", maps),
                Arguments.of("List of JsonNodes", nodes),
                Arguments.of("ArrayNode", array),
                Arguments.of("JSON array string", twoItemsJson()),
                Arguments.of("JSON array bytes", twoItemsJson().getBytes()),
                Arguments.of("{batch:[...]} string", "{\"batch\":" + twoItemsJson() + "}"),
                Arguments.of("{batch:[...]} Map", Map.of("batch", maps)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bodyForms")
    void acceptsEveryBodyForm(String form, Object body) {
        acceptAll(wireMock);
        Exchange result = template.request(BATCH, e -> e.getMessage().setBody(body));

        assertNull(result.getException(), () -> form + ": " + result.getException());
        List<LoggedRequest> requests = all(wireMock);
        assertEquals(1, requests.size());
        assertEquals("/v1/batch", requests.get(0).getUrl());
        assertEquals(List.of("m1", "m2"), batchMessageIds(requests.get(0)));
        assertEquals("pro", body(requests.get(0)).at("/batch/1/traits/plan").asText());
        assertEquals(List.of("m1", "m2"), result.getMessage().getHeader(SegmentConstants.MESSAGE_IDS));
        assertEquals(1, result.getMessage().getHeader(SegmentConstants.REQUEST_COUNT));
    }

    @Test
    void acceptsAListOfPojos() {
        acceptAll(wireMock);
        Exchange result = template.request(BATCH,
                e -> e.getMessage().setBody(List.of(new Tracked("u1", "p1"), new Tracked("u2", "p2"))));

        assertNull(result.getException());
        LoggedRequest request = all(wireMock).get(0);
        assertEquals(List.of("p1", "p2"), batchMessageIds(request));
        assertEquals("Clicked", body(request).at("/batch/0/event").asText());
    }

    @Test
    void topLevelContextAndIntegrationsAreMergedIntoEachItemAndItemsWin() {
        acceptAll(wireMock);
        Map<String, Object> own = track("m2");
        own.put("context", Map.of("locale", "en-GB"));
        own.put("integrations", Map.of("Mixpanel", true));
        Map<String, Object> body = Map.of("batch", List.of(track("m1"), own),
                "context", Map.of("locale", "de-DE", "ip", "10.0.0.9"),
                "integrations", Map.of("Mixpanel", false, "All", true));

        Exchange result = template.request(BATCH, e -> e.getMessage().setBody(body));

        assertNull(result.getException());
        JsonNode sent = body(all(wireMock).get(0));
        assertEquals("de-DE", sent.at("/batch/0/context/locale").asText());
        assertEquals("10.0.0.9", sent.at("/batch/0/context/ip").asText());
        assertEquals("false", sent.at("/batch/0/integrations/Mixpanel").asText());
        assertEquals("en-GB", sent.at("/batch/1/context/locale").asText());
        assertEquals("10.0.0.9", sent.at("/batch/1/context/ip").asText());
        assertEquals("true", sent.at("/batch/1/integrations/Mixpanel").asText());
        assertEquals("true", sent.at("/batch/1/integrations/All").asText());
        assertEquals("camel-segment", sent.at("/batch/1/context/library/name").asText());
        assertTrue(!sent.has("context") && !sent.has("integrations"), "merged into items, not sent at top level");
    }

    @Test
    void splitsAtTheByteLimitIntoTheFewestRequests() throws Exception {
        acceptAll(wireMock);
        List<Map<String, Object>> items = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            Map<String, Object> item = track("bytes-" + i);
            // varying sizes, so that packing is not a fixed number per request
            item.put("properties", Map.of("note", "n".repeat(2000 + (i * 37) % 2500)));
            items.add(item);
            ids.add("bytes-" + i);
        }

        Exchange result = template.request(BATCH, e -> e.getMessage().setBody(items));

        assertNull(result.getException(), () -> String.valueOf(result.getException()));
        assertPackedInOrder(all(wireMock), ids, 500_000, 2500);
        assertTrue(all(wireMock).size() >= 3, "1.7 MB of events need at least 3 requests");
        assertEquals(all(wireMock).size(), result.getMessage().getHeader(SegmentConstants.REQUEST_COUNT));
        assertEquals(ids, result.getMessage().getHeader(SegmentConstants.MESSAGE_IDS));
    }

    @Test
    void splitsAtTheCountLimit() throws Exception {
        acceptAll(wireMock);
        List<Map<String, Object>> items = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 2600; i++) {
            items.add(track("c" + i));
            ids.add("c" + i);
        }

        Exchange result = template.request(BATCH, e -> e.getMessage().setBody(items));

        assertNull(result.getException());
        List<LoggedRequest> requests = all(wireMock);
        assertEquals(2, requests.size());
        assertEquals(2500, batchMessageIds(requests.get(0)).size());
        assertEquals(100, batchMessageIds(requests.get(1)).size());
        assertPackedInOrder(requests, ids, 500_000, 2500);
    }

    @Test
    void honoursSmallerBatchSizeAndMaxBatchBytesOptions() throws Exception {
        acceptAll(wireMock);
        List<Map<String, Object>> items = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            Map<String, Object> item = track("o" + i);
            item.put("properties", Map.of("note", "n".repeat(i % 2 == 0 ? 100 : 3000)));
            items.add(item);
            ids.add("o" + i);
        }

        Exchange result = template.request(BATCH + "&batchSize=25&maxBatchBytes=40000",
                e -> e.getMessage().setBody(items));

        assertNull(result.getException());
        assertPackedInOrder(all(wireMock), ids, 40_000, 25);
    }

    /**
     * Every request within both limits, the union of events equals the input in order (so by messageId), and each
     * request full: the next request's first event would not have fitted into it (the fewest in-order requests).
     */
    private static void assertPackedInOrder(List<LoggedRequest> requests, List<String> ids, int maxBytes, int maxEvents)
            throws Exception {
        List<String> sent = new ArrayList<>();
        for (int r = 0; r < requests.size(); r++) {
            LoggedRequest request = requests.get(r);
            int bytes = request.getBody().length;
            List<String> requestIds = batchMessageIds(request);
            assertTrue(bytes <= maxBytes, "request " + r + " is " + bytes + " bytes");
            assertTrue(requestIds.size() <= maxEvents, "request " + r + " has " + requestIds.size() + " events");
            if (r + 1 < requests.size()) {
                JsonNode next = body(requests.get(r + 1)).get("batch").get(0);
                int nextBytes = JSON.writeValueAsBytes(next).length;
                assertTrue(requestIds.size() == maxEvents || bytes + 1 + nextBytes > maxBytes,
                        "request " + r + " (" + bytes + " bytes, " + requestIds.size() + " events) had room for "
                                                                                          + "the next event");
            }
            sent.addAll(requestIds);
        }
        assertEquals(ids, sent);
    }

    @Test
    void invalidItemsAreReportedByIndexWhileValidOnesArrive() {
        acceptAll(wireMock);
        Map<String, Object> huge = track("huge");
        huge.put("properties", Map.of("blob", "b".repeat(40_000)));
        List<Object> items = List.of(
                track("ok-0"),
                Map.of("type", "track", "userId", "u1"), // no event
                track("ok-2"),
                "not an object",
                track("ok-4"),
                huge,
                Map.of("userId", "u", "event", "no type"));

        Exchange result = template.request(BATCH, e -> e.getMessage().setBody(items));

        SegmentBatchException e = assertInstanceOf(SegmentBatchException.class, result.getException());
        assertEquals(List.of(1, 3, 5, 6), e.getFailures().stream().map(ItemFailure::index).toList());
        assertTrue(e.getFailures().get(0).reason().contains("batch[1].event"), e.getFailures().get(0).reason());
        assertTrue(e.getFailures().get(1).reason().contains("batch[3]"), e.getFailures().get(1).reason());
        assertTrue(e.getFailures().get(2).reason().contains("32768"), e.getFailures().get(2).reason());
        assertEquals("huge", e.getFailures().get(2).messageId());
        assertTrue(e.getFailures().get(3).reason().contains("batch[6].type"), e.getFailures().get(3).reason());
        assertEquals(List.of("ok-0", "ok-2", "ok-4"), e.getDeliveredMessageIds());
        assertTrue(e.getMessage().contains("4 batch item(s) not delivered (3 delivered)"), e.getMessage());
        List<LoggedRequest> requests = all(wireMock);
        assertEquals(1, requests.size());
        assertEquals(List.of("ok-0", "ok-2", "ok-4"), batchMessageIds(requests.get(0)));
        assertEquals(List.of("ok-0", "ok-2", "ok-4"), result.getMessage().getHeader(SegmentConstants.MESSAGE_IDS));
    }

    @Test
    void oneFailedRequestDoesNotStopTheOthers() {
        wireMock.stubFor(post("/v1/batch").inScenario("one bad").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(200)).willSetStateTo("second"));
        wireMock.stubFor(post("/v1/batch").inScenario("one bad").whenScenarioStateIs("second")
                .willReturn(aResponse().withStatus(400).withBody("Bad Request")).willSetStateTo("third"));
        wireMock.stubFor(post("/v1/batch").inScenario("one bad").whenScenarioStateIs("third")
                .willReturn(aResponse().withStatus(200)));
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            items.add(track("r" + i));
        }

        Exchange result = template.request(BATCH + "&batchSize=3", e -> e.getMessage().setBody(items));

        SegmentBatchException e = assertInstanceOf(SegmentBatchException.class, result.getException());
        assertEquals(3, all(wireMock).size());
        assertEquals(List.of(3, 4, 5), e.getFailures().stream().map(ItemFailure::index).toList());
        assertEquals(List.of("r3", "r4", "r5"), e.getFailures().stream().map(ItemFailure::messageId).toList());
        assertTrue(e.getFailures().get(0).reason().contains("HTTP 400"), e.getFailures().get(0).reason());
        assertEquals(List.of("r0", "r1", "r2", "r6", "r7", "r8"), e.getDeliveredMessageIds());
        SegmentHttpException cause = assertInstanceOf(SegmentHttpException.class, e.getCause());
        assertEquals(400, cause.getStatusCode());
        assertEquals(List.of("r0", "r1", "r2", "r6", "r7", "r8"),
                result.getMessage().getHeader(SegmentConstants.MESSAGE_IDS));
        assertEquals(3, result.getMessage().getHeader(SegmentConstants.REQUEST_COUNT));
    }

    @Test
    void failedRequestIndexesAccountForInvalidItems() {
        wireMock.stubFor(post("/v1/batch").willReturn(aResponse().withStatus(400)));
        List<Object> items = List.of(Map.of("type", "track"), track("v1"), Map.of("type", "track"), track("v3"));

        Exchange result = template.request(BATCH, e -> e.getMessage().setBody(items));

        SegmentBatchException e = assertInstanceOf(SegmentBatchException.class, result.getException());
        assertEquals(List.of(0, 1, 2, 3), e.getFailures().stream().map(ItemFailure::index).toList());
        assertEquals("v1", e.getFailures().get(1).messageId());
        assertEquals("v3", e.getFailures().get(3).messageId());
        assertEquals(List.of(), e.getDeliveredMessageIds());
    }
}
