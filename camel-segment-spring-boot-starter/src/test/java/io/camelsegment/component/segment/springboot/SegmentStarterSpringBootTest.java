package io.camelsegment.component.segment.springboot;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.camelsegment.component.segment.SegmentComponent;
import io.camelsegment.component.segment.SegmentConfiguration;
import io.camelsegment.component.segment.SegmentDeliveryMode;
import io.camelsegment.component.segment.SegmentRegion;
import io.camelsegment.test.ReceivedMessage;
import io.camelsegment.test.SegmentReceiver;
import io.camelsegment.test.SegmentReceiverExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A Spring Boot application configured only through application.properties (camel.component.segment.*) sends events
 * through its route; the test kit's receiver checks the write key and Segment's limits and records what arrived.
 */
@SpringBootTest(classes = StarterTestApplication.class)
class SegmentStarterSpringBootTest {

    /** The test kit's receiver, for the whole class; it accepts only this write key (others get 401). */
    @RegisterExtension
    static final SegmentReceiverExtension SEGMENT = SegmentReceiverExtension.withWriteKey("wk_starter_test_1f2e3d");

    @Autowired
    private CamelContext camelContext;

    @Autowired
    private ProducerTemplate template;

    /** Only where the receiver listens; application.properties refers to these two values. */
    @DynamicPropertySource
    static void receiver(DynamicPropertyRegistry registry) {
        registry.add("segment.receiver.tracking-url", () -> SEGMENT.receiver().trackingUrl());
        registry.add("segment.receiver.write-key", () -> SEGMENT.receiver().writeKey());
    }

    @Test
    void routeSendsEventsConfiguredByApplicationProperties() throws Exception {
        // batch-size = 2 and flush-interval = 30s: the two events leave together as one batch, long before 30 s.
        CompletableFuture<Exchange> first = template.asyncSend("direct:signups",
                e -> e.getMessage().setBody(Map.of("id", "user-1", "plan", "pro")));
        Exchange second = template.send("direct:signups",
                e -> e.getMessage().setBody(Map.of("id", "user-2", "plan", "free")));

        assertNull(second.getException());
        assertNull(first.get().getException());
        SegmentReceiver receiver = SEGMENT.receiver();
        List<ReceivedMessage> messages = receiver.awaitMessages(2, Duration.ofSeconds(30));
        assertEquals(2, messages.size());
        for (ReceivedMessage message : messages) {
            assertEquals("track", message.type());
            assertEquals("Signed Up", message.event()); // camel.component.segment.event
            assertTrue(message.batched(), "batching = true: sent in a /v1/batch request");
        }
        assertEquals(List.of("user-1", "user-2"), messages.stream().map(ReceivedMessage::userId).sorted().toList());
        assertEquals(List.of("pro", "free"), List.of(
                receiver.messagesOf("user-1").get(0).property("plan").asText(),
                receiver.messagesOf("user-2").get(0).property("plan").asText()));
        assertEquals(1, receiver.requests().size(), "both events in one batch request");
        receiver.assertAllRequestsAccepted();
        receiver.assertNoDuplicateMessageIds();
    }

    @Test
    void componentCarriesEveryConfiguredProperty() {
        SegmentConfiguration configuration = camelContext.getComponent("segment", SegmentComponent.class)
                .getConfiguration();

        assertEquals(SEGMENT.receiver().writeKey(), configuration.getWriteKey());
        assertEquals(SEGMENT.receiver().trackingUrl(), configuration.getTrackingUrl());
        assertEquals("Signed Up", configuration.getEvent());
        assertEquals(true, configuration.isBatching());
        assertEquals(2, configuration.getBatchSize());
        assertEquals(30_000L, configuration.getFlushInterval());  // "30s"
        assertEquals(50L, configuration.getRetryBackoffBase());   // "50ms"
        assertEquals(3, configuration.getMaxRetries());
        assertEquals(SegmentRegion.EU, configuration.getRegion());
        assertEquals(SegmentDeliveryMode.acknowledged, configuration.getDeliveryMode());
        // Unset properties leave the component's defaults alone.
        assertEquals(10, new SegmentConfiguration().getMaxRetries());
        assertEquals(new SegmentConfiguration().getConnectTimeout(), configuration.getConnectTimeout());
    }
}
