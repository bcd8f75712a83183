package io.camelsegment.component.segment.tracking;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelsegment.component.segment.SegmentBatchException;
import io.camelsegment.component.segment.SegmentConstants;
import io.camelsegment.component.segment.SegmentValidationException;
import io.camelsegment.component.segment.json.SegmentJson;
import io.camelsegment.component.segment.support.WireMockSegmentTestSupport;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.camelsegment.component.segment.support.TrackingRequests.acceptAll;
import static io.camelsegment.component.segment.support.TrackingRequests.all;
import static io.camelsegment.component.segment.support.TrackingRequests.basicAuth;
import static io.camelsegment.component.segment.support.TrackingRequests.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a message carries on the wire besides its own fields: fields Segment sets itself are left out (a message's own
 * sentAt is never sent twice), headers count only for the operations whose messages have their field, and the 32 KB
 * limit counts a batch item without the sentAt only a single call has.
 */
class MessageFieldsOnTheWireTest extends WireMockSegmentTestSupport {

    private static final String KEY = "writeKey=RAW(" + WRITE_KEY + ")";
    private static final String EXPORTED = "{\"type\":\"track\",\"userId\":\"u1\",\"event\":\"E\","
                                           + "\"sentAt\":\"2020-01-01T00:00:00.000Z\","
                                           + "\"receivedAt\":\"2020-01-01T00:00:01.000Z\","
                                           + "\"originalTimestamp\":\"2020-01-01T00:00:00.000Z\","
                                           + "\"version\":2,\"channel\":\"server\"}";

    @BeforeEach
    void stub() {
        acceptAll(wireMock);
    }

    /** A message exported from Segment (or a webhook's) can be sent as it is: one sentAt, the request's own. */
    @ParameterizedTest(name = "batching={0}")
    @ValueSource(booleans = { false, true })
    void fieldsSegmentSetsAreNotSent(boolean batching) {
        long before = System.currentTimeMillis();
        Exchange result = template.request("segment:track?" + KEY + "&batching=" + batching,
                e -> e.getMessage().setBody(EXPORTED));

        assertNull(result.getException(), () -> String.valueOf(result.getException()));
        String sent = all(wireMock).get(0).getBodyAsString();
        assertEquals(1, sent.split("\"sentAt\"", -1).length - 1, sent);
        ObjectNode request = body(all(wireMock).get(0));
        JsonNode message = batching ? request.get("batch").get(0) : request;
        for (String field : List.of("receivedAt", "originalTimestamp", "version", "channel")) {
            assertFalse(message.has(field), field + " sent: " + sent);
        }
        assertEquals(!batching, message.has("sentAt"), sent); // a single call's is the request's
        assertEquals("E", message.get("event").asText());
        assertTrue(java.time.Instant.parse(request.get("sentAt").asText()).toEpochMilli() >= before - 1000, sent);
    }

    /**
     * An exchange from an HTTP request or a Kafka record carries many headers of its own: the component's are found
     * among them in any case, as Camel finds headers, and converted as Camel converts header values.
     */
    @ParameterizedTest(name = "batching={0}")
    @ValueSource(booleans = { false, true })
    void segmentHeadersAreFoundAmongManyInAnyCase(boolean batching) {
        Exchange result = template.request("segment:track?batching=" + batching, e -> {
            for (String name : List.of("CamelHttpMethod", "CamelHttpUri", "CamelHttpPath", "Accept", "User-Agent",
                    "Content-Type", "kafka.TOPIC", "kafka.KEY", "CamelMessageTimestamp", "traceparent",
                    "CamelSegmentUnknownHeader")) {
                e.getMessage().setHeader(name, "x");
            }
            e.getMessage().setHeader("camelsegmentwritekey", "wk_lower_case");
            e.getMessage().setHeader("CAMELSEGMENTUSERID", 42);
            e.getMessage().setHeader(SegmentConstants.EVENT, "Order Completed");
            e.getMessage().setHeader("camelSegmentProperties", "{\"total\":12.5}");
            e.getMessage().setHeader(SegmentConstants.TRAITS, Map.of("ignored", "for a track"));
        });

        assertNull(result.getException(), () -> String.valueOf(result.getException()));
        assertEquals(basicAuth("wk_lower_case"), all(wireMock).get(0).getHeader("Authorization"));
        ObjectNode request = body(all(wireMock).get(0));
        JsonNode message = batching ? request.get("batch").get(0) : request;
        assertEquals("42", message.get("userId").textValue(), message.toString());
        assertEquals("Order Completed", message.get("event").textValue());
        assertEquals(12.5, message.get("properties").get("total").doubleValue());
        assertFalse(message.has("traits"), message.toString());
    }

