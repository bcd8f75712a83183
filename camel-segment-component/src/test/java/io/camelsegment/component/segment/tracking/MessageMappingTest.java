package io.camelsegment.component.segment.tracking;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.camelsegment.component.segment.SegmentConstants;
import io.camelsegment.component.segment.support.WireMockSegmentTestSupport;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static io.camelsegment.component.segment.support.TrackingRequests.acceptAll;
import static io.camelsegment.component.segment.support.TrackingRequests.all;
import static io.camelsegment.component.segment.support.TrackingRequests.basicAuth;
import static io.camelsegment.component.segment.support.TrackingRequests.body;
import static io.camelsegment.component.segment.support.TrackingRequests.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How an exchange becomes a Segment message: body forms, headers over the body, URI defaults under both. */
class MessageMappingTest extends WireMockSegmentTestSupport {

    private static final String TRACK = "segment:track?writeKey=RAW(" + WRITE_KEY + ")";
    private static final String MESSAGE_JSON
            = "{\"userId\":\"u1\",\"event\":\"Order Completed\",\"properties\":{\"revenue\":42,\"currency\":\"EUR\"}}";

    @BeforeEach
    void stub() {
        acceptAll(wireMock);
    }

    /** A POJO body, converted by Jackson. */
    public static class OrderCompleted {
        public String userId = "u1";
        public String event = "Order Completed";
        public Map<String, Object> properties = new LinkedHashMap<>(Map.of("revenue", 42, "currency", "EUR"));
    }

