package io.camelsegment.component.segment.springboot;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelsegment.component.segment.SegmentComponent;
import io.camelsegment.component.segment.SegmentConfiguration;
import io.camelsegment.component.segment.SegmentDeliveryMode;
import io.camelsegment.component.segment.SegmentRegion;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A Spring Boot application configured only through application.properties (camel.component.segment.*) sends events
 * through its route; the local receiver checks the write key and records what arrived.
 */
@SpringBootTest(classes = StarterTestApplication.class)
class SegmentStarterSpringBootTest {

    private static final LocalTrackingReceiver RECEIVER = startReceiver();

    @Autowired
    private CamelContext camelContext;

    @Autowired
    private ProducerTemplate template;

    private static LocalTrackingReceiver startReceiver() {
        try {
            return LocalTrackingReceiver.start("wk_starter_test_1f2e3d");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Only where the receiver listens; application.properties refers to these two values. */
    @DynamicPropertySource
    static void receiver(DynamicPropertyRegistry registry) {
        registry.add("segment.receiver.tracking-url", RECEIVER::trackingUrl);
        registry.add("segment.receiver.write-key", RECEIVER::writeKey);
    }

    @AfterAll
    static void stopReceiver() {
        RECEIVER.close();
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
        List<JsonNode> messages = RECEIVER.awaitMessages(2, Duration.ofSeconds(30));
        assertEquals(2, messages.size());
        for (JsonNode message : messages) {
            assertEquals("track", message.get("type").asText());
            assertEquals("Signed Up", message.get("event").asText()); // camel.component.segment.event
        }
        assertEquals(List.of("user-1", "user-2"),
                messages.stream().map(m -> m.get("userId").asText()).sorted().toList());
    }

    @Test
    void componentCarriesEveryConfiguredProperty() {
        SegmentConfiguration configuration = camelContext.getComponent("segment", SegmentComponent.class)
                .getConfiguration();

        assertEquals(RECEIVER.writeKey(), configuration.getWriteKey());
        assertEquals(RECEIVER.trackingUrl(), configuration.getTrackingUrl());
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
        // The starter's own switch (camel.component.segment.enabled, true) never reaches updateSource's "enabled".
        assertNull(configuration.getEnabled());
    }
}