    @Test
    void batchHeadersAreFoundInAnyCase() {
        Exchange result = template.request("segment:batch?" + KEY, e -> {
            e.getMessage().setHeader("Accept", "x");
            e.getMessage().setHeader("camelsegmentcontext", Map.of("ip", "10.0.0.1"));
            e.getMessage().setBody(List.of(Map.of("type", "track", "userId", "u1", "event", "E")));
        });

        assertNull(result.getException(), () -> String.valueOf(result.getException()));
        JsonNode item = body(all(wireMock).get(0)).get("batch").get(0);
        assertEquals("10.0.0.1", item.get("context").get("ip").textValue(), item.toString());
    }

    @Test
    void fieldsSegmentSetsAreNotSentInBatchItems() {
        Exchange result = template.request("segment:batch?" + KEY, e -> e.getMessage().setBody("[" + EXPORTED + "]"));

        assertNull(result.getException(), () -> String.valueOf(result.getException()));
        ObjectNode request = body(all(wireMock).get(0));
        JsonNode item = request.get("batch").get(0);
        assertFalse(item.has("sentAt") || item.has("receivedAt") || item.has("originalTimestamp")
                    || item.has("version") || item.has("channel"),
                item.toString());
        assertTrue(request.has("sentAt"));
    }

    /** An exchange keeps the headers of its earlier steps: only the operation's own fields are taken from them. */
    @Test
    void headersOfOtherOperationsAreIgnored() {
        Exchange result = template.request("segment:identify?" + KEY, e -> {
            e.getMessage().setHeader(SegmentConstants.USER_ID, "u1");
            e.getMessage().setHeader(SegmentConstants.EVENT, "Order Completed");
            e.getMessage().setHeader(SegmentConstants.GROUP_ID, "acme");
            e.getMessage().setHeader(SegmentConstants.PREVIOUS_ID, "anon-1");
            e.getMessage().setHeader(SegmentConstants.NAME, "Home");
            e.getMessage().setHeader(SegmentConstants.CATEGORY, "Docs");
            e.getMessage().setHeader(SegmentConstants.PROPERTIES, Map.of("p", 1));
            e.getMessage().setHeader(SegmentConstants.TRAITS, Map.of("plan", "pro"));
        });

        assertNull(result.getException(), () -> String.valueOf(result.getException()));
        ObjectNode sent = body(all(wireMock).get(0));
        for (String field : List.of("event", "groupId", "previousId", "name", "category", "properties")) {
            assertFalse(sent.has(field), field + " sent: " + sent);
        }
        assertEquals("pro", sent.get("traits").get("plan").asText());
    }

