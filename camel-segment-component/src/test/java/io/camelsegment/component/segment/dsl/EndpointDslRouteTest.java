package io.camelsegment.component.segment.dsl;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.camelsegment.component.segment.SegmentConstants;
import io.camelsegment.component.segment.support.TrackingRequests;
import io.camelsegment.component.segment.support.WireMockSegmentTestSupport;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.builder.endpoint.EndpointRouteBuilder;
import org.junit.jupiter.api.Test;

import static io.camelsegment.component.segment.dsl.builders.StaticEndpointBuilders.segment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Routes written with the generated Endpoint DSL send what the same options in a URI send. */
class EndpointDslRouteTest extends WireMockSegmentTestSupport {

    /**
     * Characters that mean something in a URI. The builder, like a URI string, concatenates values unencoded, so such
     * a value goes in RAW(...), as in a URI; a real write key is plain letters and digits.
     */
    private static final String AWKWARD_WRITE_KEY = "wk+a/b&c=d%20e f";

    /** An EndpointRouteBuilder that mixes in the Segment builders, as a user's route class would. */
    private final class SegmentRoutes extends EndpointRouteBuilder
            implements SegmentEndpointBuilderFactory.SegmentBuilders {
        @Override
        public void configure() {
            from(direct("signups"))
                    .to(segment("track")
                            .writeKey(WRITE_KEY)
                            .event("Signed Up")
                            .maxRetries(2)
                            .advanced().trackingUrl(trackingUrl()));

            from(direct("buffered"))
                    .setHeader(segment().segmentUserId(), simple("${body[id]}"))
                    .to(segment("identify")
                            .writeKey(WRITE_KEY)
                            .batching(true)
                            .batchSize(2)
                            .flushInterval(60_000L)
                            .advanced().trackingUrl(trackingUrl()));
        }
    }

    @Override
    protected RoutesBuilder[] createRouteBuilders() {
        // The static builder (a static import) in a plain RouteBuilder, next to the mix-in above.
        RouteBuilder staticImport = new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:page").to(segment("page").writeKey("RAW(" + AWKWARD_WRITE_KEY + ")").name("Home")
                        .advanced().trackingUrl(trackingUrl()));
            }
        };
        return new RoutesBuilder[] { new SegmentRoutes(), staticImport };
    }

    @Test
    void trackThroughTheBuilderSendsTheConfiguredEvent() {
        TrackingRequests.acceptAll(wireMock);

        Exchange result = template.request("direct:signups", e -> {
            e.getMessage().setBody(Map.of("plan", "pro"));
            e.getMessage().setHeader(SegmentConstants.USER_ID, "user-7");
        });

        assertNull(result.getException());
        List<LoggedRequest> requests = TrackingRequests.to(wireMock, "/v1/track");
        assertEquals(1, requests.size());
        assertEquals(TrackingRequests.basicAuth(WRITE_KEY), requests.get(0).getHeader("Authorization"));
        JsonNode body = TrackingRequests.body(requests.get(0));
        assertEquals("track", body.get("type").asText());
        assertEquals("Signed Up", body.get("event").asText());
        assertEquals("user-7", body.get("userId").asText());
        assertEquals("pro", body.at("/properties/plan").asText());
    }

    @Test
    void batchingTrueThroughTheBuilderPacksExchangesIntoOneBatch() {
        TrackingRequests.acceptAll(wireMock);

        // batchSize(2): the second event completes the batch, long before the 60 s flushInterval.
        template.asyncSendBody("direct:buffered", Map.of("id", "u-1", "plan", "free"));
        Exchange second = template.request("direct:buffered", e -> e.getMessage().setBody(Map.of("id", "u-2")));

        assertNull(second.getException());
        List<LoggedRequest> batches = TrackingRequests.to(wireMock, "/v1/batch");
        assertEquals(1, batches.size());
        assertTrue(TrackingRequests.to(wireMock, "/v1/identify").isEmpty());
        JsonNode batch = TrackingRequests.body(batches.get(0)).get("batch");
        assertEquals(2, batch.size());
        for (JsonNode event : batch) {
            assertEquals("identify", event.get("type").asText());
        }
    }

    @Test
    void staticBuilderSendsAPageWithARawWriteKeyUnchanged() {
        TrackingRequests.acceptAll(wireMock);

        Exchange result = template.request("direct:page",
                e -> e.getMessage().setBody(Map.of("userId", "user-9", "properties", Map.of("path", "/"))));

        assertNull(result.getException());
        List<LoggedRequest> requests = TrackingRequests.to(wireMock, "/v1/page");
        assertEquals(1, requests.size());
        assertEquals("Home", TrackingRequests.body(requests.get(0)).get("name").asText());
        assertEquals(TrackingRequests.basicAuth(AWKWARD_WRITE_KEY), requests.get(0).getHeader("Authorization"));
    }

    @Test
    void builtEndpointsMaskTheWriteKeyAsUriEndpointsDo() {
        Endpoint endpoint = context.getEndpoints().stream()
                .filter(e -> e.getEndpointUri().startsWith("segment://track")
                        || e.getEndpointUri().startsWith("segment:track"))
                .findFirst().orElseThrow();

        assertTrue(endpoint.toString().contains("writeKey=xxxxxx"), endpoint.toString());
        assertFalse(endpoint.toString().contains(WRITE_KEY), endpoint.toString());
    }
}
