package io.camelsegment.component.segment.http;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.camelsegment.component.segment.SegmentConstants;
import io.camelsegment.component.segment.SegmentHttpException;
import io.camelsegment.component.segment.support.TricklingServer;
import io.camelsegment.component.segment.support.WireMockSegmentTestSupport;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An attempt ends at connectTimeout + responseTimeout whatever holds it: an answer that trickles in, each piece well
 * within the response timeout, would otherwise hold the route's thread for as long as the server likes.
 */
class AttemptTimeoutTest extends WireMockSegmentTestSupport {

    /** connectTimeout + responseTimeout: 3.2 s; each byte of the answer comes within 100 ms, far within 3 s. */
    private static final String LIMITS = "&connectTimeout=200&responseTimeout=3000&maxRetries=0";

    private TricklingServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = new TricklingServer(100);
    }

    @AfterEach
    void stopServer() throws IOException {
        server.close();
    }

    @Test
    void aDirectTrackingCallEndsAtConnectPlusResponseTimeout() {
        long start = System.nanoTime();
        Exchange done = template.request("segment:track?writeKey=RAW(" + WRITE_KEY + ")&event=E&userId=u1"
                                         + "&trackingUrl=" + server.baseUrl() + "/v1" + LIMITS,
                e -> e.getMessage().setBody(Map.of("a", 1)));
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertInstanceOf(SegmentHttpException.class, done.getException(), () -> String.valueOf(done.getException()));
        assertTrue(millis >= 3000 && millis < 6000, "ended after " + millis + " ms, not at 3.2 s");
        assertTrue(done.getException().getMessage()
                .contains("no complete answer within connectTimeout + responseTimeout (3200 ms)"),
                done.getException().getMessage());
    }

    @Test
    void aPublicApiCallEndsAtConnectPlusResponseTimeout() {
        long start = System.nanoTime();
        Exchange done = template.request("segment:getDestination?accessToken=RAW(" + ACCESS_TOKEN + ")"
                                         + "&publicApiUrl=" + server.baseUrl() + LIMITS,
                e -> e.getMessage().setHeader(SegmentConstants.DESTINATION_ID, "d1"));
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertInstanceOf(SegmentHttpException.class, done.getException(), () -> String.valueOf(done.getException()));
        assertTrue(millis >= 3000 && millis < 6000, "ended after " + millis + " ms, not at 3.2 s");
    }
}
