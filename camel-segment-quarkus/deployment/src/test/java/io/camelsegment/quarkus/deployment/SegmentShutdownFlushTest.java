package io.camelsegment.quarkus.deployment;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.QuarkusUnitTest;
import jakarta.inject.Inject;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Stopping a Quarkus application delivers the events its buffered senders still hold, within shutdownTimeout: the
 * events are queued behind a flush interval far longer than the test, and the check runs once the application has
 * stopped. (The checks before and after the stop run in different class loaders, hence system properties.)
 */
class SegmentShutdownFlushTest {

    private static final int EVENTS = 25;
    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(20);
    private static final String URL_PROPERTY = "segment.shutdown-test.url";
    private static final String STOP_REQUESTED_PROPERTY = "segment.shutdown-test.stop-requested-nanos";

    private static WireMockServer receiver;

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withEmptyApplication()
            .setBeforeAllCustomizer(SegmentShutdownFlushTest::startReceiver)
            .overrideConfigKey("camel.component.segment.write-key", "shutdown-test-key")
            .overrideConfigKey("camel.component.segment.tracking-url", "${" + URL_PROPERTY + "}/v1")
            .setAfterUndeployListener(SegmentShutdownFlushTest::everyQueuedEventWasDeliveredInTime);

    @Inject
    ProducerTemplate template;

    private static void startReceiver() {
        receiver = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        receiver.start();
        receiver.stubFor(post(urlEqualTo("/v1/batch")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"success\":true}")));
        System.setProperty(URL_PROPERTY, receiver.baseUrl());
    }

    @Test
    void eventsWaitInTheBufferWhileTheApplicationRuns() {
        String uri = "segment:track?batching=true&deliveryMode=fireAndForget&flushInterval=600000&deliveryTimeout=1200000"
                + "&shutdownTimeout=" + SHUTDOWN_TIMEOUT.toMillis();
        for (int i = 0; i < EVENTS; i++) {
            template.sendBody(uri, "{\"userId\":\"u-" + i + "\",\"event\":\"Queued\",\"properties\":{\"n\":" + i + "}}");
        }
        String url = System.getProperty(URL_PROPERTY);
        WireMock client = new WireMock(url.substring(url.indexOf("//") + 2, url.lastIndexOf(':')),
                Integer.parseInt(url.substring(url.lastIndexOf(':') + 1)));
        assertEquals(0, client.find(postRequestedFor(urlEqualTo("/v1/batch"))).size(),
                "nothing is sent before the flush interval or the stop");
        System.setProperty(STOP_REQUESTED_PROPERTY, Long.toString(System.nanoTime()));
    }

    private static void everyQueuedEventWasDeliveredInTime() {
        try {
            Duration stopping = Duration.ofNanos(System.nanoTime()
                    - Long.parseLong(System.getProperty(STOP_REQUESTED_PROPERTY)));
            List<Integer> delivered = new ArrayList<>();
            ObjectMapper json = new ObjectMapper();
            for (LoggedRequest request : receiver.findAll(postRequestedFor(urlEqualTo("/v1/batch")))) {
                json.readTree(request.getBodyAsString()).path("batch")
                        .forEach(event -> delivered.add(event.path("properties").path("n").asInt()));
            }
            delivered.sort(null);
            assertEquals(EVENTS, delivered.size(), "delivered at stop: " + delivered);
            for (int i = 0; i < EVENTS; i++) {
                assertEquals(i, delivered.get(i));
            }
            assertTrue(stopping.compareTo(SHUTDOWN_TIMEOUT) < 0, "the stop took " + stopping);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        } finally {
            receiver.stop();
            System.clearProperty(URL_PROPERTY);
            System.clearProperty(STOP_REQUESTED_PROPERTY);
        }
    }
}
