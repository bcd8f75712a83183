package io.camelsegment.component.segment.tracking.buffer;

import java.util.concurrent.TimeUnit;

import io.camelsegment.component.segment.SegmentDeliveryTimeoutException;
import io.camelsegment.component.segment.SegmentHttpException;
import io.camelsegment.component.segment.monitor.DeliveryStatistics;
import io.camelsegment.component.segment.support.BufferedDeliveryTestSupport;
import org.apache.camel.AsyncProducer;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * deliveryTimeout bounds the time from accepting an event to settling it, whatever the retries and Retry-After waits:
 * at the deadline the exchange fails with an exception that names it, and Camel's error handling takes over.
 */
class DeliveryTimeoutTest extends BufferedDeliveryTestSupport {

    private static final long TIMEOUT = 1500;

    @Test
    void aBatchAnswered503FailsAtTheDeadlineNotLater() throws Exception {
        sink.script(503, "", Integer.MAX_VALUE);
        String uri = "segment:track?batching=true&deliveryTimeout=" + TIMEOUT + "&maxRetries=1000"
                     + "&retryBackoffBase=50&retryBackoffMax=200";
        AsyncProducer producer = producer(uri);
        long start = System.nanoTime();
        Exchange done = track(producer, "late-1").get(30, TimeUnit.SECONDS);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        SegmentDeliveryTimeoutException error
                = assertInstanceOf(SegmentDeliveryTimeoutException.class, done.getException());
        assertEquals("deliveryTimeout", error.getDeadline());
        assertTrue(error.getMessage().contains("not delivered within deliveryTimeout=1500 ms"), error.getMessage());
        assertTrue(error.getMessage().contains("HTTP 503"), "names the last error: " + error.getMessage());
        assertInstanceOf(SegmentHttpException.class, error.getCause());
        assertTrue(millis >= TIMEOUT - 50, "failed after " + millis + " ms, before the deadline");
        assertTrue(millis < TIMEOUT + 2000, "failed after " + millis + " ms, well past the deadline");
        assertTrue(sink.attempts() > 3, "retried until the deadline: " + sink.attempts() + " attempts");
        DeliveryStatistics stats = statistics(uri);
        assertEquals(1, stats.eventsTimedOut());
        assertEquals(1, stats.eventsFailed());
        assertEquals(0, stats.eventsBuffered());
    }

    @Test
    void aRetryAfterBeyondTheDeadlineDoesNotExtendIt() throws Exception {
        sink.script(503, "Retry-After: 60\r\n", 1);
        String uri = "segment:track?batching=true&deliveryTimeout=" + TIMEOUT + "&maxRetryAfter=300000";
        AsyncProducer producer = producer(uri);
        long start = System.nanoTime();
        Exchange done = track(producer, "after-1").get(30, TimeUnit.SECONDS);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertInstanceOf(SegmentDeliveryTimeoutException.class, done.getException());
        assertTrue(millis < TIMEOUT + 2000, "failed after " + millis + " ms, not after the 60 s asked for");
        assertEquals(1, sink.attempts(), "no attempt before the server's Retry-After");
    }

    @Test
    void deliveryTimeoutMustCoverTheLinger() {
        Exception error = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
                () -> context.getEndpoint("segment:track?batching=true&flushInterval=1000&deliveryTimeout=500"));
        assertTrue(error.getMessage().contains("deliveryTimeout must be longer than flushInterval"),
                error.getMessage());
    }
}
