package io.camelsegment.component.segment.http;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.camelsegment.component.segment.SegmentHttpException;
import io.camelsegment.component.segment.support.CapturedLogs;
import io.camelsegment.component.segment.support.WireMockSegmentTestSupport;
import org.apache.camel.Exchange;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Failing deliveries are visible while they happen: each failed attempt at WARN with its cause named, "attempt n of
 * m" and when the next one comes; the recovery at INFO; never a credential. Real connections on loopback (the
 * component is set to 3 retries, so 4 attempts, with millisecond backoff).
 */
class DeliveryAttemptLogTest extends WireMockSegmentTestSupport {

    private static final Pattern RETRY_LINE = Pattern.compile(
            "Segment POST /v1/track: attempt (\\d) of 4 failed: (.+); next attempt in \\d+ ms \\(at \\d{4}-.+Z\\)");

    private CapturedLogs logs;

    @BeforeEach
    void captureLogs() {
        logs = new CapturedLogs();
    }

    @AfterEach
    void stopCapturing() {
        logs.close();
    }

    private Exchange track(String options) {
        return template.request("segment:track?writeKey=RAW(" + WRITE_KEY + ")&event=Signed Up&userId=u1" + options,
                e -> e.getMessage().setBody(Map.of("plan", "pro")));
    }

    private List<String> warnings() {
        return logs.messages(DeliveryAttemptLog.class, Level.WARN);
    }

    /** Three WARN lines announce the retries (attempts 1 to 3), a fourth says it gave up; all name the cause. */
    private void assertRetriedThenGaveUp(String cause) {
        List<String> warnings = warnings();
        assertEquals(4, warnings.size(), String.join("\n", warnings));
        for (int attempt = 1; attempt <= 3; attempt++) {
            var matcher = RETRY_LINE.matcher(warnings.get(attempt - 1));
            assertTrue(matcher.matches(), warnings.get(attempt - 1));
            assertEquals(String.valueOf(attempt), matcher.group(1));
            assertTrue(matcher.group(2).startsWith(cause), matcher.group(2));
        }
        String last = warnings.get(3);
        assertTrue(last.startsWith("Segment POST /v1/track: attempt 4 of 4 failed: " + cause), last);
        assertTrue(last.endsWith("giving up (no retries left)"), last);
        assertNoCredentialLogged();
    }

    private void assertNoCredentialLogged() {
        String all = logs.allText();
        assertFalse(all.contains(WRITE_KEY), "the write key was logged");
        assertFalse(all.contains(basicCredentials(WRITE_KEY)), "the Basic credentials were logged");
    }

    @Test
    void refusedConnectionIsNamedOnEveryAttempt() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        Exchange result = track("&trackingUrl=http://127.0.0.1:" + closedPort + "/v1");

