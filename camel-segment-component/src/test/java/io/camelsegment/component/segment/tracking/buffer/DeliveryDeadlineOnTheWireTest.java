package io.camelsegment.component.segment.tracking.buffer;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.camelsegment.component.segment.SegmentConstants;
import io.camelsegment.component.segment.SegmentDeliveryTimeoutException;
import io.camelsegment.component.segment.SegmentEndpoint;
import io.camelsegment.component.segment.support.TricklingServer;
import io.camelsegment.component.segment.support.WireMockSegmentTestSupport;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * deliveryTimeout bounds a request that is on the wire too, whatever step holds it: an answer that trickles in (each
 * read well within the response timeout), or the wait for a pooled connection that other requests hold.
 */
class DeliveryDeadlineOnTheWireTest extends WireMockSegmentTestSupport {

    private static final long TIMEOUT = 1500;
    private static final String KEY = "writeKey=RAW(" + WRITE_KEY + ")";

    /** Answers 200 one byte every 100 ms: no read waits long, the whole answer takes 22 s. */
    private TricklingServer trickling;

    @BeforeEach
    void startTrickling() throws IOException {
        trickling = new TricklingServer(100);
    }

    @AfterEach
    void stopTrickling() throws IOException {
        trickling.close();
    }

    private String trickled() {
        return "&trackingUrl=" + trickling.baseUrl() + "/v1";
    }

    @Test
    void anAnswerThatTricklesInFailsTheExchangeAtTheDeadline() {
        long start = System.nanoTime();
        Exchange done = template.request("segment:track?" + KEY + "&batching=true&deliveryTimeout=" + TIMEOUT
                                         + trickled(), e -> track(e, "trickled-1"));
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        SegmentDeliveryTimeoutException error = assertInstanceOf(SegmentDeliveryTimeoutException.class,
                done.getException(), () -> String.valueOf(done.getException()));
        assertEquals("deliveryTimeout", error.getDeadline());
        assertTrue(millis >= TIMEOUT - 50 && millis < TIMEOUT + 1500, "settled after " + millis + " ms");
    }

    @Test
    void flushReturnsByTheDeadlineOfABatchOnTheWire() throws Exception {
        String uri = "segment:track?" + KEY + "&batching=true&callerRunsWhenIdle=false&deliveryTimeout=" + TIMEOUT
                     + trickled();
        CompletableFuture<Exchange> sent = template.asyncSend(uri, e -> track(e, "flushed-1"));
        long start = System.nanoTime();
        while (trickling.requests() == 0 && System.nanoTime() - start < 5_000_000_000L) {
            Thread.sleep(10);
        }

        context.getEndpoint(uri, SegmentEndpoint.class).flush();
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertTrue(millis < TIMEOUT + 1500, "flush returned after " + millis + " ms");
        assertInstanceOf(SegmentDeliveryTimeoutException.class, sent.get(5, TimeUnit.SECONDS).getException());
    }

    @Test
    void theWaitForAPooledConnectionEndsAtTheDeadline() throws Exception {
        wireMock.stubFor(post(urlEqualTo("/v1/track")).willReturn(aResponse().withStatus(200)
                .withBody("{\"success\":true}").withFixedDelay(5000)));
        // Direct sending on the same pool (same maxConnections) holds both connections for 5 s.
        String direct = "segment:track?" + KEY + "&maxConnections=2";
        CompletableFuture<Exchange> first = template.asyncSend(direct, e -> track(e, "direct-1"));
        CompletableFuture<Exchange> second = template.asyncSend(direct, e -> track(e, "direct-2"));
        long waitStart = System.nanoTime();
        while (wireMock.getAllServeEvents().size() < 2 && System.nanoTime() - waitStart < 5_000_000_000L) {
            Thread.sleep(10);
        }

        long start = System.nanoTime();
        Exchange done = template.request("segment:track?" + KEY + "&maxConnections=2&maxInFlightRequests=2"
                                         + "&batching=true&deliveryTimeout="
                                         + TIMEOUT, e -> track(e, "pooled-1"));
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertInstanceOf(SegmentDeliveryTimeoutException.class, done.getException(),
                () -> String.valueOf(done.getException()));
        assertTrue(millis < TIMEOUT + 1500, "settled after " + millis + " ms");
        first.get(30, TimeUnit.SECONDS);
        second.get(30, TimeUnit.SECONDS);
    }

    @Test
    void aStopEndsARequestStillOnTheWireWithinCamelsShutdownTimeout() throws Exception {
        context.getShutdownStrategy().setTimeout(4); // seconds: the sender's deadline is 3 s, the answers get 1 s
        String uri = "segment:track?" + KEY + "&batching=true&callerRunsWhenIdle=false&deliveryTimeout=60000"
                     + trickled();
        CompletableFuture<Exchange> sent = template.asyncSend(uri, e -> track(e, "stopped-1"));
        long waitStart = System.nanoTime();
        while (trickling.requests() == 0 && System.nanoTime() - waitStart < 5_000_000_000L) {
            Thread.sleep(10);
        }

        long start = System.nanoTime();
        context.stop();
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertTrue(millis < 4800, "stopped after " + millis + " ms");
        Exchange done = sent.get(5, TimeUnit.SECONDS);
        SegmentDeliveryTimeoutException error = assertInstanceOf(SegmentDeliveryTimeoutException.class,
                done.getException(), () -> String.valueOf(done.getException()));
        assertEquals("shutdownTimeout", error.getDeadline());
    }

    private static void track(Exchange e, String messageId) {
        e.getMessage().setHeader(SegmentConstants.USER_ID, "u1");
        e.getMessage().setHeader(SegmentConstants.EVENT, "E");
        e.getMessage().setHeader(SegmentConstants.MESSAGE_ID, messageId);
        e.getMessage().setBody(Map.of("a", 1));
    }
}
