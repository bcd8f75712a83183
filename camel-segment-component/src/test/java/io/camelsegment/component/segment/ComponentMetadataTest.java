package io.camelsegment.component.segment;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.catalog.DefaultCamelCatalog;
import org.apache.camel.catalog.EndpointValidationResult;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The generated metadata validates URIs in Camel's catalog; endpoints copy and override the component's options. */
class ComponentMetadataTest extends CamelTestSupport {

    static String componentJson() throws Exception {
        try (InputStream in = SegmentComponent.class.getResourceAsStream(
                "/META-INF/io/camelsegment/component/segment/segment.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static DefaultCamelCatalog catalog() throws Exception {
        DefaultCamelCatalog catalog = new DefaultCamelCatalog();
        catalog.addComponent("segment", SegmentComponent.class.getName(), componentJson());
        return catalog;
    }

    @Test
    void catalogAcceptsValidUris() throws Exception {
        DefaultCamelCatalog catalog = catalog();
        for (String uri : new String[] {
                "segment:track?writeKey=abc&event=Signed Up&userId=u1",
                "segment:batch?batchSize=100&maxBatchBytes=200000&region=EU",
                "segment:identify?maxRetries=3&retryBackoffBase=200&connectTimeout=5000" }) {
            EndpointValidationResult result = catalog.validateEndpointProperties(uri);
            assertTrue(result.isSuccess(), () -> uri + ": " + result.summaryErrorMessage(false));
        }
    }

    @Test
    void catalogReportsUnknownOptionsAndBadValues() throws Exception {
        DefaultCamelCatalog catalog = catalog();

        EndpointValidationResult unknown = catalog.validateEndpointProperties("segment:track?timout=5");
        assertTrue(unknown.getUnknown() != null && unknown.getUnknown().contains("timout"), unknown.toString());

        EndpointValidationResult badRegion = catalog.validateEndpointProperties("segment:track?region=ASIA");
        assertTrue(badRegion.getInvalidEnum() != null && badRegion.getInvalidEnum().containsKey("region"),
                badRegion.summaryErrorMessage(false));

        EndpointValidationResult badOperation = catalog.validateEndpointProperties("segment:trak");
        assertTrue(badOperation.getInvalidEnum() != null && badOperation.getInvalidEnum().containsKey("operation"),
                badOperation.summaryErrorMessage(false));

        EndpointValidationResult badNumber = catalog.validateEndpointProperties("segment:batch?batchSize=lots");
        assertTrue(badNumber.getInvalidInteger() != null && badNumber.getInvalidInteger().containsKey("batchSize"),
                badNumber.summaryErrorMessage(false));
    }

    @Test
    void unknownOperationFailsEndpointCreationListingValidOnes() {
        ResolveEndpointFailedException e = assertThrows(ResolveEndpointFailedException.class,
                () -> context.getEndpoint("segment:trak"));
        String message = e.getMessage() + " / " + e.getCause();
        assertTrue(message.contains("Unknown Segment operation 'trak'"), message);
        assertTrue(message.contains("identify, track, page, screen, group, alias, batch, addLabelsToSource"), message);
    }

    @Test
    void unknownOptionFailsEndpointCreation() {
        ResolveEndpointFailedException e = assertThrows(ResolveEndpointFailedException.class,
                () -> context.getEndpoint("segment:track?timout=5"));
        assertTrue(e.getMessage().contains("timout"), e.getMessage());
    }

    @Test
    void inconsistentOptionsFailEndpointCreation() {
        assertTrue(assertThrows(ResolveEndpointFailedException.class,
                () -> context.getEndpoint("segment:batch?batchSize=3000")).getCause().getMessage()
                .contains("batchSize must be between 1 and 2500"));
        assertTrue(assertThrows(ResolveEndpointFailedException.class,
                () -> context.getEndpoint("segment:batch?maxBatchBytes=1000")).getCause().getMessage()
                .contains("maxBatchBytes"));
        assertTrue(assertThrows(ResolveEndpointFailedException.class,
                () -> context.getEndpoint("segment:getDestination?batching=true")).getCause().getMessage()
                .contains("batching=true applies to"));
    }

    @Test
    void endpointsCopyTheComponentConfigurationAndOverrideItPerUri() {
        SegmentComponent component = context.getComponent("segment", SegmentComponent.class);
        component.getConfiguration().setWriteKey("wk_component");
        component.getConfiguration().setEvent("Component Event");
        component.getConfiguration().setMaxRetries(7);
        component.getConfiguration().setRegion(SegmentRegion.EU);

        SegmentEndpoint plain = context.getEndpoint("segment:track", SegmentEndpoint.class);
        SegmentEndpoint overriding = context.getEndpoint(
                "segment:track?event=Uri Event&maxRetries=1&writeKey=wk_uri&trackingUrl=http://127.0.0.1:1/v1",
                SegmentEndpoint.class);

        assertEquals("wk_component", plain.getConfiguration().getWriteKey());
        assertEquals("Component Event", plain.getConfiguration().getEvent());
        assertEquals(7, plain.getConfiguration().getMaxRetries());
        assertEquals("https://events.eu1.segmentapis.com/v1", plain.getServiceUrl());

        assertEquals("wk_uri", overriding.getConfiguration().getWriteKey());
        assertEquals("Uri Event", overriding.getConfiguration().getEvent());
        assertEquals(1, overriding.getConfiguration().getMaxRetries());
        assertEquals("http://127.0.0.1:1/v1", overriding.getServiceUrl());

        // the component's defaults are untouched by the URI options
        assertEquals("wk_component", component.getConfiguration().getWriteKey());
        assertEquals("Component Event", component.getConfiguration().getEvent());
        assertEquals(7, component.getConfiguration().getMaxRetries());
        assertEquals(null, component.getConfiguration().getTrackingUrl());
        assertNotSame(component.getConfiguration(), plain.getConfiguration());
    }

    @Test
    void regionsPickTheTrackingHost() {
        assertEquals("https://api.segment.io/v1",
                context.getEndpoint("segment:track", SegmentEndpoint.class).getServiceUrl());
        assertEquals("https://events.eu1.segmentapis.com/v1",
                context.getEndpoint("segment:identify?region=EU", SegmentEndpoint.class).getServiceUrl());
    }
}
