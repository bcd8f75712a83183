package io.camelsegment.component.segment.tracking;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.camelsegment.component.segment.SegmentConstants;
import io.camelsegment.component.segment.support.WireMockSegmentTestSupport;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrackOperationTest extends WireMockSegmentTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:track").to("segment:track?writeKey=RAW(" + WRITE_KEY + ")");
            }
        };
    }

    @Test
    void sendsTrackWithBasicAuthAndExactBody() throws Exception {
        wireMock.stubFor(post("/v1/track").willReturn(aResponse().withStatus(200).withBody("{\"success\":true}")));

        Exchange result = template.request("direct:track", e -> {
            e.getMessage().setBody(Map.of("revenue", 42, "currency", "EUR"));
            e.getMessage().setHeader(SegmentConstants.USER_ID, "user-1");
            e.getMessage().setHeader(SegmentConstants.EVENT, "Order Completed");
        });

        assertEquals(null, result.getException());
        List<LoggedRequest> requests = wireMock.findAll(postRequestedFor(urlEqualTo("/v1/track"))
                .withHeader("Authorization", equalTo("Basic d2tfVEVTVF9zM2NyM3RfOWY4ZTdkOg=="))
                .withHeader("Content-Type", equalTo("application/json")));
        assertEquals(1, requests.size());
        JsonNode body = json(requests.get(0));
        assertEquals("track", body.get("type").asText());
        assertEquals("user-1", body.get("userId").asText());
        assertEquals("Order Completed", body.get("event").asText());
        assertEquals(42, body.get("properties").get("revenue").asInt());
        assertEquals("camel-segment", body.at("/context/library/name").asText());
        assertTrue(body.has("sentAt") && body.has("timestamp") && body.has("messageId"));
        assertEquals(List.of(body.get("messageId").asText()), result.getMessage().getHeader(SegmentConstants.MESSAGE_IDS));
        assertEquals(200, result.getMessage().getHeader(SegmentConstants.HTTP_STATUS));
        assertTrue(requests.get(0).getHeader("User-Agent").startsWith("camel-segment/"));
    }

    @Test
    void leavesOutOptionalFieldsGivenAsJsonNullAndFillsTheDefaultsInstead() throws Exception {
        wireMock.stubFor(post("/v1/track").willReturn(aResponse().withStatus(200).withBody("{\"success\":true}")));

        Exchange result = template.request("direct:track", e -> e.getMessage().setBody(
                "{\"event\":\"Signed Up\",\"userId\":\"u-9\",\"anonymousId\":null,\"properties\":null,"
                + "\"integrations\":null,\"context\":null,\"timestamp\":null,\"messageId\":null}"));

        assertEquals(null, result.getException());
        JsonNode body = json(wireMock.findAll(postRequestedFor(urlEqualTo("/v1/track"))).get(0));
        assertTrue(!body.has("anonymousId") && !body.has("properties") && !body.has("integrations"), body::toString);
        assertEquals("camel-segment", body.at("/context/library/name").asText(), "context made anew");
        assertTrue(body.get("timestamp").isTextual() && body.get("messageId").isTextual(), "defaults, not null");
        assertEquals("u-9", body.get("userId").asText());
    }
}
