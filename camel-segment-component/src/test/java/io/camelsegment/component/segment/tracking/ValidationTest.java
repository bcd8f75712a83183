package io.camelsegment.component.segment.tracking;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.camelsegment.component.segment.SegmentConstants;
import io.camelsegment.component.segment.SegmentValidationException;
import io.camelsegment.component.segment.support.WireMockSegmentTestSupport;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static io.camelsegment.component.segment.support.TrackingRequests.acceptAll;
import static io.camelsegment.component.segment.support.TrackingRequests.all;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every validation rule: a SegmentValidationException naming the field and the rule, and nothing sent. */
class ValidationTest extends WireMockSegmentTestSupport {

    @BeforeEach
    void stub() {
        acceptAll(wireMock);
    }

    private static Map<String, Object> map(Object... keyValues) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    static Stream<Arguments> invalidMessages() {
        return Stream.of(
                // operation, body, headers, field, rule (part)
                Arguments.of("track", map("event", "E"), map(), "userId", "a userId or an anonymousId is required"),
                Arguments.of("identify", map("traits", map("a", 1)), map(), "userId",
                        "a userId or an anonymousId is required"),
                Arguments.of("track", map("event", "E", "userId", "  "), map(), "userId", "must not be blank"),
                Arguments.of("track", map("event", "E"), map(SegmentConstants.ANONYMOUS_ID, ""), "anonymousId",
                        "must not be blank"),
                Arguments.of("track", map("event", "E", "userId", 123), map(), "userId", "must be a string"),
                Arguments.of("page", map("anonymousId", true), map(), "anonymousId", "must be a string"),
                Arguments.of("track", map("userId", "u"), map(), "event", "is required for track"),
                Arguments.of("track", map("userId", "u", "event", " "), map(), "event", "must not be blank"),
                Arguments.of("track", map("userId", "u", "event", 7), map(), "event", "must be a string"),
                Arguments.of("group", map("userId", "u"), map(), "groupId", "is required for group"),
                Arguments.of("group", map("userId", "u", "groupId", ""), map(), "groupId", "must not be blank"),
                Arguments.of("alias", map("userId", "u"), map(), "previousId", "is required for alias"),
                Arguments.of("identify", map("userId", "u", "traits", List.of(1, 2)), map(), "traits",
                        "must be a JSON object"),
                Arguments.of("identify", map("userId", "u"), map(SegmentConstants.TRAITS, "[1,2]"), "traits",
                        "must be a JSON object"),
                Arguments.of("track", map("userId", "u", "event", "E", "properties", "cheap"), map(), "properties",
                        "must be a JSON object"),
                Arguments.of("track", map("userId", "u", "event", "E"), map(SegmentConstants.PROPERTIES, "42"),
                        "properties", "must be a JSON object"),
                Arguments.of("track", map("userId", "u", "event", "E", "context", List.of()), map(), "context",
                        "must be a JSON object"),
                Arguments.of("track", map("userId", "u", "event", "E"), map(SegmentConstants.CONTEXT, "{broken"),
                        "context", "is not valid JSON"),
                Arguments.of("track", map("userId", "u", "event", "E", "integrations", "All"), map(), "integrations",
                        "must be a JSON object"),
                Arguments.of("page", map("userId", "u", "name", 5), map(), "name", "must be a string"),
                Arguments.of("page", map("userId", "u", "name", ""), map(), "name", "must not be blank"),
                Arguments.of("screen", map("userId", "u"), map(SegmentConstants.NAME, " "), "name",
                        "must not be blank"),
                Arguments.of("page", map("userId", "u", "category", List.of("a")), map(), "category",
                        "must be a string"),
                Arguments.of("screen", map("userId", "u", "category", ""), map(), "category", "must not be blank"),
                Arguments.of("track", map("userId", "u", "event", "E"), map(SegmentConstants.MESSAGE_ID,
                        "x".repeat(101)), "messageId", "at most 100 characters, was 101"),
                Arguments.of("track", map("userId", "u", "event", "E", "messageId", 17), map(), "messageId",
                        "must be a string"),
                Arguments.of("track", map("userId", "u", "event", "E", "timestamp", "31/01/2026"), map(), "timestamp",
                        "ISO-8601"),
                Arguments.of("alias", map("plan", "pro"), map(SegmentConstants.USER_ID, "u",
                        SegmentConstants.PREVIOUS_ID, "p"), "body", "alias takes no properties or traits"));
    }

    @ParameterizedTest(name = "{0} {3}: {4}")
    @MethodSource("invalidMessages")
    void rejectsAndSendsNothing(
            String operation, Map<String, Object> body, Map<String, Object> headers, String field, String rule) {
        Exchange result = template.request("segment:" + operation + "?writeKey=RAW(" + WRITE_KEY + ")", e -> {
            e.getMessage().setBody(body);
            headers.forEach(e.getMessage()::setHeader);
        });

        assertRejected(result, field, rule);
    }

    private void assertRejected(Exchange result, String field, String rule) {
        SegmentValidationException e = assertInstanceOf(SegmentValidationException.class, result.getException(),
                () -> "expected a validation error, got " + result.getException());
        assertEquals(field, e.getField());
        assertTrue(e.getRule().contains(rule), () -> "rule '" + e.getRule() + "' should mention '" + rule + "'");
        assertTrue(e.getMessage().startsWith(field + ": "), e.getMessage());
        assertEquals(0, all(wireMock).size(), "nothing may be sent for an invalid message");
    }

