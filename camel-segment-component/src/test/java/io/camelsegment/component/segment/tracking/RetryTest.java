package io.camelsegment.component.segment.tracking;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.camelsegment.component.segment.SegmentConstants;
import io.camelsegment.component.segment.SegmentHttpException;
import io.camelsegment.component.segment.support.WireMockSegmentTestSupport;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static io.camelsegment.component.segment.support.TrackingRequests.all;
import static io.camelsegment.component.segment.support.TrackingRequests.body;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Segment's retry policy against a real HTTP server (the component is set to 3 retries with ~ms backoff). */
class RetryTest extends WireMockSegmentTestSupport {

    private static final String TRACK = "segment:track?writeKey=RAW(" + WRITE_KEY + ")&event=Signed Up&userId=u1";

    /** The given answers in turn, then 200 for good. */
    private void answers(String path, ResponseDefinitionBuilder... failures) {
        String state = Scenario.STARTED;
        for (int i = 0; i < failures.length; i++) {
            String next = "after-" + i;
            wireMock.stubFor(post(path).inScenario("retry").whenScenarioStateIs(state).willReturn(failures[i])
                    .willSetStateTo(next));
            state = next;
        }
        wireMock.stubFor(post(path).inScenario("retry").whenScenarioStateIs(state)
                .willReturn(aResponse().withStatus(200).withBody("{\"success\":true}")));
    }

    private Exchange send() {
        return template.request(TRACK, e -> e.getMessage().setBody(Map.of("plan", "pro")));
    }

    /** Every attempt carries the same message (same messageId); only X-Retry-Count tells them apart. */
    private static void assertSameMessageOnEveryAttempt(List<LoggedRequest> requests) {
        ObjectNode first = body(requests.get(0));
        first.remove("sentAt");
        assertFalse(requests.get(0).containsHeader("X-Retry-Count"));
        for (int i = 1; i < requests.size(); i++) {
            ObjectNode again = body(requests.get(i));
            again.remove("sentAt");
            assertEquals(first, again, "attempt " + (i + 1));
            assertEquals(String.valueOf(i), requests.get(i).getHeader("X-Retry-Count"));
            assertEquals(requests.get(0).getHeader("Authorization"), requests.get(i).getHeader("Authorization"));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = { 500, 502, 503, 504, 408, 410, 429, 460 })
    void retriesTransientStatusThenDelivers(int status) {
        answers("/v1/track", aResponse().withStatus(status).withBody("try again"));

        Exchange result = send();

        assertNull(result.getException());
        List<LoggedRequest> requests = all(wireMock);
        assertEquals(2, requests.size());
        assertSameMessageOnEveryAttempt(requests);
        assertArrayEquals(requests.get(0).getBody(), requests.get(1).getBody(), "the very same bytes are re-sent");
        assertEquals(200, result.getMessage().getHeader(SegmentConstants.HTTP_STATUS));
        assertEquals(List.of(body(requests.get(1)).get("messageId").asText()),
                result.getMessage().getHeader(SegmentConstants.MESSAGE_IDS));
    }

    @Test
    void countsRetriesInXRetryCount() {
        answers("/v1/track", aResponse().withStatus(500), aResponse().withStatus(503), aResponse().withStatus(460));

        Exchange result = send();

        assertNull(result.getException());
        List<LoggedRequest> requests = all(wireMock);
        assertEquals(4, requests.size());
        assertSameMessageOnEveryAttempt(requests);
    }

    @Test
    void retriesConnectionResetThenDelivers() {
        answers("/v1/track", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
                aResponse().withFault(Fault.EMPTY_RESPONSE));

        Exchange result = send();

        assertNull(result.getException(), () -> String.valueOf(result.getException()));
        List<LoggedRequest> requests = all(wireMock);
        assertEquals(3, requests.size());
        assertSameMessageOnEveryAttempt(requests);
    }

    @Test
    void honoursRetryAfterSeconds() {
        answers("/v1/track", aResponse().withStatus(429).withHeader("Retry-After", "1"));

        long start = System.nanoTime();
        Exchange result = send();
        long waitedMillis = Duration.ofNanos(System.nanoTime() - start).toMillis();

        assertNull(result.getException());
        assertEquals(2, all(wireMock).size());
        // the configured backoff is a few ms: only Retry-After explains a wait of about a second
        assertTrue(waitedMillis >= 950, "waited " + waitedMillis + " ms");
    }

    @Test
    void honoursRetryAfterHttpDate() {
        String inTwoSeconds = DateTimeFormatter.RFC_1123_DATE_TIME
                .format(Instant.now().plusSeconds(2).atOffset(ZoneOffset.UTC));
        answers("/v1/track", aResponse().withStatus(503).withHeader("Retry-After", inTwoSeconds));

        long start = System.nanoTime();
        Exchange result = send();
        long waitedMillis = Duration.ofNanos(System.nanoTime() - start).toMillis();

        assertNull(result.getException());
        assertEquals(2, all(wireMock).size());
        // the date has whole seconds: at least one of the two seconds is left when it is read
        assertTrue(waitedMillis >= 900, "waited " + waitedMillis + " ms");
    }

    @Test
    void capsRetryAfterAtMaxRetryAfter() {
        answers("/v1/track", aResponse().withStatus(429).withHeader("Retry-After", "3600"));

        Exchange result = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> template.request(TRACK + "&maxRetryAfter=50", e -> e.getMessage().setBody(Map.of("a", 1))));

        assertNull(result.getException());
        assertEquals(2, all(wireMock).size());
    }

