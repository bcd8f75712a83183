package io.camelsegment.test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.camelsegment.component.segment.SegmentConstants;
import io.camelsegment.component.segment.SegmentHttpException;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A user's test of a user's route, as docs/testing.md shows it: CamelTestSupport plus the extension. */
class OrderEventsRouteTest extends CamelTestSupport {

    @RegisterExtension
    static SegmentReceiverExtension segment = new SegmentReceiverExtension();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        segment.configure(context);                     // trackingUrl and write key of the receiver
        return context;
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                onException(SegmentHttpException.class).handled(true).to("mock:segment-failed");

                from("direct:orders")
                        .setHeader(SegmentConstants.USER_ID, simple("${body[customerId]}"))
                        .setHeader(SegmentConstants.EVENT, constant("Order Completed"))
                        .to("segment:track?retryBackoffBase=50&retryBackoffMax=200");
            }
        };
    }

    @Test
    void sendsAnOrderCompletedEventPerOrder() {
        template.sendBody("direct:orders", Map.of("customerId", "c-42", "total", 99.5));

        ReceivedMessage event = segment.receiver().awaitTracks("Order Completed", 1, Duration.ofSeconds(10)).get(0);
        assertEquals("c-42", event.userId());
        assertEquals(99.5, event.property("total").asDouble());
        assertEquals("camel-segment", event.text("/context/library/name"));
    }

    @Test
    void retriesWithTheSameMessageIdWhenSegmentIsUnavailable(SegmentReceiver receiver) {
        receiver.failNext(2, 503);

        template.sendBody("direct:orders", Map.of("customerId", "c-7"));

        assertEquals(1, receiver.awaitMessages(1, Duration.ofSeconds(10)).size());
        List<ReceivedRequest> requests = receiver.requests();
        assertEquals(List.of(503, 503, 200), requests.stream().map(ReceivedRequest::status).toList());
        assertEquals(List.of(0, 1, 2), requests.stream().map(ReceivedRequest::retryCount).toList());
    }

    @Test
    void aRetryAfterAnAnswerLostResendsTheSameMessageIdForSegmentToDeduplicate(SegmentReceiver receiver) {
        receiver.recordThenFailNext(1, 500);

        template.sendBody("direct:orders", Map.of("customerId", "c-8"));

        receiver.awaitMessages(2, Duration.ofSeconds(10));
        assertEquals(1, receiver.duplicateMessageIds().size(), receiver.duplicateMessageIds().toString());
    }

    @Test
    void aRefusedEventGoesToTheRoutesErrorHandler(SegmentReceiver receiver) throws Exception {
        MockEndpoint failed = getMockEndpoint("mock:segment-failed");
        failed.expectedMessageCount(1);
        receiver.failNext(1, 400);

        template.sendBody("direct:orders", Map.of("customerId", "c-9"));

        failed.assertIsSatisfied();
        SegmentHttpException error = failed.getExchanges().get(0)
                .getProperty(org.apache.camel.Exchange.EXCEPTION_CAUGHT, SegmentHttpException.class);
        assertEquals(400, error.getStatusCode());
        assertTrue(receiver.messages().isEmpty());
        assertEquals(1, receiver.requests().size(), "400 is not retried");
    }

    @Test
    void aResetConnectionIsRetried(SegmentReceiver receiver) {
        receiver.resetNext(1);

        template.sendBody("direct:orders", Map.of("customerId", "c-10"));

        assertEquals("c-10", receiver.awaitMessages(1, Duration.ofSeconds(10)).get(0).userId());
        assertEquals(List.of(0, 200), receiver.requests().stream().map(ReceivedRequest::status).toList());
    }
}
