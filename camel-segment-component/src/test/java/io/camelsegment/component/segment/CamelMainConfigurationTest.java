package io.camelsegment.component.segment;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.camelsegment.component.segment.support.CapturedLogs;
import io.camelsegment.component.segment.support.TestProxy;
import io.camelsegment.component.segment.support.TestTls;
import io.camelsegment.component.segment.support.TrackingRequests;
import io.camelsegment.component.segment.support.WireMockSegmentTestSupport;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** camel.component.segment.* properties configure the component under Camel Main, and endpoints pick them up. */
class CamelMainConfigurationTest {

    private WireMockServer wireMock;

    @BeforeEach
    void startWireMock() {
        wireMock = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        wireMock.start();
        TrackingRequests.acceptAll(wireMock);
    }

    @AfterEach
    void stopWireMock() {
        wireMock.stop();
    }

    @Test
    void componentPropertiesAreApplied() throws Exception {
        Main main = new Main();
        main.addInitialProperty("camel.component.segment.write-key", WireMockSegmentTestSupport.WRITE_KEY);
        main.addInitialProperty("camel.component.segment.tracking-url", "http://127.0.0.1:" + wireMock.port() + "/v1");
        main.addInitialProperty("camel.component.segment.event", "Configured Event");
        main.addInitialProperty("camel.component.segment.maxRetries", "2");
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:main").to("segment:track?userId=main-user");
            }
        });
        main.start();
        try {
            SegmentComponent component = main.getCamelContext().getComponent("segment", SegmentComponent.class);
            assertEquals(WireMockSegmentTestSupport.WRITE_KEY, component.getConfiguration().getWriteKey());
            assertEquals(2, component.getConfiguration().getMaxRetries());

            Exchange result = main.getCamelContext().createFluentProducerTemplate().to("direct:main")
                    .withBody(Map.of("plan", "pro")).send();

            assertNull(result.getException());
            LoggedRequest request = TrackingRequests.all(wireMock).get(0);
            assertEquals(TrackingRequests.basicAuth(WireMockSegmentTestSupport.WRITE_KEY),
                    request.getHeader("Authorization"));
            assertEquals("Configured Event", TrackingRequests.body(request).get("event").asText());
            assertEquals("main-user", TrackingRequests.body(request).get("userId").asText());
        } finally {
            main.stop();
        }
    }

    /**
     * What an operator writes in application.properties: Camel Main's global TLS (camel.ssl.*) used by the component,
     * and an authenticating proxy, whose password no log line shows.
     */
    @Test
    void globalTlsAndAProxyFromApplicationProperties() throws Exception {
        String proxyPassword = "main-Pr0xy-S3cret-42";
        WireMockServer https = TestTls.httpsServerForLocalhost();
        try (TestProxy proxy = TestProxy.authenticating("ops", proxyPassword); CapturedLogs logs = new CapturedLogs()) {
            TrackingRequests.acceptAll(https);
            Main main = new Main();
            main.addInitialProperty("camel.ssl.enabled", "true");
            main.addInitialProperty("camel.ssl.trust-store", "tls/truststore.p12");
            // Camel 4.22 builds the global SSLContextParameters only when a key store is given (4.18 also without)
            main.addInitialProperty("camel.ssl.key-store", "tls/localhost.p12");
            main.addInitialProperty("camel.ssl.keystore-password", TestTls.PASSWORD);
            main.addInitialProperty("camel.ssl.trust-store-password", TestTls.PASSWORD);
            main.addInitialProperty("camel.component.segment.use-global-ssl-context-parameters", "true");
            main.addInitialProperty("camel.component.segment.tracking-url", "https://localhost:" + https.httpsPort() + "/v1");
            main.addInitialProperty("camel.component.segment.write-key", WireMockSegmentTestSupport.WRITE_KEY);
            main.addInitialProperty("camel.component.segment.proxy-host", "127.0.0.1");
            main.addInitialProperty("camel.component.segment.proxy-port", String.valueOf(proxy.port()));
            main.addInitialProperty("camel.component.segment.proxy-username", "ops");
            main.addInitialProperty("camel.component.segment.proxy-password", proxyPassword);
            main.configure().addRoutesBuilder(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:main").to("segment:track?userId=main-user&event=Configured");
                }
            });
            main.start();
            try {
                Exchange result = main.getCamelContext().createFluentProducerTemplate().to("direct:main")
                        .withBody(Map.of("plan", "pro")).send();

                assertNull(result.getException());
                assertEquals(1, TrackingRequests.all(https).size());
                assertTrue(proxy.seen().stream().anyMatch(seen -> seen.method().equals("CONNECT") && seen.authorized()));
                assertFalse(logs.allText().contains(proxyPassword), "the proxy password was logged");
            } finally {
                main.stop();
            }
        } finally {
            https.stop();
        }
    }
}
