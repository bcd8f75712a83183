package io.camelsegment.component.segment;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
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
import static org.junit.jupiter.api.Assertions.assertNull;

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
}
