package io.camelsegment.component.segment.tracking.buffer;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * The live counters of one buffered sender, behind {@link DeliveryStatistics}. Thread-safe; cheap on the hot path
 * (LongAdder). Written by the sender only; read through {@link #snapshot()}.
 */
final class DeliveryCounters {

    private final LongAdder eventsQueued = new LongAdder();
    private final LongAdder eventsSent = new LongAdder();
    private final LongAdder eventsFailed = new LongAdder();
    private final LongAdder eventsTimedOut = new LongAdder();
    private final LongAdder eventsDropped = new LongAdder();
    private final LongAdder eventsRejected = new LongAdder();
    private final LongAdder retries = new LongAdder();
    private final LongAdder batchesSent = new LongAdder();
    private final LongAdder batchesFailed = new LongAdder();
    private final LongAdder bytesSent = new LongAdder();
    private final AtomicInteger inFlightRequests = new AtomicInteger();
    private volatile long eventsBuffered;
    private volatile long bytesBuffered;
    private volatile long lastSuccessTime;
    private volatile String lastError;

    void queued() {
        eventsQueued.increment();
    }

    void dropped(String reason) {
        eventsDropped.increment();
        error(reason);
    }

    void rejected(String reason) {
        eventsRejected.increment();
        error(reason);
    }

    void requestStarted() {
        inFlightRequests.incrementAndGet();
    }

    void requestEnded() {
        inFlightRequests.decrementAndGet();
    }

    /** One attempt failed and the batch will be tried again. */
    void retried(String reason) {
        retries.increment();
        error(reason);
    }

    void batchSent(int events, int requestBytes) {
        eventsSent.add(events);
        batchesSent.increment();
        bytesSent.add(requestBytes);
        lastSuccessTime = System.currentTimeMillis();
    }

    void batchFailed(int events, String reason) {
        eventsFailed.add(events);
        batchesFailed.increment();
        error(reason);
    }

    /** A batch failed because a deadline (deliveryTimeout or shutdownTimeout) passed: counted as failed too. */
    void batchTimedOut(int events, String reason) {
        eventsTimedOut.add(events);
        batchFailed(events, reason);
    }

    /** Called by the buffer under its lock whenever its fill changes. */
    void buffered(long events, long bytes) {
        eventsBuffered = events;
        bytesBuffered = bytes;
    }

    private void error(String reason) {
        lastError = Instant.now() + " " + reason;
    }

    DeliveryStatistics snapshot() {
        return new DeliveryStatistics(eventsQueued.sum(), eventsSent.sum(), eventsFailed.sum(), eventsTimedOut.sum(),
                eventsDropped.sum(), eventsRejected.sum(), retries.sum(), batchesSent.sum(), batchesFailed.sum(),
                bytesSent.sum(), eventsBuffered, bytesBuffered, inFlightRequests.get(), lastSuccessTime, lastError);
    }
}
