package io.camelsegment.component.segment.health;

import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.camelsegment.component.segment.SegmentComponent;
import io.camelsegment.component.segment.SegmentConstants;
import io.camelsegment.component.segment.support.WireMockSegmentTestSupport;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Under Camel Main the producer check is off by default and on with camel.health.producersEnabled=true. */
class SegmentHealthOptInTest {

    private WireMockServer wireMock;

    @BeforeEach
    void startWireMock() {
        wireMock = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        wireMock.start();
        wireMock.stubFor(post(urlPathMatching("/v1/.*")).willReturn(aResponse().withStatus(401)));
    }

    @AfterEach
    void stopWireMock() {
        wireMock.stop();
    }

    @Test
    void producersEnabledTurnsTheCheckOn() throws Exception {
        Main main = main();
        main.addInitialProperty("camel.health.producersEnabled", "true");
        main.addInitialProperty("camel.component.segment.health-check-failure-threshold", "2s");
        main.start();
        try {
            CamelContext context = main.getCamelContext();
            assertEquals(2000, context.getComponent("segment", SegmentComponent.class).getHealthCheckFailureThreshold());
            sendOneEvent(context);

            List<HealthCheck.Result> checks = segmentChecks(context);
            assertEquals(1, checks.size(), checks.toString());
            assertEquals(HealthCheck.State.DOWN, checks.get(0).getState());
            assertTrue(checks.get(0).getMessage().orElseThrow().contains("HTTP 401"));
            assertFalse(HealthCheckHelper.isResultsUp(HealthCheckHelper.invokeReadiness(context), true),
                    "the application's readiness is DOWN");
        } finally {
            main.stop();
        }
    }

    @Test
    void producerChecksAreOffByDefault() throws Exception {
        Main main = main();
        main.start();
        try {
            CamelContext context = main.getCamelContext();
            sendOneEvent(context);
            assertTrue(segmentChecks(context).isEmpty());
        } finally {
            main.stop();
        }
    }

    private Main main() {
        Main main = new Main();
        main.addInitialProperty("camel.component.segment.write-key", WireMockSegmentTestSupport.WRITE_KEY);
        main.addInitialProperty("camel.component.segment.tracking-url", "http://127.0.0.1:" + wireMock.port() + "/v1");
        main.addInitialProperty("camel.component.segment.max-retries", "0");
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:main").to("segment:track?event=Signed Up");
            }
        });
        return main;
    }

    private static void sendOneEvent(CamelContext context) {
        context.createFluentProducerTemplate().to("direct:main").withBody(Map.of("plan", "pro"))
                .withHeader(SegmentConstants.USER_ID, "user-1").send();
    }

    private static List<HealthCheck.Result> segmentChecks(CamelContext context) {
        return HealthCheckHelper.invokeReadiness(context, "full").stream()
                .filter(r -> r.getCheck().getId().startsWith("producer:segment-")).toList();
    }
}