    @Test
    void eachOperationTakesItsOwnHeaders() {
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put(SegmentConstants.USER_ID, "u1");
        headers.put(SegmentConstants.EVENT, "Signed Up");
        headers.put(SegmentConstants.NAME, "Home");
        headers.put(SegmentConstants.CATEGORY, "Docs");
        headers.put(SegmentConstants.GROUP_ID, "acme");
        headers.put(SegmentConstants.PREVIOUS_ID, "anon-1");
        headers.put(SegmentConstants.TRAITS, Map.of("plan", "pro"));
        headers.put(SegmentConstants.PROPERTIES, Map.of("p", 1));
        Map<String, List<String>> expected = new LinkedHashMap<>();
        expected.put("track", List.of("event", "properties"));
        expected.put("page", List.of("name", "category", "properties"));
        expected.put("screen", List.of("name", "category", "properties"));
        expected.put("group", List.of("groupId", "traits"));
        expected.put("alias", List.of("previousId"));
        List<String> typed = List.of("event", "name", "category", "groupId", "previousId", "traits", "properties");

        int request = 0;
        for (Map.Entry<String, List<String>> operation : expected.entrySet()) {
            Exchange result = template.request("segment:" + operation.getKey() + "?" + KEY,
                    e -> e.getMessage().setHeaders(new LinkedHashMap<>(headers)));
            assertNull(result.getException(), () -> operation.getKey() + ": " + result.getException());
            ObjectNode sent = body(all(wireMock).get(request++));
            for (String field : typed) {
                assertEquals(operation.getValue().contains(field), sent.has(field),
                        operation.getKey() + " / " + field + ": " + sent);
            }
        }
    }

    /** Segment's 32 KB is per message, "or one item inside a batch": an item carries no sentAt of its own. */
    @Test
    void batchItemOfExactly32KiBIsSentAndOneByteMoreIsRefusedAlone() throws Exception {
        Map<String, Object> fits = item("fits", 32 * 1024);
        Map<String, Object> tooBig = item("too-big", 32 * 1024 + 1);

        Exchange result = template.request("segment:batch?" + KEY,
                e -> e.getMessage().setBody(List.of(fits, tooBig)));

        SegmentBatchException error = assertInstanceOf(SegmentBatchException.class, result.getException());
        assertEquals(1, error.getFailures().size());
        assertEquals(1, error.getFailures().get(0).index());
        assertTrue(error.getFailures().get(0).reason().contains("32769 bytes"), error.getFailures().get(0).reason());
        JsonNode sent = body(all(wireMock).get(0)).get("batch");
        assertEquals(1, sent.size());
        assertEquals(32 * 1024, SegmentJson.newMapper().writeValueAsBytes(sent.get(0)).length);
    }

    /** Buffered events go as batch items: the same 32 KB. */
    @Test
    void bufferedEventOfExactly32KiBIsSent() throws Exception {
        Map<String, Object> fits = item("fits", 32 * 1024);
        Map<String, Object> tooBig = item("too-big", 32 * 1024 + 1);
        String uri = "segment:track?" + KEY + "&batching=true";

        Exchange refused = template.request(uri, e -> e.getMessage().setBody(tooBig));
        Exchange sent = template.request(uri, e -> e.getMessage().setBody(fits));

        SegmentValidationException e = assertInstanceOf(SegmentValidationException.class, refused.getException());
        assertTrue(e.getRule().contains("32769 bytes"), e.getRule());
        assertNull(sent.getException(), () -> String.valueOf(sent.getException()));
        JsonNode batch = body(all(wireMock).get(0)).get("batch");
        assertEquals(1, batch.size());
        assertEquals("fits", batch.get(0).get("messageId").asText());
        assertEquals(32 * 1024, SegmentJson.newMapper().writeValueAsBytes(batch.get(0)).length);
    }

    /** A track message of exactly this many bytes as the component writes it (context.library added). */
    private static Map<String, Object> item(String messageId, int bytes) throws Exception {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("type", "track");
        item.put("userId", "u");
        item.put("event", "E");
        item.put("messageId", messageId);
        item.put("timestamp", "2026-01-31T12:00:00.000Z");
        item.put("context", Map.of("library", Map.of("name", "x", "version", "1")));
        item.put("properties", Map.of("p", ""));
        int base = SegmentJson.newMapper().writeValueAsBytes(item).length;
        item.put("properties", Map.of("p", "x".repeat(bytes - base)));
        assertEquals(bytes, SegmentJson.newMapper().writeValueAsBytes(item).length);
        return item;
    }
}
