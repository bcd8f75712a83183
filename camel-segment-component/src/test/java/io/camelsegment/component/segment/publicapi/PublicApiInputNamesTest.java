package io.camelsegment.component.segment.publicapi;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.camelsegment.component.segment.SegmentComponent;
import io.camelsegment.component.segment.SegmentConstants;
import io.camelsegment.component.segment.SegmentValidationException;
import io.camelsegment.component.segment.support.TrackingRequests;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.camelsegment.component.segment.support.WireMockSegmentTestSupport.ACCESS_TOKEN;
import static io.camelsegment.component.segment.support.WireMockSegmentTestSupport.WRITE_KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Inputs of the Public API never borrow a credential or a Tracking API field of the same name. Under Camel Main with
 * {@code camel.component.segment.write-key} set for tracking (as the example application does) and
 * {@code camel.component.segment.name} as the default page name, a route that forgets its removeSourceWriteKey key
 * (or its updateSource name) fails with a clear validation error and sends nothing.
 */
class PublicApiInputNamesTest {

    private WireMockServer wireMock;
    private Main main;

    @BeforeEach
    void start() throws Exception {
        wireMock = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        wireMock.start();
        TrackingRequests.acceptAll(wireMock);
        main = new Main();
        main.addInitialProperty("camel.component.segment.write-key", WRITE_KEY);
        main.addInitialProperty("camel.component.segment.name", "Home");
        main.addInitialProperty("camel.component.segment.access-token", ACCESS_TOKEN);
        main.addInitialProperty("camel.component.segment.public-api-url", "http://127.0.0.1:" + wireMock.port());
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:revoke").to("segment:removeSourceWriteKey?sourceId=s1");
                from("direct:rename").to("segment:updateSource?sourceId=s1");
            }
        });
        main.start();
        SegmentComponent component = main.getCamelContext().getComponent("segment", SegmentComponent.class);
        assertEquals(WRITE_KEY, component.getConfiguration().getWriteKey(), "the tracking key is configured");
        assertEquals("Home", component.getConfiguration().getName(), "the page name is configured");
    }

    @AfterEach
    void stop() {
        main.stop();
        wireMock.stop();
    }

    private Exchange send(String uri, Processor processor) {
        return main.getCamelContext().createProducerTemplate().request(uri, processor);
    }

    @Test
    void removeSourceWriteKeyNeverRemovesTheTrackingKey() {
        Exchange result = send("direct:revoke", e -> e.getMessage().setHeader(SegmentConstants.WRITE_KEY, WRITE_KEY));

        SegmentValidationException e = assertInstanceOf(SegmentValidationException.class, result.getException());
        assertEquals("writeKeyToRemove", e.getField());
        assertTrue(e.getRule().contains("is required") && e.getRule().contains(SegmentConstants.WRITE_KEY_TO_REMOVE),
                e.getRule());
        assertEquals(0, TrackingRequests.all(wireMock).size(), "nothing sent");
    }

    @Test
    void aBodyWriteKeyIsNotTheKeyToRemoveEither() {
        Exchange result = send("direct:revoke", e -> e.getMessage().setBody(Map.of("writeKey", "wk_from_a_body")));

        assertInstanceOf(SegmentValidationException.class, result.getException());
        assertEquals(0, TrackingRequests.all(wireMock).size(), "nothing sent");
    }

    @Test
    void theKeyToRemoveIsSentWhenGivenUnderItsOwnName() {
        wireMock.stubFor(com.github.tomakehurst.wiremock.client.WireMock.delete(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/sources/s1/writekey/wk_old_1"))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson(
                        "{\"data\":{\"status\":\"SUCCESS\"}}")));

        Exchange result = send("direct:revoke",
                e -> e.getMessage().setHeader(SegmentConstants.WRITE_KEY_TO_REMOVE, "wk_old_1"));

        assertEquals(null, result.getException());
        assertEquals(1, TrackingRequests.all(wireMock).size());
        assertEquals("/sources/s1/writekey/wk_old_1", TrackingRequests.all(wireMock).get(0).getUrl());
    }

    @Test
    void updateSourceNeverRenamesTheSourceAfterThePageName() {
        Exchange result = send("direct:rename", e -> e.getMessage().setHeader(SegmentConstants.NAME, "Checkout"));

        SegmentValidationException e = assertInstanceOf(SegmentValidationException.class, result.getException());
        assertEquals("name/slug/enabled/settings", e.getField());
        assertEquals(0, TrackingRequests.all(wireMock).size(), "nothing sent");
    }
}
