package io.camelsegment.kamelets;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.camelsegment.component.segment.SegmentComponent;
import io.camelsegment.component.segment.SegmentConfiguration;
import io.camelsegment.component.segment.SegmentValidationException;
import io.camelsegment.test.ReceivedMessage;
import io.camelsegment.test.SegmentReceiver;
import io.camelsegment.test.SegmentReceiverExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Endpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * segment-sink loaded by camel-kamelet from kamelets/segment-sink.kamelet.yaml, used by YAML DSL routes, sending to
 * the test kit's receiver.
 */
class SegmentSinkKameletTest extends CamelTestSupport {

    private static final String WRITE_KEY = "kamelet-wk-S3cr3t+key";

    @RegisterExtension
    static SegmentReceiverExtension segment = SegmentReceiverExtension.withWriteKey(WRITE_KEY);

    @Override
    protected Properties useOverridePropertiesWithPropertiesComponent() {
        Properties properties = new Properties();
        properties.put("segment.write-key", WRITE_KEY);
        properties.put("segment.tracking-url", segment.receiver().trackingUrl());
        return properties;
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        // Only the component's trackingUrl: the write key must come through the Kamelet's writeKey property.
        segment.receiver().configure(context);
        SegmentConfiguration configuration = context.getComponent("segment", SegmentComponent.class).getConfiguration();
        configuration.setWriteKey(null);
        configuration.setMaxRetries(1);          // a failure shows in seconds, not after Segment's ten retries
        configuration.setRetryBackoffBase(10);
        KameletRoutes.load(context, "routes/segment-sink-routes.camel.yaml");
        return context;
    }

    @Test
    void sendsEachMessageAsTheConfiguredOperation(SegmentReceiver receiver) {
        template.sendBody("direct:signups", "{\"userId\":\"u-1\",\"traits\":{\"plan\":\"pro\"}}");

        ReceivedMessage identify = receiver.awaitMessages(1, Duration.ofSeconds(10)).get(0);
        assertEquals("identify", identify.type());
        assertEquals("u-1", identify.userId());
        assertEquals("pro", identify.trait("plan").asText());
        receiver.assertAllRequestsAccepted(); // the write key arrived as Basic auth
    }

    @Test
    void fillsInTheDefaultsAMessageLacks(SegmentReceiver receiver) {
        template.sendBody("direct:orders", Map.of("total", 25));
        template.sendBody("direct:orders", "{\"userId\":\"u-2\",\"event\":\"Order Refunded\"}");

        List<ReceivedMessage> events = receiver.awaitMessages(2, Duration.ofSeconds(10));
        assertEquals("Order Completed", events.get(0).event());
        assertEquals("guest", events.get(0).userId());
        assertEquals(25, events.get(0).property("total").asInt(), "a body without message fields is the properties");
        assertEquals("Order Refunded", events.get(1).event(), "the message's own fields win");
        assertEquals("u-2", events.get(1).userId());
    }

    @Test
    void usesTheComponentsTrackingUrlWhenTheKameletSetsNone(SegmentReceiver receiver) {
        template.sendBody("direct:pageviews", "{\"anonymousId\":\"a-1\"}");

        ReceivedMessage page = receiver.awaitMessages(1, Duration.ofSeconds(10)).get(0);
        assertEquals("page", page.type());
        assertEquals("Home", page.name());
        assertEquals("a-1", page.anonymousId());
    }

    @Test
    void sendsAListAsOneBatch(SegmentReceiver receiver) {
        template.sendBody("direct:exports", List.of(
                Map.of("type", "track", "userId", "u-3", "event", "Signed Up"),
                Map.of("type", "identify", "userId", "u-3", "traits", Map.of("email", "u3@example.com"))));

        receiver.awaitMessages(2, Duration.ofSeconds(10));
        assertEquals(Map.of("identify", 1L, "track", 1L), receiver.messageCountsByType());
        assertEquals(1, receiver.requests().size());
        assertEquals("batch", receiver.requests().get(0).path());
    }

    @Test
    void anInvalidMessageFailsItsExchangeWithTheReason(SegmentReceiver receiver) {
        CamelExecutionException failure = assertThrows(CamelExecutionException.class,
                () -> template.sendBody("direct:signups", "{\"traits\":{\"plan\":\"pro\"}}"));

        assertInstanceOf(SegmentValidationException.class, failure.getCause());
        assertTrue(failure.getCause().getMessage().contains("userId"), failure.getCause().getMessage());
        assertTrue(receiver.requests().isEmpty());
    }

    /** As Camel prints endpoints (toString, logs, route dumps): masked. getEndpointUri() itself stays raw. */
    @Test
    void theWriteKeyIsMaskedWhereCamelPrintsEndpoints(SegmentReceiver receiver) {
        template.sendBody("direct:signups", "{\"userId\":\"u-4\"}");
        receiver.awaitMessages(1, Duration.ofSeconds(10));

        List<String> printed = context.getEndpoints().stream().map(Endpoint::toString).toList();
        assertTrue(printed.stream().anyMatch(uri -> uri.startsWith("kamelet:segment-sink")), printed.toString());
        assertTrue(printed.stream().anyMatch(uri -> uri.startsWith("segment://identify")), printed.toString());
        printed.forEach(uri -> assertFalse(uri.contains("S3cr3t"), uri));
    }
}
