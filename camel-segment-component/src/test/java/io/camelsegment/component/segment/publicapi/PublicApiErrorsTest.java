package io.camelsegment.component.segment.publicapi;

import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.camelsegment.component.segment.SegmentApiException;
import io.camelsegment.component.segment.SegmentApiException.ApiError;
import io.camelsegment.component.segment.SegmentConstants;
import io.camelsegment.component.segment.SegmentHttpException;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.camelsegment.component.segment.SegmentOperation.getDestination;
import static io.camelsegment.component.segment.SegmentOperation.updateSource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Error statuses: mapped to SegmentApiException with every Segment error; 429 and 5xx retried, other 4xx not. */
class PublicApiErrorsTest extends PublicApiTestSupport {

    private static final String DESTINATION = "/destinations/" + DESTINATION_ID;

    @Test
    void notFoundIsNotRetriedAndCarriesTypeAndMessage() {
        wireMock.stubFor(request(getDestination, DESTINATION).willReturn(answer(getDestination, DESTINATION, 404,
                errors("NotFound", "Resource not found", null))));

        SegmentApiException e = failure(getDestination());

        assertEquals(404, e.getStatusCode());
        assertEquals(1, e.getAttempts());
        assertEquals(List.of(new ApiError("NotFound", "Resource not found", null)), e.getErrors());
        assertTrue(e.getMessage().contains("GET /destinations/" + DESTINATION_ID + " answered HTTP 404 (not retryable)"
                                           + ": NotFound: Resource not found"), e.getMessage());
        assertEquals(1, received().size());
    }

    @Test
    void validationFailureListsEveryErrorWithItsField() {
        String path = "/sources/" + SOURCE_ID;
        String body = "{\"errors\":[{\"type\":\"ValidationFailure\",\"message\":\"Validation failure\","
                      + "\"field\":\"slug\"},{\"type\":\"input-validation\",\"message\":\"\\\"name\\\" is too long\","
                      + "\"field\":\"name\"}]}";
        wireMock.stubFor(request(updateSource, path).willReturn(answer(updateSource, path, 422, body)));

        Exchange result = template.request("direct:updateSource", e -> {
            e.getMessage().setHeader(SegmentConstants.SOURCE_ID, SOURCE_ID);
            e.getMessage().setHeader(SegmentConstants.SLUG, "Bad Slug");
        });

        SegmentApiException e = assertInstanceOf(SegmentApiException.class, result.getException());
        assertEquals(422, e.getStatusCode());
        assertEquals(List.of(new ApiError("ValidationFailure", "Validation failure", "slug"),
                new ApiError("input-validation", "\"name\" is too long", "name")), e.getErrors());
        assertTrue(e.getMessage().contains("ValidationFailure: Validation failure (field slug); input-validation: "
                                           + "\"name\" is too long (field name)"), e.getMessage());
        assertEquals(422, result.getMessage().getHeader(SegmentConstants.HTTP_STATUS));
        assertEquals(1, received().size());
    }

    @Test
    void rateLimitedHonoursRetryAfterThenSucceeds() {
        TimedExchange timed = afterOneRateLimit(answer(getDestination, DESTINATION, 429,
                errors("RateLimited", "Rate limit exceeded", null)).withHeader("Retry-After", "1"));
        Exchange result = timed.exchange();
        long waitedMillis = timed.millis();

        assertNull(result.getException());
        assertTrue(waitedMillis >= 950, "Retry-After: 1 must be honoured (the backoff here is 1-5 ms), waited "
                                        + waitedMillis + " ms");
        assertEquals(2, received().size());
        assertEquals("1", received().get(1).getHeader("X-Retry-Count"));
        assertTrue(result.getMessage().getBody(Map.class).containsKey("destination"));
    }

    @Test
    void rateLimitedHonoursMsBeforeNextThenSucceeds() {
        String limited = "{\"errors\":[{\"type\":\"RequestError\",\"message\":\"Too many requests\","
                         + "\"data\":{\"remainingPoints\":0,\"msBeforeNext\":400,\"consumedPoints\":21}}]}";
        TimedExchange timed = afterOneRateLimit(answer(getDestination, DESTINATION, 429, limited));
        Exchange result = timed.exchange();
        long waitedMillis = timed.millis();

        assertNull(result.getException());
        assertTrue(waitedMillis >= 380, "msBeforeNext 400 must be honoured, waited " + waitedMillis + " ms");
        assertEquals(2, received().size());
    }