    /** Seconds beyond what a long holds in milliseconds are the longest wait there is (maxRetryAfter), not absent. */
    @ParameterizedTest
    @ValueSource(strings = { "9300000000000000", "99999999999999999999", "000000000000000000000000003600" })
    void aHugeRetryAfterWaitsMaxRetryAfter(String retryAfter) {
        answers("/v1/track", aResponse().withStatus(429).withHeader("Retry-After", retryAfter));

        long start = System.nanoTime();
        Exchange result = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> template.request(TRACK + "&maxRetryAfter=600", e -> e.getMessage().setBody(Map.of("a", 1))));
        long waitedMillis = Duration.ofNanos(System.nanoTime() - start).toMillis();

        assertNull(result.getException());
        assertEquals(2, all(wireMock).size());
        // the configured backoff is a few ms: only the capped Retry-After explains this wait
        assertTrue(waitedMillis >= 550, "waited " + waitedMillis + " ms");
    }

    /** As in Segment's libraries, a retry after Retry-After does not use up maxRetries; X-Retry-Count counts all. */
    @ParameterizedTest
    @ValueSource(strings = { "track", "batch" })
    void retriesAfterRetryAfterDoNotUseUpMaxRetries(String operation) {
        String path = "/v1/" + operation;
        answers(path, throttled(), throttled(), aResponse().withStatus(503), throttled());

        Exchange result = template.request("segment:" + operation + "?writeKey=RAW(" + WRITE_KEY + ")&event=E&userId=u1"
                                           + "&maxRetries=1&maxRetryAfter=20",
                e -> e.getMessage().setBody(operation.equals("batch")
                        ? List.of(Map.of("type", "track", "userId", "u", "event", "E")) : Map.of("a", 1)));

        assertNull(result.getException(), () -> String.valueOf(result.getException()));
        List<LoggedRequest> requests = all(wireMock);
        assertEquals(5, requests.size(), "three waits Segment asked for and one backoff retry");
        assertSameMessageOnEveryAttempt(requests);
    }

    @Test
    void backoffRetriesStillEndAtMaxRetriesBetweenRetryAfters() {
        answers("/v1/track", throttled(), aResponse().withStatus(503), throttled(), aResponse().withStatus(503),
                aResponse().withStatus(503));

        Exchange result = template.request(TRACK + "&maxRetries=2&maxRetryAfter=20",
                e -> e.getMessage().setBody(Map.of("a", 1)));

        SegmentHttpException e = assertInstanceOf(SegmentHttpException.class, result.getException());
        assertEquals(503, e.getStatusCode());
        assertEquals(5, all(wireMock).size(), "two Retry-After retries, then the third 503 has no backoff retry left");
        assertEquals(5, e.getAttempts());
    }

    /** The waits Segment asks for end at maxRateLimitDuration in all: then the request fails with the 429. */
    @Test
    void waitsSegmentAsksForEndAtMaxRateLimitDuration() {
        wireMock.stubFor(post("/v1/track").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")
                .withBody("slow down")));

        long start = System.nanoTime();
        Exchange result = template.request(TRACK + "&maxRetries=1&maxRetryAfter=40&maxRateLimitDuration=100",
                e -> e.getMessage().setBody(Map.of("a", 1)));
        long tookMillis = Duration.ofNanos(System.nanoTime() - start).toMillis();

        SegmentHttpException e = assertInstanceOf(SegmentHttpException.class, result.getException());
        assertEquals(429, e.getStatusCode());
        // waits of 40 ms (Retry-After 1 s capped by maxRetryAfter): 40 + 40 fit in 100 ms, a third would not
        assertEquals(3, all(wireMock).size());
        assertEquals(3, e.getAttempts());
        assertTrue(tookMillis >= 80, "waited " + tookMillis + " ms");
    }

    @Test
    void maxRetriesZeroDoesNotRetryAfterRetryAfterEither() {
        wireMock.stubFor(post("/v1/track").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")));

        Exchange result = template.request(TRACK + "&maxRetries=0", e -> e.getMessage().setBody(Map.of("a", 1)));

        assertEquals(429, assertInstanceOf(SegmentHttpException.class, result.getException()).getStatusCode());
        assertEquals(1, all(wireMock).size());
    }

    private static ResponseDefinitionBuilder throttled() {
        return aResponse().withStatus(429).withHeader("Retry-After", "1");
    }

    @ParameterizedTest
    @ValueSource(ints = { 400, 401, 403, 404, 413, 422, 501 })
    void neverRetriesOtherClientErrors(int status) {
        wireMock.stubFor(post("/v1/track").willReturn(aResponse().withStatus(status).withBody("Rejected: " + status)));

        Exchange result = send();

        SegmentHttpException e = assertInstanceOf(SegmentHttpException.class, result.getException());
        assertEquals(1, all(wireMock).size());
        assertEquals(status, e.getStatusCode());
        assertEquals(1, e.getAttempts());
        assertEquals("Rejected: " + status, e.getResponseBody());
        assertTrue(e.getMessage().contains("POST /v1/track answered HTTP " + status + " (not retryable): Rejected: "
                                           + status), e.getMessage());
    }

    @Test
    void exhaustedRetriesEndInAnExceptionWithAttempts() {
        wireMock.stubFor(post("/v1/track").willReturn(aResponse().withStatus(503).withBody("overloaded")));

        Exchange result = send();

        SegmentHttpException e = assertInstanceOf(SegmentHttpException.class, result.getException());
        List<LoggedRequest> requests = all(wireMock);
        assertEquals(4, requests.size(), "1 attempt + maxRetries (3)");
        assertSameMessageOnEveryAttempt(requests);
        assertEquals(503, e.getStatusCode());
        assertEquals(4, e.getAttempts());
        assertEquals("overloaded", e.getResponseBody());
        assertTrue(e.getMessage().contains("answered HTTP 503 after 4 attempts: overloaded"), e.getMessage());
    }

    @Test
    void exhaustedRetriesOnConnectionResets() {
        wireMock.stubFor(post("/v1/track").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        Exchange result = send();

        SegmentHttpException e = assertInstanceOf(SegmentHttpException.class, result.getException());
        assertEquals(4, all(wireMock).size());
        assertEquals(0, e.getStatusCode());
        assertEquals(4, e.getAttempts());
        assertTrue(e.getMessage().contains("failed after 4 attempt(s)"), e.getMessage());
    }

    @Test
    void maxRetriesZeroSendsOnce() {
        wireMock.stubFor(post("/v1/track").willReturn(aResponse().withStatus(500)));

        Exchange result = template.request(TRACK + "&maxRetries=0", e -> e.getMessage().setBody(Map.of("a", 1)));

        SegmentHttpException e = assertInstanceOf(SegmentHttpException.class, result.getException());
        assertEquals(1, all(wireMock).size());
        assertEquals(1, e.getAttempts());
    }

    @Test
    void batchRequestsAreRetriedWithTheSameEvents() {
        answers("/v1/batch", aResponse().withStatus(500), aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

        Exchange result = template.request("segment:batch?writeKey=RAW(" + WRITE_KEY + ")",
                e -> e.getMessage().setBody(List.of(Map.of("type", "track", "userId", "u", "event", "A"),
                        Map.of("type", "identify", "userId", "u"))));

        assertNull(result.getException());
        List<LoggedRequest> requests = all(wireMock);
        assertEquals(3, requests.size());
        assertSameMessageOnEveryAttempt(requests);
        assertEquals(2, body(requests.get(2)).get("batch").size());
        assertTrue(Arrays.equals(requests.get(0).getBody(), requests.get(2).getBody()));
    }
}
