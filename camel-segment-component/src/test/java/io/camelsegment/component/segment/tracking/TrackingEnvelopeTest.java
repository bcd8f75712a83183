package io.camelsegment.component.segment.tracking;

import java.util.List;
import java.util.Map;

import io.camelsegment.component.segment.SegmentConstants;
import io.camelsegment.component.segment.support.WireMockSegmentTestSupport;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** throwExceptionOnFailure=false: Tracking API results and failures become the {successful, data, error} envelope. */
class TrackingEnvelopeTest extends WireMockSegmentTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:track").to("segment:track?throwExceptionOnFailure=false&writeKey=RAW(" + WRITE_KEY + ")");
                from("direct:batch").to("segment:batch?throwExceptionOnFailure=false&writeKey=RAW(" + WRITE_KEY + ")");
            }
        };
    }

    @Test
    void successIsWrappedWithStatusAndMessageIds() {
        wireMock.stubFor(post("/v1/track").willReturn(aResponse().withStatus(200).withBody("{\"success\":true}")));

        Exchange result = template.request("direct:track", e -> {
            e.getMessage().setBody(Map.of("userId", "u1", "event", "Signed Up", "messageId", "m-1"));
        });

        assertNull(result.getException());
        Map<?, ?> envelope = result.getMessage().getBody(Map.class);
        assertEquals(true, envelope.get("successful"));
        assertFalse(envelope.containsKey("error"));
        Map<?, ?> data = (Map<?, ?>) envelope.get("data");
        assertEquals(200, data.get("status"));
        assertEquals(List.of("m-1"), data.get("messageIds"));
        assertEquals(List.of("m-1"), result.getMessage().getHeader(SegmentConstants.MESSAGE_IDS));
    }

    @Test
    void validationFailureIsReportedWithoutException() {
        Exchange result = template.request("direct:track", e -> e.getMessage().setBody(Map.of("event", "Signed Up")));

        assertNull(result.getException());
        Map<?, ?> envelope = result.getMessage().getBody(Map.class);
        assertEquals(false, envelope.get("successful"));
        assertEquals(Map.of(), envelope.get("data"));
        assertTrue(((String) envelope.get("error")).startsWith("userId: "), String.valueOf(envelope.get("error")));
        wireMock.verify(0, postRequestedFor(urlEqualTo("/v1/track")));
    }

    @Test
    void httpFailureIsReportedWithStatusAndWithoutTheKey() {
        wireMock.stubFor(post("/v1/track").willReturn(aResponse().withStatus(400).withBody("Bad Request")));

        Exchange result = template.request("direct:track",
                e -> e.getMessage().setBody(Map.of("userId", "u1", "event", "Signed Up")));

        assertNull(result.getException());
        Map<?, ?> envelope = result.getMessage().getBody(Map.class);
        assertEquals(false, envelope.get("successful"));
        String error = (String) envelope.get("error");
        assertTrue(error.contains("HTTP 400"), error);
        assertFalse(error.contains(WRITE_KEY), error);
    }

    @Test
    void batchWithAnInvalidItemReportsItAndDeliversTheOthers() {
        wireMock.stubFor(post("/v1/batch").willReturn(aResponse().withStatus(200).withBody("{\"success\":true}")));

        Exchange result = template.request("direct:batch", e -> e.getMessage().setBody(List.of(
                Map.of("type", "track", "userId", "u1", "event", "A", "messageId", "ok-1"),
                Map.of("type", "track", "userId", "u2"))));

        Map<?, ?> envelope = result.getMessage().getBody(Map.class);
        assertEquals(false, envelope.get("successful"));
        assertTrue(((String) envelope.get("error")).contains("item 1: batch[1].event"), String.valueOf(envelope));
        assertEquals(List.of("ok-1"), result.getMessage().getHeader(SegmentConstants.MESSAGE_IDS));
        wireMock.verify(1, postRequestedFor(urlEqualTo("/v1/batch")));
    }
}