    @Test
    void messageIdOfExactly100CharactersIsAccepted() {
        Exchange result = template.request("segment:track?writeKey=RAW(" + WRITE_KEY + ")&event=E&userId=u",
                e -> e.getMessage().setHeader(SegmentConstants.MESSAGE_ID, "x".repeat(100)));
        assertNull(result.getException());
        assertEquals(1, all(wireMock).size());
    }

    /** The 32 KB limit counts the request body exactly as sent (sentAt included): 32768 bytes pass, 32769 do not. */
    @Test
    void messageSizeLimitIsExact() {
        String uri = "segment:track?writeKey=RAW(" + WRITE_KEY + ")&event=E&userId=u";
        int probeBytes = sendPadded(uri, 100);
        assertEquals(1, all(wireMock).size());
        int padding = 100 + 32 * 1024 - probeBytes;

        assertNull(template.request(uri, e -> pad(e, padding)).getException());
        assertEquals(32 * 1024, all(wireMock).get(1).getBody().length);

        Exchange tooBig = template.request(uri, e -> pad(e, padding + 1));
        SegmentValidationException e = assertInstanceOf(SegmentValidationException.class, tooBig.getException());
        assertEquals("message", e.getField());
        assertTrue(e.getRule().contains("32769 bytes") && e.getRule().contains("32768"), e.getRule());
        assertEquals(2, all(wireMock).size());
    }

    private int sendPadded(String uri, int padding) {
        template.request(uri, e -> pad(e, padding));
        return all(wireMock).get(0).getBody().length;
    }

    private static void pad(Exchange e, int padding) {
        e.getMessage().setBody(Map.of("padding", "p".repeat(padding)));
        e.getMessage().setHeader(SegmentConstants.MESSAGE_ID, "fixed-id");
        e.getMessage().setHeader(SegmentConstants.TIMESTAMP, "2026-01-31T12:00:00.000Z");
    }

    @Test
    void missingWriteKeyIsRejected() {
        Exchange result = template.request("segment:track?event=E&userId=u", e -> {
        });
        assertRejected(result, "writeKey", "is required");
    }

    @Test
    void blankWriteKeyHeaderFallsBackToNothingAndIsRejected() {
        Exchange result = template.request("segment:track?event=E&userId=u",
                e -> e.getMessage().setHeader(SegmentConstants.WRITE_KEY, " "));
        assertRejected(result, "writeKey", "is required");
    }

    @Test
    void invalidJsonBodyIsRejected() {
        Exchange result = template.request("segment:track?writeKey=RAW(" + WRITE_KEY + ")&event=E&userId=u",
                e -> e.getMessage().setBody("{\"userId\": \"u\", oops"));
        assertRejected(result, "body", "is not valid JSON");
    }

    @Test
    void nonObjectJsonBodyIsRejected() {
        Exchange result = template.request("segment:track?writeKey=RAW(" + WRITE_KEY + ")&event=E&userId=u",
                e -> e.getMessage().setBody("[1,2,3]"));
        assertRejected(result, "body", "must be a JSON object");
    }

    @Test
    void unknownOperationHeaderIsRejected() {
        Exchange result = template.request("segment:track?writeKey=RAW(" + WRITE_KEY + ")&event=E&userId=u",
                e -> e.getMessage().setHeader(SegmentConstants.OPERATION, "trakc"));
        assertRejected(result, SegmentConstants.OPERATION, "is not a Segment operation; valid operations: identify, "
                                                           + "track, page");
        assertFalse(result.getException().getMessage().contains("trakc"), "the header's value is not quoted");
    }

    @Test
    void operationHeaderMayNotCrossApis() {
        Exchange result = template.request("segment:track?writeKey=RAW(" + WRITE_KEY + ")&event=E&userId=u",
                e -> e.getMessage().setHeader(SegmentConstants.OPERATION, "deleteSource"));
        assertRejected(result, SegmentConstants.OPERATION, "belongs to the PUBLIC API");
    }

    @Test
    void operationHeaderSwitchesWithinTheTrackingApi() {
        Exchange result = template.request("segment:track?writeKey=RAW(" + WRITE_KEY + ")&userId=u",
                e -> e.getMessage().setHeader(SegmentConstants.OPERATION, "identify"));
        assertNull(result.getException());
        assertEquals("/v1/identify", all(wireMock).get(0).getUrl());
    }

    @Test
    void emptyBatchIsRejected() {
        Exchange result = template.request("segment:batch?writeKey=RAW(" + WRITE_KEY + ")",
                e -> e.getMessage().setBody(List.of()));
        assertRejected(result, "batch", "at least one message");
    }

    @Test
    void batchObjectWithoutBatchArrayIsRejected() {
        Exchange result = template.request("segment:batch?writeKey=RAW(" + WRITE_KEY + ")",
                e -> e.getMessage().setBody(Map.of("context", Map.of())));
        assertRejected(result, "batch", "is required");
    }

    @Test
    void batchOfOnlyInvalidItemsSendsNothing() {
        Exchange result = template.request("segment:batch?writeKey=RAW(" + WRITE_KEY + ")",
                e -> e.getMessage().setBody(List.of(Map.of("type", "track", "userId", "u"))));
        assertInstanceOf(io.camelsegment.component.segment.SegmentBatchException.class, result.getException());
        assertEquals(0, all(wireMock).size());
    }
}
