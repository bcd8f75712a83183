package io.camelsegment.component.segment.tracking.buffer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.camelsegment.component.segment.support.BufferedDeliveryTestSupport;
import org.apache.camel.AsyncProducer;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Retries do not park a sender thread: a 429 with Retry-After pauses the whole sender (every thread), other batches go
 * after the pause; a 5xx backs off only its own batch while the others keep going.
 */
class RetryWithoutParkingTest extends BufferedDeliveryTestSupport {

    @Test
    void a429WithRetryAfterPausesTheWholeSender() throws Exception {
        sink.script(429, "Retry-After: 2\r\n", 1);
        String uri = "segment:track?batching=true&maxInFlightRequests=4&maxRetryAfter=10000";
        AsyncProducer producer = producer(uri);
        CompletableFuture<Exchange> throttled = track(producer, "throttled-0");
        await(() -> sink.attempts() == 1, 5000, "the first request, answered 429");
        long answered429 = sink.attemptTimes().get(0);
        // wait until the sender got the 429 before offering more, so they meet the pause
        await(() -> statistics(uri).retries() == 1, 5000, "the 429 counted as a retry");
        List<CompletableFuture<Exchange>> others = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            others.add(track(producer, "other-" + i));
            Thread.sleep(5);
        }
        assertNull(throttled.get(20, TimeUnit.SECONDS).getException());
        CompletableFuture.allOf(others.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);
        others.forEach(f -> assertNull(f.join().getException()));

        List<Long> times = sink.attemptTimes();
        for (int i = 1; i < times.size(); i++) {
            long after = TimeUnit.NANOSECONDS.toMillis(times.get(i) - answered429);
            assertTrue(after >= 1950, "request " + i + " went " + after + " ms after the 429 asked for 2 s");
        }
        assertEquals(31, sink.arrivals().size());
    }

    @Test
    void a5xxBacksOffItsOwnBatchWhileOthersGo() throws Exception {
        sink.script(500, "", 1);
        String uri = "segment:track?batching=true&maxInFlightRequests=1&retryBackoffBase=3000&retryBackoffMax=3000";
        AsyncProducer producer = producer(uri);
        CompletableFuture<Exchange> failedOnce = track(producer, "backoff-0");
        await(() -> statistics(uri).retries() == 1, 5000, "the 500, to be retried in 1.5 to 3 s");
        // one sender thread: if the backoff slept on it, nothing else could go before the retry
        for (int i = 1; i <= 5; i++) {
            assertNull(track(producer, "free-" + i).get(20, TimeUnit.SECONDS).getException());
        }
        assertNull(failedOnce.get(20, TimeUnit.SECONDS).getException());
        assertEquals(6, sink.arrivals().size());
        assertTrue(sink.processed().get(sink.processed().size() - 1).messageIds().contains("backoff-0"),
                "the backed-off batch went last: " + sink.processed());
    }
}
