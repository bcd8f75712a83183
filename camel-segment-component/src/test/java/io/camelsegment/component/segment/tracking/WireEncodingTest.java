package io.camelsegment.component.segment.tracking;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.camelsegment.component.segment.SegmentConstants;
import io.camelsegment.component.segment.support.WireMockSegmentTestSupport;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.camelsegment.component.segment.support.TrackingRequests.acceptAll;
import static io.camelsegment.component.segment.support.TrackingRequests.all;
import static io.camelsegment.component.segment.support.TrackingRequests.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bytes on the wire: characters outside the BMP as UTF-8, timestamps of every form in UTC with milliseconds. */
class WireEncodingTest extends WireMockSegmentTestSupport {

    private static final String EMOJI = "\uD83D\uDE00"; // U+1F600, 4 bytes in UTF-8, 12 as an escaped pair

    @BeforeEach
    void stub() {
        acceptAll(wireMock);
    }

    @Test
    void emojiAreSentAsUtf8AndCountedAsSent() {
        // 7,000 emoji: 28,000 bytes as UTF-8, under the 32 KB limit; 84,000 as escaped surrogate pairs, over it
        String text = EMOJI.repeat(7000);
        Exchange result = template.request("segment:track?event=E&userId=u&writeKey=RAW(" + WRITE_KEY + ")",
                e -> e.getMessage().setBody(Map.of("text", text)));

        assertNull(result.getException(), () -> String.valueOf(result.getException()));
        LoggedRequest request = all(wireMock).get(0);
        String raw = new String(request.getBody(), StandardCharsets.UTF_8);
        assertFalse(raw.toLowerCase().contains("\\ud83d"), "no escaped surrogates");
        assertTrue(raw.contains(EMOJI + EMOJI), "the emoji as UTF-8");
        assertTrue(request.getBody().length < 32 * 1024, "bytes as sent: " + request.getBody().length);
        assertEquals(text, body(request).get("properties").get("text").asText());
    }

    /**
     * The JDBC types camel-sql rows carry: java.sql.Date and Time throw on toInstant(), and Jackson writes them as a
     * date or a time alone. Read by their millis, as a header and as a body or batch item field.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "header", "header, buffered", "body field", "batch item" })
    void jdbcDatesAndTimesAreSentInUtcWithMilliseconds(String given) {
        long millis = Instant.parse("2024-03-15T09:26:53.589Z").toEpochMilli();
        java.sql.Timestamp withNanos = new java.sql.Timestamp(millis);
        withNanos.setNanos(589_999_999);
        List<java.util.Date> values = List.of(new java.sql.Date(millis), new java.sql.Time(millis), withNanos);
        String key = "writeKey=RAW(" + WRITE_KEY + ")";

        for (java.util.Date value : values) {
            String track = "segment:track?event=E&userId=u&" + key;
            Exchange result = switch (given) {
                case "header" -> template.request(track, e -> e.getMessage().setHeader(SegmentConstants.TIMESTAMP,
                        value));
                case "header, buffered" -> template.request(track + "&batching=true&flushInterval=0",
                        e -> e.getMessage().setHeader(SegmentConstants.TIMESTAMP, value));
                case "body field" -> template.request(track, e -> e.getMessage().setBody(Map.of("timestamp", value)));
                default -> template.request("segment:batch?" + key, e -> e.getMessage().setBody(
                        List.of(Map.of("type", "track", "userId", "u", "event", "E", "timestamp", value))));
            };
            assertNull(result.getException(), () -> String.valueOf(result.getException()));
        }

        List<String> sent = new ArrayList<>();
        for (LoggedRequest request : all(wireMock)) {
            JsonNode json = body(request);
            for (JsonNode message : json.has("batch") ? json.get("batch") : List.of(json)) {
                sent.add(message.get("timestamp").asText());
            }
        }
        assertEquals(Collections.nCopies(values.size(), "2024-03-15T09:26:53.589Z"), sent);
    }

    @Test
    void textTimestampsWithAnOffsetAreSentInUtcWithMilliseconds() {
        Exchange result = template.request("segment:batch?writeKey=RAW(" + WRITE_KEY + ")", e -> e.getMessage()
                .setBody(List.of(
                        Map.of("type", "track", "userId", "u", "event", "E",
                                "timestamp", "2024-03-15T10:26:53.589+01:00"),
                        Map.of("type", "track", "userId", "u", "event", "E", "timestamp", "2024-03-15T09:26:53Z"),
                        "{\"type\":\"track\",\"userId\":\"u\",\"event\":\"E\",\"timestamp\":\"2024-03-15T04:26:53.5-05:00\"}")));

        assertNull(result.getException(), () -> String.valueOf(result.getException()));
        var batch = body(all(wireMock).get(0)).get("batch");
        assertEquals("2024-03-15T09:26:53.589Z", batch.get(0).get("timestamp").asText());
        assertEquals("2024-03-15T09:26:53.000Z", batch.get(1).get("timestamp").asText());
        assertEquals("2024-03-15T09:26:53.500Z", batch.get(2).get("timestamp").asText());
    }
}
