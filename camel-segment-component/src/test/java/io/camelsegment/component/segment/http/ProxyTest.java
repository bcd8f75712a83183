package io.camelsegment.component.segment.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.camelsegment.component.segment.SegmentEndpoint;
import io.camelsegment.component.segment.SegmentHttpException;
import io.camelsegment.component.segment.support.CapturedLogs;
import io.camelsegment.component.segment.support.TestProxy;
import io.camelsegment.component.segment.support.TestTls;
import io.camelsegment.component.segment.support.WireMockSegmentTestSupport;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Requests to Segment through a real HTTP proxy on loopback ({@link TestProxy}): forwarded plain HTTP, CONNECT
 * tunnels to HTTPS, Basic proxy authentication (407, then the credentials), nonProxyHosts, and the proxy password
 * kept out of logs, exception texts and endpoint strings.
 */
class ProxyTest extends WireMockSegmentTestSupport {

    private static final String PROXY_USER = "proxy-user";
    private static final String PROXY_PASSWORD = "pr0xy-S3cret-7d1e";
    private static final String TRACK = "segment:track?writeKey=RAW(" + WRITE_KEY + ")&event=Signed Up&userId=u1";

    private CapturedLogs logs;
    private TestProxy proxy;

    @BeforeEach
    void stubSegment() {
        wireMock.stubFor(post("/v1/track").willReturn(aResponse().withStatus(200).withBody("{\"success\":true}")));
        logs = new CapturedLogs();
    }

    @AfterEach
    void stopProxy() throws Exception {
        if (proxy != null) {
            proxy.close();
        }
        logs.close();
    }

    private Exchange track(String options) {
        return template.request(TRACK + options, e -> e.getMessage().setBody(Map.of("plan", "pro")));
    }

    private String through(TestProxy proxy) {
        return "&proxyHost=127.0.0.1&proxyPort=" + proxy.port();
    }

    private static String authenticated(String password) {
        return "&proxyUsername=" + PROXY_USER + "&proxyPassword=RAW(" + password + ")";
    }

