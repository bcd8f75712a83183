package io.camelsegment.component.segment.health;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import io.camelsegment.component.segment.SegmentBufferFullException;
import io.camelsegment.component.segment.SegmentComponent;
import io.camelsegment.component.segment.SegmentConstants;
import io.camelsegment.component.segment.SegmentEndpoint;
import io.camelsegment.component.segment.monitor.DeliveryStatistics;
import io.camelsegment.component.segment.SegmentHttpException;
import io.camelsegment.component.segment.support.WireMockSegmentTestSupport;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.impl.health.AbstractHealthCheck;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The producer health check through Camel's health API, each transition driven by what a real local server (WireMock)
 * answers: DOWN on rejected credentials (direct, buffered, Public API), on delivery failing past the threshold, on a
 * buffer full past the threshold; UP again after a success. No secret in any reason or detail.
 */
class SegmentProducerHealthCheckTest extends WireMockSegmentTestSupport {

    private static final long THRESHOLD = 300;
    private static final String DIRECT = "segment:track";
    private static final String BUFFERED = "segment:track?batching=true&flushInterval=0";
    private static final String FULL = "segment:track?batching=true&deliveryMode=fireAndForget&flushInterval=0"
                                       + "&bufferMaxEvents=2&overflowPolicy=fail&maxInFlightRequests=1";
    private static final String PUBLIC_API = "segment:getDestination?destinationId=dest-1";

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        SegmentComponent component = context.getComponent("segment", SegmentComponent.class);
        component.getConfiguration().setWriteKey(WRITE_KEY);
        component.getConfiguration().setAccessToken(ACCESS_TOKEN);
        component.getConfiguration().setMaxRetries(0);
        component.setHealthCheckFailureThreshold(THRESHOLD);
        component.setHealthCheckBufferFullThreshold(THRESHOLD);
        // what camel.health.producersEnabled=true does: producer checks are off by default
        HealthCheckHelper.getHealthCheckRepository(context, "producers").setEnabled(true);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:direct").to(DIRECT);
                from("direct:buffered").to(BUFFERED);
                from("direct:full").to(FULL);
                from("direct:publicApi").to(PUBLIC_API);
            }
        };
    }

    @Test
    void directDeliveryIsDownWhileTheWriteKeyIsRejectedAndUpAfterASuccess() {
        rejectTrackingWith(401);
        assertInstanceOf(SegmentHttpException.class, track("direct:direct").getException());

        HealthCheck.Result down = check(DIRECT);
        assertEquals(HealthCheck.State.DOWN, down.getState());
        assertTrue(down.getMessage().orElseThrow().contains("Segment rejected the credentials (HTTP 401)"),
                down.getMessage().orElseThrow());
        assertEquals(401, down.getDetails().get(AbstractHealthCheck.SERVICE_STATUS_CODE));
        assertNoSecret(down);

        acceptTracking();
        assertNull(track("direct:direct").getException());
        assertEquals(HealthCheck.State.UP, check(DIRECT).getState());
    }

    @Test
    void bufferedDeliveryIsDownWhileTheWriteKeyIsForbiddenAndUpAfterASuccess() {
        rejectTrackingWith(403);
        assertInstanceOf(SegmentHttpException.class, track("direct:buffered").getException());

        HealthCheck.Result down = check(BUFFERED);
        assertEquals(HealthCheck.State.DOWN, down.getState());
        assertTrue(down.getMessage().orElseThrow().contains("(HTTP 403)"), down.getMessage().orElseThrow());
        assertNoSecret(down);

        acceptTracking();
        assertNull(track("direct:buffered").getException());
        assertEquals(HealthCheck.State.UP, check(BUFFERED).getState());
    }

    @Test
    void publicApiIsDownWhileTheAccessTokenIsRejectedAndUpAfterASuccess() {
        wireMock.stubFor(get(urlPathEqualTo("/destinations/dest-1")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"errors\":[{\"type\":\"Unauthorized\",\"message\":\"bad token " + ACCESS_TOKEN + "\"}]}")));
        SegmentHttpException rejected = assertInstanceOf(SegmentHttpException.class,
                template.send("direct:publicApi", e -> { }).getException());
        assertFalse(rejected.getMessage().contains(ACCESS_TOKEN), "the echoed token is masked: " + rejected.getMessage());
        assertFalse(rejected.getResponseBody().contains(ACCESS_TOKEN), rejected.getResponseBody());

        HealthCheck.Result down = check(PUBLIC_API);
        assertEquals(HealthCheck.State.DOWN, down.getState());
        assertTrue(down.getMessage().orElseThrow().contains("(HTTP 401)"), down.getMessage().orElseThrow());
        assertNoSecret(down);

        wireMock.stubFor(get(urlPathEqualTo("/destinations/dest-1"))
                .willReturn(okJson("{\"data\":{\"destination\":{\"id\":\"dest-1\"}}}")));
        assertNull(template.send("direct:publicApi", e -> { }).getException());
        assertEquals(HealthCheck.State.UP, check(PUBLIC_API).getState());
    }

    @Test
    void failingDeliveryIsDownOnlyAfterTheThresholdAndUpAfterASuccess() throws Exception {
        wireMock.stubFor(post(urlPathMatching("/v1/.*")).willReturn(aResponse().withStatus(503)));
        long failedAt = System.currentTimeMillis();
        assertInstanceOf(SegmentHttpException.class, track("direct:direct").getException());
        if (System.currentTimeMillis() - failedAt < THRESHOLD / 2) {
            // a loaded machine may have spent the threshold already; only then is UP not guaranteed here
            assertEquals(HealthCheck.State.UP, check(DIRECT).getState(), "one failure is no outage yet");
        }

        awaitState(DIRECT, HealthCheck.State.DOWN);
        HealthCheck.Result down = check(DIRECT);
        assertTrue(down.getMessage().orElseThrow().contains("Segment delivery has been failing for"),
                down.getMessage().orElseThrow());
        assertTrue(String.valueOf(down.getDetails().get("segment.last.error")).contains("HTTP 503"),
                down.getDetails().toString());

        acceptTracking();
        assertNull(track("direct:direct").getException());
        assertEquals(HealthCheck.State.UP, check(DIRECT).getState());
    }

    @Test
    void anAnswerThatBlamesTheRequestLeavesTheSenderUp() throws Exception {
        wireMock.stubFor(get(urlPathEqualTo("/destinations/dest-1")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"errors\":[{\"type\":\"NotFound\",\"message\":\"Resource not found\"}]}")));
        assertInstanceOf(SegmentHttpException.class, template.send("direct:publicApi", e -> { }).getException());
        Thread.sleep(THRESHOLD + 100);

        HealthCheck.Result result = check(PUBLIC_API);
        assertEquals(HealthCheck.State.UP, result.getState(), "a 404 is no outage: " + result.getMessage());
        DeliveryStatistics stats = context.getEndpoint(PUBLIC_API, SegmentEndpoint.class).getDeliveryStatistics();
        assertEquals(1, stats.batchesFailed());
        assertTrue(stats.lastError().contains("HTTP 404"), stats.lastError());
        assertNull(stats.failingSince());
    }

    @Test
    void aBufferFullPastTheThresholdIsDownAndUpOnceItDrains() throws Exception {
        // Segment answers after 2 s: the two admitted events stay in the buffer (in flight) meanwhile
        wireMock.stubFor(post(urlPathMatching("/v1/.*")).willReturn(okJson("{\"success\":true}").withFixedDelay(2000)));
        assertNull(track("direct:full").getException());
        assertNull(track("direct:full").getException());
        assertInstanceOf(SegmentBufferFullException.class, track("direct:full").getException());

        awaitState(FULL, HealthCheck.State.DOWN);
        assertTrue(check(FULL).getMessage().orElseThrow().contains("Segment buffer has been full for"),
                check(FULL).getMessage().orElseThrow());

        awaitState(FULL, HealthCheck.State.UP);
        assertTrue(context.getEndpoint(FULL, SegmentEndpoint.class).getDeliveryStatistics().eventsBuffered() < 2,
                "below the limit again");
    }

    @Test
    void checksAreRegisteredPerProducerAndRemovedWithIt() throws Exception {
        acceptTracking();
        assertNull(track("direct:direct").getException());
        assertTrue(producerChecks().stream().anyMatch(r -> r.getCheck().getId().equals(checkId(DIRECT))));
        context.getRouteController().stopRoute(context.getRoutes().stream()
                .filter(r -> r.getEndpoint().getEndpointUri().equals("direct://direct")).findFirst().orElseThrow()
                .getRouteId());
        assertFalse(producerChecks().stream().anyMatch(r -> r.getCheck().getId().equals(checkId(DIRECT))));
    }

    private Exchange track(String route) {
        return template.send(route, e -> {
            e.getMessage().setBody(Map.of("plan", "pro"));
            e.getMessage().setHeader(SegmentConstants.USER_ID, "user-1");
            e.getMessage().setHeader(SegmentConstants.EVENT, "Order Completed");
        });
    }

    private void rejectTrackingWith(int status) {
        // a server that echoes the key it got: the check must still never show it
        wireMock.stubFor(post(urlPathMatching("/v1/.*")).willReturn(aResponse().withStatus(status)
                .withBody("{\"message\":\"invalid write key " + WRITE_KEY + "\"}")));
    }

    private void acceptTracking() {
        wireMock.stubFor(post(urlPathMatching("/v1/.*")).willReturn(okJson("{\"success\":true}")));
    }

    private String checkId(String uri) {
        return "producer:segment-" + context.getEndpoint(uri, SegmentEndpoint.class).getId();
    }

    private HealthCheck.Result check(String uri) {
        String id = checkId(uri);
        return producerChecks().stream().filter(r -> r.getCheck().getId().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no health check " + id + " among "
                                                      + producerChecks().stream().map(r -> r.getCheck().getId()).toList()));
    }

    private List<HealthCheck.Result> producerChecks() {
        // "full": every check's result (by default Camel returns only the DOWN ones, or a single UP)
        Collection<HealthCheck.Result> results = HealthCheckHelper.invokeReadiness(context, "full");
        return results.stream().filter(r -> r.getCheck().getId().startsWith("producer:segment-")).toList();
    }

    private void awaitState(String uri, HealthCheck.State state) throws InterruptedException {
        await(() -> check(uri).getState() == state, "health check of " + uri + " to be " + state);
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    private static void assertNoSecret(HealthCheck.Result result) {
        String text = result.getMessage().orElse("") + " " + result.getDetails();
        assertFalse(text.contains(WRITE_KEY), text);
        assertFalse(text.contains(ACCESS_TOKEN), text);
        assertTrue(result.getError().isEmpty(), "no exception (its message could carry a secret)");
    }
}