    static Stream<Arguments> bodyForms() {
        return Stream.of(
                Arguments.of("Map", (Function<String, Object>) json -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("userId", "u1");
                    m.put("event", "Order Completed");
                    m.put("properties", Map.of("revenue", 42, "currency", "EUR"));
                    return m;
                }),
                Arguments.of("String", (Function<String, Object>) json -> json),
                Arguments.of("byte[]", (Function<String, Object>) json -> json.getBytes(StandardCharsets.UTF_8)),
                Arguments.of("InputStream", (Function<String, Object>) json -> new ByteArrayInputStream(
                        json.getBytes(StandardCharsets.UTF_8))),
                Arguments.of("JsonNode", (Function<String, Object>) json -> parse(json)),
                Arguments.of("POJO", (Function<String, Object>) json -> new OrderCompleted()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bodyForms")
    void acceptsEveryBodyForm(String form, Function<String, Object> bodyOf) {
        Exchange result = template.request(TRACK, e -> e.getMessage().setBody(bodyOf.apply(MESSAGE_JSON)));

        assertNull(result.getException(), () -> form + ": " + result.getException());
        ObjectNode sent = body(all(wireMock).get(0));
        assertEquals("track", sent.get("type").asText());
        assertEquals("u1", sent.get("userId").asText());
        assertEquals("Order Completed", sent.get("event").asText());
        assertEquals(parse("{\"revenue\":42,\"currency\":\"EUR\"}"), sent.get("properties"));
    }

    @Test
    void jsonNodeBodyIsNotModified() {
        ObjectNode node = parse(MESSAGE_JSON);
        ObjectNode copy = node.deepCopy();
        template.request(TRACK, e -> e.getMessage().setBody(node));
        assertEquals(copy, node);
    }

    @ParameterizedTest
    @ValueSource(strings = { "track", "page", "screen" })
    void bodyWithoutMessageFieldsIsTheProperties(String operation) {
        Map<String, Object> payload = Map.of("revenue", 10, "sku", "A-1");
        Exchange result = template.request("segment:" + operation + "?writeKey=RAW(" + WRITE_KEY
                                           + ")&event=Viewed&userId=u1",
                e -> e.getMessage().setBody(payload));

        assertNull(result.getException());
        ObjectNode sent = body(all(wireMock).get(0));
        assertEquals(parse("{\"revenue\":10,\"sku\":\"A-1\"}"), sent.get("properties"));
        assertFalse(sent.has("revenue"));
        assertFalse(sent.has("traits"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "identify", "group" })
    void bodyWithoutMessageFieldsIsTheTraits(String operation) {
        // name, email and plan are traits (Segment's reserved traits include name), not message fields.
        Map<String, Object> payload = Map.of("name", "Ada Lovelace", "email", "ada@example.com", "plan", "pro");
        Exchange result = template.request("segment:" + operation + "?writeKey=RAW(" + WRITE_KEY
                                           + ")&groupId=g1&userId=u1",
                e -> e.getMessage().setBody(payload));

        assertNull(result.getException());
        ObjectNode sent = body(all(wireMock).get(0));
        assertEquals(parse("{\"name\":\"Ada Lovelace\",\"email\":\"ada@example.com\",\"plan\":\"pro\"}"),
                sent.get("traits"));
        assertFalse(sent.has("name"));
        assertFalse(sent.has("properties"));
    }

    @Test
    void trackBodyWithProductNameAndCategoryIsTheProperties() {
        // name and category are page/screen fields: on track they are ordinary properties.
        Map<String, Object> payload = Map.of("name", "Monopoly", "category", "Games", "price", 19.99);
        Exchange result = template.request(TRACK + "&event=Product Viewed&userId=u1",
                e -> e.getMessage().setBody(payload));

        assertNull(result.getException());
        ObjectNode sent = body(all(wireMock).get(0));
        assertEquals(parse("{\"name\":\"Monopoly\",\"category\":\"Games\",\"price\":19.99}"), sent.get("properties"));
        assertFalse(sent.has("name"));
        assertFalse(sent.has("category"));
    }

    @Test
    void headersOverrideBodyFields() {
        Exchange result = template.request(TRACK, e -> {
            e.getMessage().setBody(Map.of("userId", "body-user", "event", "Body Event",
                    "properties", Map.of("from", "body"), "context", Map.of("ip", "10.0.0.1")));
            e.getMessage().setHeader(SegmentConstants.USER_ID, "header-user");
            e.getMessage().setHeader(SegmentConstants.EVENT, "Header Event");
            e.getMessage().setHeader(SegmentConstants.PROPERTIES, "{\"from\":\"header\"}");
        });

        assertNull(result.getException());
        ObjectNode sent = body(all(wireMock).get(0));
        assertEquals("header-user", sent.get("userId").asText());
        assertEquals("Header Event", sent.get("event").asText());
        assertEquals(parse("{\"from\":\"header\"}"), sent.get("properties"));
        // fields without a header stay as the body gave them; context.library is added
        assertEquals("10.0.0.1", sent.at("/context/ip").asText());
        assertEquals("camel-segment", sent.at("/context/library/name").asText());
    }

    @Test
    void uriDefaultsApplyUnderBodyAndHeaders() {
        String uri = TRACK + "&event=Signed Up&userId=default-user&anonymousId=default-anon";

        template.request(uri, e -> e.getMessage().setBody(Map.of("plan", "pro")));
        template.request(uri, e -> e.getMessage().setBody(Map.of("event", "Body Event", "userId", "body-user")));
        template.request(uri, e -> {
            e.getMessage().setBody(Map.of("event", "Body Event"));
            e.getMessage().setHeader(SegmentConstants.EVENT, "Header Event");
            e.getMessage().setHeader(SegmentConstants.USER_ID, "header-user");
        });

        List<LoggedRequest> requests = all(wireMock);
        assertEquals(3, requests.size());
        ObjectNode defaults = body(requests.get(0));
        assertEquals("Signed Up", defaults.get("event").asText());
        assertEquals("default-user", defaults.get("userId").asText());
        assertEquals("default-anon", defaults.get("anonymousId").asText());
        ObjectNode fromBody = body(requests.get(1));
        assertEquals("Body Event", fromBody.get("event").asText());
        assertEquals("body-user", fromBody.get("userId").asText());
        ObjectNode fromHeaders = body(requests.get(2));
        assertEquals("Header Event", fromHeaders.get("event").asText());
        assertEquals("header-user", fromHeaders.get("userId").asText());
    }

    @Test
    void uriDefaultsPerOperation() {
        template.request("segment:page?writeKey=RAW(" + WRITE_KEY + ")&userId=u&name=Home&category=Landing", e -> {
        });
        template.request("segment:screen?writeKey=RAW(" + WRITE_KEY + ")&userId=u&name=Settings", e -> {
        });
        template.request("segment:group?writeKey=RAW(" + WRITE_KEY + ")&userId=u&groupId=acme", e -> {
        });
        template.request("segment:alias?writeKey=RAW(" + WRITE_KEY + ")&userId=u&previousId=anon-1", e -> {
        });

        List<LoggedRequest> requests = all(wireMock);
        assertEquals(4, requests.size());
        assertEquals("Home", body(requests.get(0)).get("name").asText());
        assertEquals("Landing", body(requests.get(0)).get("category").asText());
        assertEquals("Settings", body(requests.get(1)).get("name").asText());
        assertEquals("acme", body(requests.get(2)).get("groupId").asText());
        assertEquals("anon-1", body(requests.get(3)).get("previousId").asText());
    }

    @Test
    void writeKeyFromHeaderOverridesTheOption() {
        Exchange result = template.request(TRACK + "&event=E&userId=u", e -> {
            e.getMessage().setHeader(SegmentConstants.WRITE_KEY, "wk_from_header");
        });

        assertNull(result.getException());
        assertEquals(basicAuth("wk_from_header"), all(wireMock).get(0).getHeader("Authorization"));
    }

    @Test
    void writeKeyFromBodyIsUsedForAuthAndNotSent() {
        // no writeKey option on this endpoint at all
        Exchange result = template.request("segment:track", e -> e.getMessage().setBody(
                Map.of("writeKey", "wk_from_body", "userId", "u1", "event", "E")));

        assertNull(result.getException());
        LoggedRequest request = all(wireMock).get(0);
        assertEquals(basicAuth("wk_from_body"), request.getHeader("Authorization"));
        assertFalse(body(request).has("writeKey"));
        assertFalse(request.getBodyAsString().contains("wk_from_body"));
    }

    @Test
    void writeKeyPrecedenceHeaderThenBodyThenOption() {
        template.request(TRACK, e -> {
            e.getMessage().setBody(Map.of("writeKey", "wk_body", "userId", "u1", "event", "E"));
            e.getMessage().setHeader(SegmentConstants.WRITE_KEY, "wk_header");
        });
        template.request(TRACK, e -> e.getMessage().setBody(Map.of("writeKey", "wk_body", "userId", "u1", "event", "E")));

        List<LoggedRequest> requests = all(wireMock);
        assertEquals(basicAuth("wk_header"), requests.get(0).getHeader("Authorization"));
        assertEquals(basicAuth("wk_body"), requests.get(1).getHeader("Authorization"));
    }

    /** Every input parameter of the six single-event actions (seed file), given in the body. */
    static Stream<Arguments> everyParameter() {
        return Stream.of(
                Arguments.of("identify", Map.of("traits", Map.of("plan", "pro"))),
                Arguments.of("track", Map.of("event", "Clicked", "properties", Map.of("button", "buy"))),
                Arguments.of("page", Map.of("name", "Home", "category", "Landing", "properties", Map.of("p", 1))),
                Arguments.of("screen", Map.of("name", "Home", "properties", Map.of("p", 1))),
                Arguments.of("group", Map.of("groupId", "acme", "traits", Map.of("size", 3))),
                Arguments.of("alias", Map.of("previousId", "anon-old")));
    }

    private static Map<String, Object> commonParameters() {
        Map<String, Object> common = new HashMap<>();
        common.put("userId", "u-1");
        common.put("anonymousId", "a-1");
        common.put("context", Map.of("ip", "10.1.2.3"));
        common.put("integrations", Map.of("All", false, "Mixpanel", true));
        common.put("timestamp", "2025-12-24T18:00:00.000Z");
        common.put("messageId", "message-1");
        return common;
    }

    @ParameterizedTest(name = "{0} by body")
    @MethodSource("everyParameter")
    void everyParameterByBody(String operation, Map<String, Object> specific) {
        Map<String, Object> message = commonParameters();
        message.putAll(specific);
        message.put("writeKey", "wk_body_" + operation);

        Exchange result = template.request("segment:" + operation, e -> e.getMessage().setBody(message));

        assertNull(result.getException());
        assertEveryParameterSent(operation, specific, "wk_body_" + operation);
    }

    @ParameterizedTest(name = "{0} by header")
    @MethodSource("everyParameter")
    void everyParameterByHeader(String operation, Map<String, Object> specific) {
        Map<String, String> headerOf = Map.ofEntries(Map.entry("userId", SegmentConstants.USER_ID),
                Map.entry("anonymousId", SegmentConstants.ANONYMOUS_ID), Map.entry("event", SegmentConstants.EVENT),
                Map.entry("name", SegmentConstants.NAME), Map.entry("category", SegmentConstants.CATEGORY),
                Map.entry("groupId", SegmentConstants.GROUP_ID), Map.entry("previousId", SegmentConstants.PREVIOUS_ID),
                Map.entry("traits", SegmentConstants.TRAITS), Map.entry("properties", SegmentConstants.PROPERTIES),
                Map.entry("context", SegmentConstants.CONTEXT), Map.entry("integrations", SegmentConstants.INTEGRATIONS),
                Map.entry("timestamp", SegmentConstants.TIMESTAMP), Map.entry("messageId", SegmentConstants.MESSAGE_ID));
        Map<String, Object> parameters = commonParameters();
        parameters.putAll(specific);

        Exchange result = template.request("segment:" + operation, e -> {
            parameters.forEach((field, value) -> e.getMessage().setHeader(headerOf.get(field), value));
            e.getMessage().setHeader(SegmentConstants.WRITE_KEY, "wk_header_" + operation);
        });

        assertNull(result.getException());
        assertEveryParameterSent(operation, specific, "wk_header_" + operation);
    }

    private void assertEveryParameterSent(String operation, Map<String, Object> specific, String writeKey) {
        LoggedRequest request = all(wireMock).get(0);
        assertEquals("/v1/" + operation, request.getUrl());
        assertEquals(basicAuth(writeKey), request.getHeader("Authorization"));
        ObjectNode sent = body(request);
        assertEquals("u-1", sent.get("userId").asText());
        assertEquals("a-1", sent.get("anonymousId").asText());
        assertEquals("10.1.2.3", sent.at("/context/ip").asText());
        assertEquals(parse("{\"All\":false,\"Mixpanel\":true}"), sent.get("integrations"));
        assertEquals("2025-12-24T18:00:00.000Z", sent.get("timestamp").asText());
        assertEquals("message-1", sent.get("messageId").asText());
        assertFalse(sent.has("writeKey"));
        ObjectNode expectedSpecific = com.fasterxml.jackson.databind.json.JsonMapper.builder().build()
                .valueToTree(specific);
        expectedSpecific.fields().forEachRemaining(f -> assertEquals(f.getValue(), sent.get(f.getKey()), f.getKey()));
    }

    @Test
    void batchParametersByBody() {
        Map<String, Object> body = Map.of(
                "batch", List.of(Map.of("type", "track", "userId", "u1", "event", "E1"),
                        Map.of("type", "identify", "userId", "u2", "context", Map.of("ip", "item-ip"))),
                "context", Map.of("ip", "batch-ip", "locale", "de-DE"),
                "integrations", Map.of("All", false),
                "writeKey", "wk_batch_body");

        Exchange result = template.request("segment:batch", e -> e.getMessage().setBody(body));

        assertNull(result.getException());
        LoggedRequest request = all(wireMock).get(0);
        assertEquals(basicAuth("wk_batch_body"), request.getHeader("Authorization"));
        ObjectNode sent = body(request);
        assertFalse(sent.has("writeKey"));
        assertFalse(request.getBodyAsString().contains("wk_batch_body"));
        // top-level context/integrations merged into each item; the item's own values win
        assertEquals("batch-ip", sent.at("/batch/0/context/ip").asText());
        assertEquals("de-DE", sent.at("/batch/0/context/locale").asText());
        assertEquals("item-ip", sent.at("/batch/1/context/ip").asText());
        assertEquals("de-DE", sent.at("/batch/1/context/locale").asText());
        assertEquals("false", sent.at("/batch/0/integrations/All").asText());
        assertEquals("false", sent.at("/batch/1/integrations/All").asText());
    }

    @Test
    void batchParametersByHeader() {
        Exchange result = template.request("segment:batch", e -> {
            e.getMessage().setBody(List.of(Map.of("type", "track", "userId", "u1", "event", "E1")));
            e.getMessage().setHeader(SegmentConstants.CONTEXT, Map.of("locale", "fr-FR"));
            e.getMessage().setHeader(SegmentConstants.INTEGRATIONS, "{\"Amplitude\":false}");
            e.getMessage().setHeader(SegmentConstants.WRITE_KEY, "wk_batch_header");
        });

        assertNull(result.getException());
        LoggedRequest request = all(wireMock).get(0);
        assertEquals(basicAuth("wk_batch_header"), request.getHeader("Authorization"));
        ObjectNode sent = body(request);
        assertEquals("fr-FR", sent.at("/batch/0/context/locale").asText());
        assertEquals("camel-segment", sent.at("/batch/0/context/library/name").asText());
        assertEquals("false", sent.at("/batch/0/integrations/Amplitude").asText());
        assertTrue(sent.at("/batch/0/messageId").isTextual());
    }
}