        SegmentHttpException e = assertInstanceOf(SegmentHttpException.class, result.getException());
        assertEquals(4, e.getAttempts());
        assertRetriedThenGaveUp("connection refused");
        assertTrue(warnings().get(0).contains("127.0.0.1:" + closedPort), warnings().get(0));
    }

    @Test
    void unknownHostIsNamedAndNoLookupLeavesTheMachine() {
        List<String> lookedUp = new CopyOnWriteArrayList<>();
        context.getRegistry().bind("failingDns", new SegmentHttpClientConfigurer() {
            @Override
            public void configureConnectionManager(PoolingHttpClientConnectionManagerBuilder builder) {
                builder.setDnsResolver(new DnsResolver() {
                    @Override
                    public InetAddress[] resolve(String host) throws UnknownHostException {
                        lookedUp.add(host);
                        throw new UnknownHostException(host);
                    }

                    @Override
                    public String resolveCanonicalHostname(String host) throws UnknownHostException {
                        throw new UnknownHostException(host);
                    }
                });
            }
        });

        Exchange result = track("&trackingUrl=http://api.segment-unreachable.invalid/v1"
                                + "&httpClientConfigurer=#failingDns");

        assertInstanceOf(SegmentHttpException.class, result.getException());
        assertEquals(List.of("api.segment-unreachable.invalid", "api.segment-unreachable.invalid",
                "api.segment-unreachable.invalid", "api.segment-unreachable.invalid"), lookedUp);
        assertRetriedThenGaveUp("unknown host (DNS lookup failed for api.segment-unreachable.invalid)");
    }

    @Test
    void responseTimeoutIsNamed() {
        wireMock.stubFor(post("/v1/track").willReturn(aResponse().withStatus(200).withFixedDelay(3000)));

        Exchange result = track("&responseTimeout=300&maxRetries=1");

        assertInstanceOf(SegmentHttpException.class, result.getException());
        List<String> warnings = warnings();
        assertEquals(2, warnings.size(), String.join("\n", warnings));
        String expected = "response timeout (no answer from 127.0.0.1:" + wireMock.port() + " within 300 ms)";
        assertTrue(warnings.get(0).startsWith("Segment POST /v1/track: attempt 1 of 2 failed: " + expected
                                              + "; next attempt in "), warnings.get(0));
        assertTrue(warnings.get(1).startsWith("Segment POST /v1/track: attempt 2 of 2 failed: " + expected),
                warnings.get(1));
    }

    @Test
    void recoveryIsLoggedOnceAtInfo() {
        wireMock.stubFor(post("/v1/track").inScenario("recovers").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503).withBody("busy " + WRITE_KEY)).willSetStateTo("up"));
        wireMock.stubFor(post("/v1/track").inScenario("recovers").whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(200).withBody("{\"success\":true}")));

        Exchange result = track("");

        assertNull(result.getException());
        List<String> warnings = warnings();
        assertEquals(1, warnings.size(), String.join("\n", warnings));
        var matcher = RETRY_LINE.matcher(warnings.get(0));
        assertTrue(matcher.matches(), warnings.get(0));
        assertEquals("HTTP 503", matcher.group(2));
        assertEquals(List.of("Segment POST /v1/track: attempt 2 of 4 succeeded after 1 failed attempt(s)"),
                logs.messages(DeliveryAttemptLog.class, Level.INFO));
        assertNoCredentialLogged();
    }

    @Test
    void aFirstSuccessAndANonRetryableAnswerLogNothing() {
        wireMock.stubFor(post("/v1/track").willReturn(aResponse().withStatus(200).withBody("{\"success\":true}")));
        assertNull(track("").getException());
        wireMock.stubFor(post("/v1/track").willReturn(aResponse().withStatus(400).withBody("{\"error\":\"bad\"}")));
        assertInstanceOf(SegmentHttpException.class, track("").getException());

        assertEquals(List.of(), warnings());
        assertEquals(List.of(), logs.messages(DeliveryAttemptLog.class, Level.INFO));
    }

    @Test
    void theBufferedSenderLogsItsRetriesAndRecoveryTheSameWay() {
        wireMock.stubFor(post("/v1/batch").inScenario("buffered").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503).withBody("busy " + WRITE_KEY)).willSetStateTo("up"));
        wireMock.stubFor(post("/v1/batch").inScenario("buffered").whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(200).withBody("{\"success\":true}")));

        Exchange result = track("&batching=true");

        assertNull(result.getException());
        List<String> warnings = warnings();
        assertEquals(1, warnings.size(), String.join("\n", warnings));
        assertTrue(warnings.get(0).matches(
                "Segment POST /v1/batch: attempt 1 of 4 failed: HTTP 503; next attempt in \\d+ ms \\(at \\d{4}-.+Z\\)"),
                warnings.get(0));
        assertEquals(List.of("Segment POST /v1/batch: attempt 2 of 4 succeeded after 1 failed attempt(s)"),
                logs.messages(DeliveryAttemptLog.class, Level.INFO));
        assertNoCredentialLogged();
    }

    @Test
    void theBufferedSenderSaysWhenItGivesUp() {
        wireMock.stubFor(post("/v1/batch").willReturn(aResponse().withStatus(500).withBody("down")));

        Exchange result = track("&batching=true");

        SegmentHttpException e = assertInstanceOf(SegmentHttpException.class, result.getException());
        assertEquals(500, e.getStatusCode());
        List<String> warnings = warnings();
        assertEquals(4, warnings.size(), String.join("\n", warnings));
        for (int attempt = 1; attempt <= 3; attempt++) {
            assertTrue(warnings.get(attempt - 1).startsWith("Segment POST /v1/batch: attempt " + attempt
                                                            + " of 4 failed: HTTP 500; next attempt in "),
                    warnings.get(attempt - 1));
        }
        assertTrue(warnings.get(3).startsWith("Segment POST /v1/batch: attempt 4 of 4 failed: HTTP 500"), warnings.get(3));
        assertTrue(warnings.get(3).endsWith("giving up (no retries left)"), warnings.get(3));
        assertNoCredentialLogged();
    }

    /** The Basic credentials the component sends, to prove they are never logged. */
    private static String basicCredentials(String writeKey) {
        return Base64.getEncoder().encodeToString((writeKey + ":").getBytes(StandardCharsets.UTF_8));
    }
}
