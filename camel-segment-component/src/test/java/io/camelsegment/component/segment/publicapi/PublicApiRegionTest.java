package io.camelsegment.component.segment.publicapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelsegment.component.segment.SegmentComponent;
import io.camelsegment.component.segment.SegmentConfiguration;
import io.camelsegment.component.segment.SegmentConstants;
import io.camelsegment.component.segment.SegmentEndpoint;
import io.camelsegment.component.segment.SegmentOperation;
import io.camelsegment.component.segment.SegmentRegion;
import org.apache.camel.CamelContext;
import org.apache.camel.Message;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Region US/EU picks the Public API host (no network: only the endpoint and the built request are checked). */
class PublicApiRegionTest {

    private CamelContext context;

    @BeforeEach
    void start() {
        context = new DefaultCamelContext();
        context.addComponent("segment", new SegmentComponent());
        context.start();
    }

    @AfterEach
    void stop() {
        context.stop();
    }

    @Test
    void euRegionUsesTheEuHost() throws Exception {
        SegmentEndpoint endpoint = context.getEndpoint("segment:getDestination?region=EU&accessToken=t&destinationId=d1",
                SegmentEndpoint.class);

        assertEquals("https://eu1.api.segmentapis.com", endpoint.getServiceUrl());
        assertEquals("https://eu1.api.segmentapis.com/destinations/d1",
                buildUri(endpoint.getConfiguration(), SegmentOperation.getDestination));
    }

    @Test
    void usRegionIsTheDefault() throws Exception {
        SegmentEndpoint endpoint = context.getEndpoint("segment:deleteSource?accessToken=t&sourceId=s1",
                SegmentEndpoint.class);

        assertEquals(SegmentRegion.US, endpoint.getConfiguration().getRegion());
        assertEquals("https://api.segmentapis.com", endpoint.getServiceUrl());
        assertEquals("https://api.segmentapis.com/sources/s1",
                buildUri(endpoint.getConfiguration(), SegmentOperation.deleteSource));
    }

    @Test
    void publicApiUrlOverridesTheRegion() throws Exception {
        SegmentEndpoint endpoint = context.getEndpoint(
                "segment:listSchemaSettingsInSource?region=EU&publicApiUrl=https://proxy.example.com/segment/"
                + "&accessToken=t&sourceId=s1",
                SegmentEndpoint.class);

        assertEquals("https://proxy.example.com/segment/sources/s1/settings",
                buildUri(endpoint.getConfiguration(), SegmentOperation.listSchemaSettingsInSource));
    }

    private String buildUri(SegmentConfiguration configuration, SegmentOperation operation) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        Message message = new DefaultMessage(context);
        message.setHeader(SegmentConstants.OPERATION, operation.name());
        PublicApiRequestBuilder builder = new PublicApiRequestBuilder(configuration.resolvePublicApiUrl(),
                configuration.getAccessToken(), "test", mapper, configuration.secretMasker());
        return builder.build(operation, PublicApiInputs.of(message, configuration, mapper)).request().uri().toString();
    }
}
