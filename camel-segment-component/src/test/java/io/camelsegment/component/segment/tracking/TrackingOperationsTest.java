package io.camelsegment.component.segment.tracking;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.camelsegment.component.segment.SegmentConstants;
import io.camelsegment.component.segment.SegmentVersion;
import io.camelsegment.component.segment.support.WireMockSegmentTestSupport;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static io.camelsegment.component.segment.support.TrackingRequests.acceptAll;
import static io.camelsegment.component.segment.support.TrackingRequests.all;
import static io.camelsegment.component.segment.support.TrackingRequests.basicAuth;
import static io.camelsegment.component.segment.support.TrackingRequests.body;
import static io.camelsegment.component.segment.support.TrackingRequests.libraryContext;
import static io.camelsegment.component.segment.support.TrackingRequests.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The exact request of each of the seven Tracking API operations: method, path, headers and JSON body. */
class TrackingOperationsTest extends WireMockSegmentTestSupport {

    private static final Pattern SENT_AT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
    private static final String TIMESTAMP = "2026-01-31T12:00:00.000Z";

    @BeforeEach
    void stub() {
        acceptAll(wireMock);
    }

    static Stream<Arguments> singleEventOperations() {
        return Stream.of(
                Arguments.of("identify", Map.of(SegmentConstants.TRAITS, Map.of("email", "ada@example.com")),
                        "{\"traits\":{\"email\":\"ada@example.com\"}}"),
                Arguments.of("track", Map.of(SegmentConstants.EVENT, "Order Completed",
                        SegmentConstants.PROPERTIES, Map.of("revenue", 42)),
                        "{\"event\":\"Order Completed\",\"properties\":{\"revenue\":42}}"),
                Arguments.of("page", Map.of(SegmentConstants.NAME, "Pricing", SegmentConstants.CATEGORY, "Docs",
                        SegmentConstants.PROPERTIES, Map.of("url", "https://example.com/pricing")),
                        "{\"name\":\"Pricing\",\"category\":\"Docs\","
                        + "\"properties\":{\"url\":\"https://example.com/pricing\"}}"),
                Arguments.of("screen", Map.of(SegmentConstants.NAME, "Home",
                        SegmentConstants.PROPERTIES, Map.of("variation", "blue")),
                        "{\"name\":\"Home\",\"properties\":{\"variation\":\"blue\"}}"),
                Arguments.of("group", Map.of(SegmentConstants.GROUP_ID, "acme",
                        SegmentConstants.TRAITS, Map.of("employees", 100)),
                        "{\"groupId\":\"acme\",\"traits\":{\"employees\":100}}"),
                Arguments.of("alias", Map.of(SegmentConstants.PREVIOUS_ID, "anon-7"),
                        "{\"previousId\":\"anon-7\"}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("singleEventOperations")
    void sendsTheExactRequest(String operation, Map<String, Object> headers, String expectedFields) {
        Exchange result = template.request("segment:" + operation + "?writeKey=RAW(" + WRITE_KEY + ")", e -> {
            e.getMessage().setHeaders(new java.util.HashMap<>(headers));
            e.getMessage().setHeader(SegmentConstants.USER_ID, "user-1");
            e.getMessage().setHeader(SegmentConstants.MESSAGE_ID, "msg-" + operation);
            e.getMessage().setHeader(SegmentConstants.TIMESTAMP, TIMESTAMP);
        });

        assertNull(result.getException());
        List<LoggedRequest> requests = all(wireMock);
        assertEquals(1, requests.size());
        LoggedRequest request = requests.get(0);
        assertEquals("POST", request.getMethod().getName());
        assertEquals("/v1/" + operation, request.getUrl());
        assertEquals(basicAuth(WRITE_KEY), request.getHeader("Authorization"));
        assertTrue(request.getHeader("Content-Type").startsWith("application/json"), request.getHeader("Content-Type"));
        assertEquals("camel-segment/" + SegmentVersion.get(), request.getHeader("User-Agent"));
        assertTrue(SegmentVersion.get().matches("\\d+\\.\\d+\\.\\d+.*"), "version filtered in: " + SegmentVersion.get());
        assertTrue(!request.containsHeader("X-Retry-Count"));

        ObjectNode sent = body(request);
        String sentAt = sent.remove("sentAt").asText();
        assertTrue(SENT_AT.matcher(sentAt).matches(), sentAt);
        ObjectNode expected = parse(expectedFields);
        expected.put("type", operation).put("userId", "user-1").put("messageId", "msg-" + operation)
                .put("timestamp", TIMESTAMP).set("context", libraryContext());
        assertEquals(expected, sent);

        assertEquals(200, result.getMessage().getHeader(SegmentConstants.HTTP_STATUS));
        assertEquals(List.of("msg-" + operation), result.getMessage().getHeader(SegmentConstants.MESSAGE_IDS));
    }

    @Test
    void batchSendsTheExactRequest() {
        List<Map<String, Object>> items = List.of(
                Map.of("type", "identify", "userId", "u1", "traits", Map.of("plan", "pro"), "messageId", "m1",
                        "timestamp", TIMESTAMP),
                Map.of("type", "track", "anonymousId", "a2", "event", "Clicked", "messageId", "m2",
                        "timestamp", TIMESTAMP));

        Exchange result = template.request("segment:batch?writeKey=RAW(" + WRITE_KEY + ")",
                e -> e.getMessage().setBody(items));

        assertNull(result.getException());
        List<LoggedRequest> requests = all(wireMock);
        assertEquals(1, requests.size());
        LoggedRequest request = requests.get(0);
        assertEquals("POST", request.getMethod().getName());
        assertEquals("/v1/batch", request.getUrl());
        assertEquals(basicAuth(WRITE_KEY), request.getHeader("Authorization"));
        assertTrue(request.getHeader("Content-Type").startsWith("application/json"));
        assertEquals("camel-segment/" + SegmentVersion.get(), request.getHeader("User-Agent"));

        ObjectNode sent = body(request);
        assertTrue(SENT_AT.matcher(sent.remove("sentAt").asText()).matches());
        ObjectNode expected = parse("{\"batch\":["
                                    + "{\"type\":\"identify\",\"userId\":\"u1\",\"traits\":{\"plan\":\"pro\"},"
                                    + "\"messageId\":\"m1\",\"timestamp\":\"" + TIMESTAMP + "\"},"
                                    + "{\"type\":\"track\",\"anonymousId\":\"a2\",\"event\":\"Clicked\","
                                    + "\"messageId\":\"m2\",\"timestamp\":\"" + TIMESTAMP + "\"}]}");
        expected.get("batch").forEach(item -> ((ObjectNode) item).set("context", libraryContext()));
        assertEquals(expected, sent);
        assertEquals(List.of("m1", "m2"), result.getMessage().getHeader(SegmentConstants.MESSAGE_IDS));
        assertEquals(1, result.getMessage().getHeader(SegmentConstants.REQUEST_COUNT));
        assertEquals(200, result.getMessage().getHeader(SegmentConstants.HTTP_STATUS));
        // the body is left as it was
        assertEquals(items, result.getMessage().getBody());
    }

    @Test
    void defaultsMessageIdAndTimestampWhenNotGiven() {
        Instant before = Instant.now().minusSeconds(1);
        Exchange result = template.request("segment:track?writeKey=RAW(" + WRITE_KEY + ")&event=Signed Up", e -> {
            e.getMessage().setHeader(SegmentConstants.USER_ID, "u1");
        });

        assertNull(result.getException());
        ObjectNode sent = body(all(wireMock).get(0));
        Instant timestamp = Instant.parse(sent.get("timestamp").asText());
        assertTrue(!timestamp.isBefore(before) && !timestamp.isAfter(Instant.now()), timestamp.toString());
        String messageId = sent.get("messageId").asText();
        assertTrue(!messageId.isBlank() && messageId.length() <= 100, messageId);
        assertEquals(List.of(messageId), result.getMessage().getHeader(SegmentConstants.MESSAGE_IDS));
    }
}
