package io.camelsegment.component.segment.http;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.camelsegment.component.segment.SegmentComponent;
import io.camelsegment.component.segment.SegmentHttpException;
import io.camelsegment.component.segment.support.CapturedLogs;
import io.camelsegment.component.segment.support.TestTls;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * TLS through Camel's SSLContextParameters against HTTPS servers on loopback whose certificates a test CA signed:
 * trusted, untrusted (the JVM's default trust does not know the CA) and issued for another host name.
 */
class TlsTest extends CamelTestSupport {

    private static final String WRITE_KEY = "wk_TLS_TEST_key";
    private static final String TRACK = "segment:track?writeKey=RAW(" + WRITE_KEY + ")&event=Signed Up&userId=u1";

    private WireMockServer server;
    private final CapturedLogs logs = new CapturedLogs();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        SegmentComponent component = new SegmentComponent();
        component.getConfiguration().setMaxRetries(0);
        context.addComponent("segment", component);
        context.getRegistry().bind("testCaTrust", TestTls.trustingTestCa());
        return context;
    }

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop();
        }
        logs.close();
    }

    private WireMockServer serve(WireMockServer https) {
        server = https;
        server.stubFor(post("/v1/track").willReturn(aResponse().withStatus(200).withBody("{\"success\":true}")));
        return server;
    }

    private Exchange track(String options) {
        String url = "https://127.0.0.1:" + server.httpsPort() + "/v1";
        return template.request(TRACK + "&trackingUrl=" + url + options,
                e -> e.getMessage().setBody(Map.of("plan", "pro")));
    }

    @Test
    void deliversToAServerTheConfiguredTrustStoreTrusts() {
        serve(TestTls.httpsServerForLocalhost());

        Exchange result = track("&sslContextParameters=#testCaTrust");

        assertNull(result.getException());
        server.verify(1, postRequestedFor(urlEqualTo("/v1/track")));
    }

    @Test
    void refusesAServerWhoseCertificateIsNotTrusted() {
        serve(TestTls.httpsServerForLocalhost());

        Exchange result = track(""); // the JVM's default trust store does not know the test CA

        SegmentHttpException e = assertInstanceOf(SegmentHttpException.class, result.getException());
        assertTrue(e.getMessage().contains("SSLHandshakeException"), e.getMessage());
        assertTrue(e.getMessage().contains("unable to find valid certification path"), e.getMessage());
        server.verify(0, postRequestedFor(urlEqualTo("/v1/track")));
        String warning = logs.messages(DeliveryAttemptLog.class, Level.WARN).get(0);
        assertTrue(warning.contains("TLS failure with 127.0.0.1:" + server.httpsPort()), warning);
    }

    @Test
    void refusesACertificateIssuedForAnotherHostName() {
        serve(TestTls.httpsServerForWrongHost());

        Exchange result = track("&sslContextParameters=#testCaTrust");

        SegmentHttpException e = assertInstanceOf(SegmentHttpException.class, result.getException());
        assertTrue(e.getMessage().contains("No subject alternative names matching IP address 127.0.0.1"),
                e.getMessage());
        server.verify(0, postRequestedFor(urlEqualTo("/v1/track")));
    }

    @Test
    void usesTheContextsGlobalSslContextParametersWhenTheComponentIsToldTo() {
        serve(TestTls.httpsServerForLocalhost());
        context.setSSLContextParameters(TestTls.trustingTestCa());
        context.getComponent("segment", SegmentComponent.class).setUseGlobalSslContextParameters(true);

        Exchange result = track("");

        assertNull(result.getException());
        assertEquals(1, server.findAll(postRequestedFor(urlEqualTo("/v1/track"))).size());
    }
}
