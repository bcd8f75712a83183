package io.camelsegment.quarkus.it;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.camelsegment.component.segment.SegmentComponent;
import io.camelsegment.component.segment.SegmentConfiguration;
import io.camelsegment.component.segment.SegmentConstants;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The application of this module (application.properties and a YAML route, nothing else) in JVM mode, against local
 * servers standing in for Segment.
 */
@QuarkusTest
@QuarkusTestResource(LocalSegmentServers.class)
class SegmentQuarkusTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    CamelContext context;
    @Inject
    ProducerTemplate template;
    @ConfigProperty(name = "segment.write-key")
    String writeKey;
    @ConfigProperty(name = "segment.access-token")
    String accessToken;
    @ConfigProperty(name = "segment.public-api-url")
    String serverUrl;

    private WireMock server;

    @BeforeEach
    void resetServer() {
        URI uri = URI.create(serverUrl);
        server = new WireMock(uri.getHost(), uri.getPort());
        server.resetRequests();
    }

    @Test
    void theComponentIsConfiguredFromApplicationProperties() {
        SegmentComponent component = assertInstanceOf(SegmentComponent.class, context.getComponent("segment"));
        SegmentConfiguration configuration = component.getConfiguration();
        assertEquals(writeKey, configuration.getWriteKey());
        assertEquals(serverUrl + "/v1", configuration.getTrackingUrl());
        assertEquals(2, configuration.getMaxRetries());
    }

    @Test
    void theYamlRouteSendsATrackEvent() throws Exception {
        template.requestBody("direct:track",
                Map.of("userId", "u-1", "event", "Signed Up", "properties", Map.of("plan", "pro")));

        List<LoggedRequest> requests = server.find(postRequestedFor(urlEqualTo("/v1/track")));
        assertEquals(1, requests.size());
        assertEquals(basicAuth(writeKey), requests.get(0).getHeader("Authorization"));
        JsonNode event = JSON.readTree(requests.get(0).getBodyAsString());
        assertEquals("track", event.path("type").asText());
        assertEquals("u-1", event.path("userId").asText());
        assertEquals("Signed Up", event.path("event").asText());
        assertEquals("pro", event.path("properties").path("plan").asText());
        assertTrue(event.hasNonNull("messageId"));
    }

    @Test
    void theYamlRouteSendsABatch() throws Exception {
        template.requestBody("direct:batch", List.of(
                Map.of("type", "identify", "userId", "u-1", "traits", Map.of("email", "u1@example.com")),
                Map.of("type", "track", "userId", "u-1", "event", "Order Completed"),
                Map.of("type", "page", "userId", "u-1", "name", "Home")));

        List<LoggedRequest> requests = server.find(postRequestedFor(urlEqualTo("/v1/batch")));
        assertEquals(1, requests.size());
        JsonNode batch = JSON.readTree(requests.get(0).getBodyAsString()).path("batch");
        assertEquals(List.of("identify", "track", "page"),
                List.of(batch.get(0).path("type").asText(), batch.get(1).path("type").asText(),
                        batch.get(2).path("type").asText()));
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

        List<Integer> received = new ArrayList<>();
        for (LoggedRequest request : server.find(postRequestedFor(urlEqualTo("/v1/batch")))) {
            JSON.readTree(request.getBodyAsString()).path("batch")
                    .forEach(event -> received.add(event.path("properties").path("n").asInt()));
        }
        received.sort(null);
        assertEquals(events, received.size(), "every acknowledged event arrived once: " + received);
        for (int i = 0; i < events; i++) {
            assertEquals(i, received.get(i));
        }
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
        List<LoggedRequest> requests = server.find(
                getRequestedFor(urlEqualTo("/destinations/" + LocalSegmentServers.DESTINATION_ID)));
        assertEquals(1, requests.size());
        assertEquals("Bearer " + accessToken, requests.get(0).getHeader("Authorization"));
    }

    private static String basicAuth(String key) {
        return "Basic " + Base64.getEncoder().encodeToString((key + ":").getBytes(StandardCharsets.UTF_8));
    }
}
