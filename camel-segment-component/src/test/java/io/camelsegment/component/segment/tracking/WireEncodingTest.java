package io.camelsegment.component.segment.tracking;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.camelsegment.component.segment.support.WireMockSegmentTestSupport;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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
