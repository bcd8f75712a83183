package io.camelsegment.component.segment.publicapi;

import java.util.Map;

import io.camelsegment.component.segment.SegmentConstants;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static io.camelsegment.component.segment.SegmentOperation.getDestination;
import static io.camelsegment.component.segment.SegmentOperation.listSchemaSettingsInSource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** throwExceptionOnFailure=false: the body is the connector envelope {successful, data, error}, never an exception. */
class PublicApiEnvelopeTest extends PublicApiTestSupport {

    @Override
    protected String endpointOptions() {
        return "&throwExceptionOnFailure=false";
    }

    @Test
    void successWrapsTheData() {
        String path = "/sources/" + SOURCE_ID + "/settings";
        wireMock.stubFor(request(listSchemaSettingsInSource, path)
                .willReturn(ok(listSchemaSettingsInSource, path, fixture("list-schema-settings-in-source"))));

        Exchange result = template.request("direct:listSchemaSettingsInSource",
                e -> e.getMessage().setHeader(SegmentConstants.SOURCE_ID, SOURCE_ID));

        assertNull(result.getException());
        Map<?, ?> envelope = result.getMessage().getBody(Map.class);
        assertEquals(true, envelope.get("successful"));
        assertEquals("qQEHquLrjRDN9j1ByrChyn", ((Map<?, ?>) envelope.get("data")).get("sourceId"));
        assertFalse(envelope.containsKey("error"));
        assertEquals("97", result.getMessage().getHeader(SegmentConstants.RATE_LIMIT_REMAINING));
    }

    @Test
    void apiFailureBecomesAnUnsuccessfulEnvelopeWithTheSegmentError() {
        String path = "/destinations/" + DESTINATION_ID;
        wireMock.stubFor(request(getDestination, path).willReturn(answer(getDestination, path, 404,
                errors("NotFound", "Resource not found", null))));

        Exchange result = template.request("direct:getDestination",
                e -> e.getMessage().setHeader(SegmentConstants.DESTINATION_ID, DESTINATION_ID));

        assertNull(result.getException());
        Map<?, ?> envelope = result.getMessage().getBody(Map.class);
        assertEquals(false, envelope.get("successful"));
        assertEquals(Map.of(), envelope.get("data"));
        String error = (String) envelope.get("error");
        assertTrue(error.contains("HTTP 404") && error.contains("NotFound: Resource not found"), error);
        assertEquals(404, result.getMessage().getHeader(SegmentConstants.HTTP_STATUS));
    }

    @Test
    void validationFailureBecomesAnUnsuccessfulEnvelopeNamingTheField() {
        Exchange result = template.request("direct:deleteSource", e -> {
        });

        Map<?, ?> envelope = result.getMessage().getBody(Map.class);
        assertEquals(false, envelope.get("successful"));
        assertTrue(((String) envelope.get("error")).startsWith("sourceId: is required"), (String) envelope.get("error"));
        assertEquals(0, received().size());
    }
}