    @Test
    void rateLimitedUntilRetriesRunOutReportsTheRateLimit() {
        wireMock.stubFor(request(getDestination, DESTINATION).willReturn(answer(getDestination, DESTINATION, 429,
                errors("RateLimited", "Rate limit exceeded", null)).withHeader("X-RateLimit-Remaining", "0")));

        SegmentApiException e = failure(getDestination());

        assertEquals(429, e.getStatusCode());
        assertEquals(4, e.getAttempts(), "1 attempt + maxRetries 3");
        assertTrue(e.getMessage().contains("after 4 attempts: RateLimited: Rate limit exceeded [rate limit: remaining 0"),
                e.getMessage());
    }

    @Test
    void serverErrorsAreRetriedPerThePolicy() {
        wireMock.stubFor(request(getDestination, DESTINATION).inScenario("5xx").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503).withBody("upstream unavailable")).willSetStateTo("second"));
        wireMock.stubFor(request(getDestination, DESTINATION).inScenario("5xx").whenScenarioStateIs("second")
                .willReturn(aResponse().withStatus(500).withBody("{\"errors\":[{\"type\":\"InternalError\"}]}"))
                .willSetStateTo("ok"));
        wireMock.stubFor(request(getDestination, DESTINATION).inScenario("5xx").whenScenarioStateIs("ok")
                .willReturn(ok(getDestination, DESTINATION, fixture("get-destination"))));

        Exchange result = template.request("direct:getDestination", this::destination);

        assertNull(result.getException());
        assertEquals(3, received().size());
        assertEquals(List.of("1", "2"), received().subList(1, 3).stream().map(r -> r.getHeader("X-Retry-Count"))
                .toList());
    }

    @Test
    void notImplementedIsNotRetriedAndOpaqueBodiesAreKeptTruncated() {
        String html = "<html>" + "x".repeat(5000) + "</html>";
        wireMock.stubFor(request(getDestination, DESTINATION).willReturn(aResponse().withStatus(501).withBody(html)));

        SegmentApiException e = failure(getDestination());

        assertEquals(501, e.getStatusCode());
        assertEquals(1, received().size());
        assertTrue(e.getErrors().isEmpty());
        assertTrue(e.getResponseBody().startsWith("<html>xxx") && e.getResponseBody().endsWith("...(truncated)"));
        assertTrue(e.getMessage().length() < 1500, "message length " + e.getMessage().length());
    }

    @Test
    void unauthorizedIsNotRetried() {
        wireMock.stubFor(request(getDestination, DESTINATION).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody(errors("Unauthorized", "Missing or invalid token", null))));

        SegmentApiException e = failure(getDestination());

        assertEquals(401, e.getStatusCode());
        assertEquals(List.of(new ApiError("Unauthorized", "Missing or invalid token", null)), e.getErrors());
        assertEquals(1, received().size());
        assertFalse(e.getMessage().contains(ACCESS_TOKEN));
    }

    @Test
    void connectionFailureEndsInSegmentHttpException() throws Exception {
        int port = wireMock.port();
        wireMock.stop();

        Exchange result = template.request("segment:getDestination?maxRetries=1&publicApiUrl=http://127.0.0.1:" + port
                                           + "&accessToken=RAW(" + ACCESS_TOKEN + ")&destinationId=" + DESTINATION_ID,
                e -> {
                });

        SegmentHttpException e = assertInstanceOf(SegmentHttpException.class, result.getException());
        assertEquals(0, e.getStatusCode());
        assertEquals(2, e.getAttempts());
        assertTrue(e.getMessage().startsWith("Segment Public API getDestination GET /destinations/" + DESTINATION_ID
                                             + " failed after 2 attempt(s)"), e.getMessage());
        wireMock = null;
    }

    private Exchange getDestination() {
        return template.request("direct:getDestination", this::destination);
    }

    private void destination(Exchange e) {
        e.getMessage().setHeader(SegmentConstants.DESTINATION_ID, DESTINATION_ID);
    }

    private static SegmentApiException failure(Exchange result) {
        return assertInstanceOf(SegmentApiException.class, result.getException());
    }

    private record TimedExchange(Exchange exchange, long millis) {
    }

    /** getDestination answered once with {@code limited}, then with the fixture; the call, timed. */
    private TimedExchange afterOneRateLimit(ResponseDefinitionBuilder limited) {
        wireMock.stubFor(request(getDestination, DESTINATION).inScenario("429").whenScenarioStateIs(STARTED)
                .willReturn(limited).willSetStateTo("open"));
        wireMock.stubFor(request(getDestination, DESTINATION).inScenario("429").whenScenarioStateIs("open")
                .willReturn(ok(getDestination, DESTINATION, fixture("get-destination"))));
        long start = System.nanoTime();
        Exchange result = template.request("direct:getDestination", this::destination);
        return new TimedExchange(result, (System.nanoTime() - start) / 1_000_000);
    }
}
