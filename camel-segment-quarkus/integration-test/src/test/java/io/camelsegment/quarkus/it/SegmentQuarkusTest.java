package io.camelsegment.quarkus.it;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.camelsegment.component.segment.SegmentComponent;
import io.camelsegment.component.segment.SegmentConfiguration;
import io.camelsegment.component.segment.SegmentConstants;
import io.camelsegment.test.ReceivedMessage;
import io.camelsegment.test.SegmentReceiver;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The application of this module (application.properties and a YAML route, nothing else) in JVM mode, against local
 * servers standing in for Segment: the test kit's receiver for the Tracking API, WireMock for the Public API.
 */
@QuarkusTest
@QuarkusTestResource(LocalSegmentServers.class)
class SegmentQuarkusTest {

    @Inject
    CamelContext context;
    @Inject
    ProducerTemplate template;
    @ConfigProperty(name = "segment.write-key")
    String writeKey;
    @ConfigProperty(name = "segment.access-token")
    String accessToken;
    @ConfigProperty(name = "segment.tracking-url")
    String trackingUrl;
    @ConfigProperty(name = "segment.public-api-url")
    String publicApiUrl;
    @LocalSegmentServers.Receiver
    SegmentReceiver receiver;

    private WireMock publicApi;

    @BeforeEach
    void resetServers() {
        receiver.reset();
        URI uri = URI.create(publicApiUrl);
        publicApi = new WireMock(uri.getHost(), uri.getPort());
        publicApi.resetRequests();
    }

    @Test
    void theComponentIsConfiguredFromApplicationProperties() {
        SegmentComponent component = assertInstanceOf(SegmentComponent.class, context.getComponent("segment"));
        SegmentConfiguration configuration = component.getConfiguration();
        assertEquals(writeKey, configuration.getWriteKey());
        assertEquals(trackingUrl, configuration.getTrackingUrl());
        assertEquals(2, configuration.getMaxRetries());
    }

    @Test
    void theYamlRouteSendsATrackEvent() {
        template.requestBody("direct:track",
                Map.of("userId", "u-1", "event", "Signed Up", "properties", Map.of("plan", "pro")));

        // The receiver accepts only the application's write key, given as HTTP Basic auth.
        receiver.assertAllRequestsAccepted();
        ReceivedMessage event = receiver.awaitMessages(1, Duration.ofSeconds(10)).get(0);
        assertEquals("track", event.type());
        assertEquals("track", event.path());
        assertEquals("u-1", event.userId());
        assertEquals("Signed Up", event.event());
        assertEquals("pro", event.property("plan").asText());
        assertNotNull(event.messageId());
    }

    @Test
    void theYamlRouteSendsABatch() {
        template.requestBody("direct:batch", List.of(
                Map.of("type", "identify", "userId", "u-1", "traits", Map.of("email", "u1@example.com")),
                Map.of("type", "track", "userId", "u-1", "event", "Order Completed"),
                Map.of("type", "page", "userId", "u-1", "name", "Home")));

        receiver.assertAllRequestsAccepted();
        assertEquals(1, receiver.requests().size());
        List<ReceivedMessage> batch = receiver.awaitMessages(3, Duration.ofSeconds(10));
        assertEquals(List.of("identify", "track", "page"), batch.stream().map(ReceivedMessage::type).toList());
        assertTrue(batch.stream().allMatch(ReceivedMessage::batched));
    }

    @Test
    void bufferedAcknowledgedDeliveryCompletesEachExchangeOnCamelManagedThreads() throws Exception {
        int events = 40;
        List<CompletableFuture<Object>> sent = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            sent.add(template.asyncRequestBody("direct:buffered",
                    Map.of("userId", "u-" + i, "event", "Buffered", "properties", Map.of("n", i))));
        }
        for (CompletableFuture<Object> exchange : sent) {
            exchange.get(60, TimeUnit.SECONDS); // acknowledged: completes once Segment accepted its batch
        }

        // Every exchange completed only after its batch was accepted, so all events are there already.
        List<Integer> received = new ArrayList<>();
        receiver.tracks("Buffered").forEach(event -> received.add(event.property("n").asInt()));
        received.sort(null);
        assertEquals(events, received.size(), "every acknowledged event arrived: " + received);
        for (int i = 0; i < events; i++) {
            assertEquals(i, received.get(i));
        }
        receiver.assertNoDuplicateMessageIds();
        // The senders are threads of Camel's ExecutorServiceManager (named by its pattern), not threads of our own.
        assertTrue(Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .anyMatch(name -> name.matches("Camel \\(.+\\) thread #\\d+ - SegmentBatchSender")),
                "no Camel-managed SegmentBatchSender thread");
    }

    @Test
    void aPublicApiOperation() {
        Object body = template.requestBodyAndHeader("direct:destination", null,
                SegmentConstants.DESTINATION_ID, LocalSegmentServers.DESTINATION_ID);

        Map<?, ?> destination = (Map<?, ?>) assertInstanceOf(Map.class, body).get("destination");
        assertEquals("Warehouse", destination.get("name"));
        assertEquals(Boolean.TRUE, destination.get("enabled"));
        List<LoggedRequest> requests = publicApi.find(
                getRequestedFor(urlEqualTo("/destinations/" + LocalSegmentServers.DESTINATION_ID)));
        assertEquals(1, requests.size());
        assertEquals("Bearer " + accessToken, requests.get(0).getHeader("Authorization"));
    }

}