    private void assertPasswordNeverShown(String... texts) {
        String basic = Base64.getEncoder().encodeToString((PROXY_USER + ":" + PROXY_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        for (String text : texts) {
            assertFalse(text.contains(PROXY_PASSWORD), text);
            assertFalse(text.contains(basic), text);
        }
        String logged = logs.allText();
        assertFalse(logged.contains(PROXY_PASSWORD), "the proxy password was logged");
        assertFalse(logged.contains(basic), "the proxy credentials were logged");
        for (Endpoint endpoint : context.getEndpoints()) {
            assertFalse(endpoint.toString().contains(PROXY_PASSWORD), endpoint.toString());
        }
    }

    @Test
    void forwardsPlainHttpThroughTheProxy() throws Exception {
        proxy = TestProxy.open();

        Exchange result = track(through(proxy));

        assertNull(result.getException());
        List<TestProxy.Seen> seen = proxy.seen();
        assertEquals(1, seen.size(), seen.toString());
        assertEquals("POST", seen.get(0).method());
        assertEquals("http://127.0.0.1:" + wireMock.port() + "/v1/track", seen.get(0).target());
        wireMock.verify(1, postRequestedFor(urlEqualTo("/v1/track")));
    }

    @Test
    void answersTheProxysChallengeWithTheConfiguredCredentials() throws Exception {
        proxy = TestProxy.authenticating(PROXY_USER, PROXY_PASSWORD);

        Exchange result = track(through(proxy) + authenticated(PROXY_PASSWORD));

        assertNull(result.getException());
        List<TestProxy.Seen> seen = proxy.seen();
        assertEquals(2, seen.size(), seen.toString());
        assertNull(seen.get(0).proxyAuthorization(), "credentials are sent once the proxy asks (407)");
        assertTrue(seen.get(1).authorized());
        wireMock.verify(1, postRequestedFor(urlEqualTo("/v1/track")));
        assertFalse(wireMock.getAllServeEvents().get(0).getRequest().containsHeader("Proxy-Authorization"),
                "the proxy credentials stay with the proxy");
        assertPasswordNeverShown();
    }

    @Test
    void aRefusedProxyPasswordFailsWithout407RetriesAndWithoutShowingIt() throws Exception {
        proxy = TestProxy.authenticating(PROXY_USER, "the-right-one");

        Exchange result = track(through(proxy) + authenticated(PROXY_PASSWORD));

        SegmentHttpException e = assertInstanceOf(SegmentHttpException.class, result.getException());
        assertEquals(407, e.getStatusCode());
        assertTrue(e.getMessage().contains("answered HTTP 407"), e.getMessage());
        wireMock.verify(0, postRequestedFor(urlEqualTo("/v1/track")));
        assertPasswordNeverShown(e.getMessage(), e.getResponseBody(), String.valueOf(e.getCause()));
    }

    @Test
    void tunnelsHttpsThroughConnectWithProxyAuthentication() throws Exception {
        proxy = TestProxy.authenticating(PROXY_USER, PROXY_PASSWORD);
        WireMockServer https = TestTls.httpsServerForLocalhost();
        try {
            https.stubFor(post("/v1/track").willReturn(aResponse().withStatus(200).withBody("{\"success\":true}")));
            context.getRegistry().bind("testCaTrust", TestTls.trustingTestCa());

            Exchange result = track(through(proxy) + authenticated(PROXY_PASSWORD)
                                    + "&sslContextParameters=#testCaTrust&trackingUrl=https://localhost:"
                                    + https.httpsPort() + "/v1");

            assertNull(result.getException());
            List<TestProxy.Seen> seen = proxy.seen();
            assertEquals("CONNECT", seen.get(seen.size() - 1).method());
            assertEquals("localhost:" + https.httpsPort(), seen.get(seen.size() - 1).target());
            assertTrue(seen.get(seen.size() - 1).authorized());
            https.verify(1, postRequestedFor(urlEqualTo("/v1/track")));
            assertPasswordNeverShown();
        } finally {
            https.stop();
        }
    }

    @Test
    void nonProxyHostsAreReachedDirectly() throws Exception {
        proxy = TestProxy.open();

        Exchange result = track(through(proxy) + "&nonProxyHosts=localhost|127.*");

        assertNull(result.getException());
        assertEquals(List.of(), proxy.seen());
        wireMock.verify(1, postRequestedFor(urlEqualTo("/v1/track")));
    }

    @Test
    void endpointsWithDifferentProxiesNeverShareAClient() throws Exception {
        proxy = TestProxy.open();
        try (TestProxy other = TestProxy.open()) {
            assertNull(track(through(proxy)).getException());
            assertNull(track(through(other)).getException());
            assertNull(track("").getException());

            assertEquals(1, proxy.seen().size());
            assertEquals(1, other.seen().size());
            wireMock.verify(3, postRequestedFor(urlEqualTo("/v1/track")));
        }
    }

    @Test
    void proxyOptionsAreCheckedWhenTheEndpointIsCreated() {
        Exception noPort = assertThrows(Exception.class,
                () -> context.getEndpoint(TRACK + "&proxyHost=proxy.example.com" + authenticated(PROXY_PASSWORD)));
        assertTrue(rootMessage(noPort).contains("proxyPort must be between 1 and 65535"), rootMessage(noPort));
        Exception noHost = assertThrows(Exception.class,
                () -> context.getEndpoint(TRACK + authenticated(PROXY_PASSWORD)));
        assertTrue(rootMessage(noHost).contains("need proxyHost"), rootMessage(noHost));
        assertPasswordNeverShown(rootMessage(noPort), rootMessage(noHost), noPort.getMessage(), noHost.getMessage());
    }

    @Test
    void theProxyPasswordIsMaskedInEndpointStrings() {
        SegmentEndpoint endpoint = context.getEndpoint(TRACK + "&proxyHost=127.0.0.1&proxyPort=3128"
                                                       + authenticated(PROXY_PASSWORD), SegmentEndpoint.class);

        assertPasswordNeverShown(endpoint.toString(), endpoint.getConfiguration().toString(),
                HttpClientSettings.of(endpoint.getConfiguration()).toString());
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
