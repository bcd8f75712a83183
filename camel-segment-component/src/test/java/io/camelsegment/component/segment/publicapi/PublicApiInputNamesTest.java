package io.camelsegment.component.segment.publicapi;

import java.util.Map;

import io.camelsegment.component.segment.SegmentConstants;
import io.camelsegment.component.segment.SegmentValidationException;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Inputs of the Public API never borrow a credential or a Tracking API field of the same name: with
 * {@code camel.component.segment.write-key} set for tracking (and {@code name} as the page name), a route that forgets
 * its removeSourceWriteKey key (or its updateSource name) fails with a clear validation error and sends nothing.
 */
class PublicApiInputNamesTest extends PublicApiTestSupport {

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        // what camel.component.segment.write-key and camel.component.segment.name set
        context.getPropertiesComponent().addInitialProperty("camel.component.segment.write-key", WRITE_KEY);
        context.getPropertiesComponent().addInitialProperty("camel.component.segment.name", "Home");
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:revoke").to("segment:removeSourceWriteKey?sourceId=s1&accessToken=RAW(" + ACCESS_TOKEN
                                         + ")");
                from("direct:rename").to("segment:updateSource?sourceId=s1&accessToken=RAW(" + ACCESS_TOKEN + ")");
            }
        };
    }

    @Test
    void removeSourceWriteKeyNeverRemovesTheTrackingKey() {
        Exchange result = template.request("direct:revoke",
                e -> e.getMessage().setHeader(SegmentConstants.WRITE_KEY, WRITE_KEY));

        SegmentValidationException e = assertInstanceOf(SegmentValidationException.class, result.getException());
        assertEquals("writeKeyToRemove", e.getField());
        assertTrue(e.getRule().contains("is required") && e.getRule().contains(SegmentConstants.WRITE_KEY_TO_REMOVE),
                e.getRule());
        assertEquals(0, received().size(), "nothing sent");
    }

    @Test
    void aBodyWriteKeyIsNotTheKeyToRemoveEither() {
        Exchange result = template.request("direct:revoke",
                e -> e.getMessage().setBody(Map.of("writeKey", "wk_from_a_tracking_body")));

        assertInstanceOf(SegmentValidationException.class, result.getException());
        assertEquals(0, received().size(), "nothing sent");
    }

    @Test
    void updateSourceNeverRenamesTheSourceAfterThePageName() {
        Exchange result = template.request("direct:rename",
                e -> e.getMessage().setHeader(SegmentConstants.NAME, "Checkout page"));

        SegmentValidationException e = assertInstanceOf(SegmentValidationException.class, result.getException());
        assertEquals("name/slug/enabled/settings", e.getField());
        assertEquals(0, received().size(), "nothing sent");
    }
}
