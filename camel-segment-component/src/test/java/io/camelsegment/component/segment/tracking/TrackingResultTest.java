package io.camelsegment.component.segment.tracking;

import java.util.List;
import java.util.Map;

import io.camelsegment.component.segment.SegmentConstants;
import io.camelsegment.component.segment.support.WireMockSegmentTestSupport;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static io.camelsegment.component.segment.support.TrackingRequests.acceptAll;
import static io.camelsegment.component.segment.support.TrackingRequests.all;
import static io.camelsegment.component.segment.support.TrackingRequests.batchMessageIds;
import static io.camelsegment.component.segment.support.TrackingRequests.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * What a Tracking API exchange ends with, per delivery: with exceptions (default) the body is left as it was and the
 * result is in headers; with throwExceptionOnFailure=false the body is the {successful, data, error} envelope.
 */
class TrackingResultTest extends WireMockSegmentTestSupport {

    private static final String KEY = "writeKey=RAW(" + WRITE_KEY + ")&userId=u1&event=E";
    private static final String ENVELOPE = "&throwExceptionOnFailure=false";
    private static final String BUFFERED = "&batching=true&flushInterval=50";

    private Exchange send(String uri, Object body) {
        return template.request(uri, e -> e.getMessage().setBody(body));
    }

    private static Map<?, ?> data(Exchange result) {
        Map<?, ?> envelope = result.getMessage().getBody(Map.class);
        assertEquals(true, envelope.get("successful"), () -> String.valueOf(envelope));
        assertFalse(envelope.containsKey("error"));
        return (Map<?, ?>) envelope.get("data");
    }

    private String sentMessageId() {
        return body(all(wireMock).get(0)).get("messageId").asText();
    }

    @Test
    void bodyIsLeftAsItWasForEveryDelivery() {
        acceptAll(wireMock);
        for (String uri : List.of("segment:track?" + KEY, "segment:track?" + KEY + BUFFERED,
                "segment:track?" + KEY + BUFFERED + "&deliveryMode=fireAndForget")) {
            Map<String, Object> body = Map.of("plan", "pro");
            Exchange result = send(uri, body);

            assertNull(result.getException(), uri);
            assertSame(body, result.getMessage().getBody(), uri);
            assertEquals(1, result.getMessage().getHeader(SegmentConstants.MESSAGE_IDS, List.class).size(), uri);
        }
    }

    @Test
    void directEnvelopeCarriesStatusIdsAndRequests() {
        acceptAll(wireMock);
        Exchange result = send("segment:track?" + KEY + ENVELOPE, Map.of("plan", "pro"));

        Map<?, ?> data = data(result);
        assertEquals(200, data.get("status"));
        assertEquals(List.of(sentMessageId()), data.get("messageIds"));
        assertEquals(1, data.get("requestCount"));
    }

    @Test
    void acknowledgedEnvelopeCarriesTheBatchStatus() {
        acceptAll(wireMock);
        Exchange result = send("segment:track?" + KEY + BUFFERED + ENVELOPE, Map.of("plan", "pro"));

        Map<?, ?> data = data(result);
        assertEquals(200, data.get("status"));
        assertEquals(batchMessageIds(all(wireMock).get(0)), data.get("messageIds"));
        assertEquals(1, data.get("requestCount"));
        assertEquals(200, result.getMessage().getHeader(SegmentConstants.HTTP_STATUS));
    }

    @Test
    void fireAndForgetEnvelopeSaysQueued() {
        acceptAll(wireMock);
        Exchange result = send("segment:track?" + KEY + BUFFERED + "&deliveryMode=fireAndForget" + ENVELOPE,
                Map.of("plan", "pro"));

        Map<?, ?> data = data(result);
        assertEquals(true, data.get("queued"));
        assertEquals(result.getMessage().getHeader(SegmentConstants.MESSAGE_IDS), data.get("messageIds"));
    }

    @Test
    void acknowledgedFailureIsAnUnsuccessfulEnvelopeOrTheException() {
        wireMock.stubFor(post("/v1/batch").willReturn(aResponse().withStatus(400).withBody("{\"error\":\"bad\"}")));
        Exchange enveloped = send("segment:track?" + KEY + BUFFERED + ENVELOPE, Map.of("plan", "pro"));
        Exchange thrown = send("segment:track?" + KEY + BUFFERED, Map.of("plan", "pro"));

        Map<?, ?> envelope = enveloped.getMessage().getBody(Map.class);
        assertEquals(false, envelope.get("successful"));
        assertEquals(Map.of(), envelope.get("data"));
        assertInstanceOf(String.class, envelope.get("error"));
        assertInstanceOf(Exception.class, thrown.getException());
    }

    @Test
    void batchEnvelopeCarriesStatusIdsAndRequests() {
        acceptAll(wireMock);
        Exchange result = send("segment:batch?writeKey=RAW(" + WRITE_KEY + ")" + ENVELOPE,
                List.of(Map.of("type", "track", "userId", "u1", "event", "A"),
                        Map.of("type", "identify", "userId", "u2")));

        Map<?, ?> data = data(result);
        assertEquals(200, data.get("status"));
        assertEquals(batchMessageIds(all(wireMock).get(0)), data.get("messageIds"));
        assertEquals(1, data.get("requestCount"));
    }
}
