package io.camelsegment.component.segment.tracking.buffer;

import java.time.Instant;
import java.util.concurrent.atomic.LongAdder;

/** The live counters behind {@link DeliveryStatistics}. Thread-safe; cheap on the hot path (LongAdder). */
final class DeliveryCounters {

    private final LongAdder eventsQueued = new LongAdder();
    private final LongAdder eventsSent = new LongAdder();
    private final LongAdder eventsFailed = new LongAdder();
    private final LongAdder eventsDropped = new LongAdder();
    private final LongAdder eventsRejected = new LongAdder();
    private final LongAdder retries = new LongAdder();
    private final LongAdder batchesSent = new LongAdder();
    private final LongAdder batchesFailed = new LongAdder();
    private final LongAdder bytesSent = new LongAdder();
    private volatile long eventsBuffered;
    private volatile long bytesBuffered;
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

    void batchSent(int events, int requestBytes, int retriesMade) {
        eventsSent.add(events);
        batchesSent.increment();
        bytesSent.add(requestBytes);
        retries.add(retriesMade);
    }

    void batchFailed(int events, int retriesMade, String reason) {
        eventsFailed.add(events);
        batchesFailed.increment();
        retries.add(retriesMade);
        error(reason);
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
        return new DeliveryStatistics(eventsQueued.sum(), eventsSent.sum(), eventsFailed.sum(), eventsDropped.sum(),
                eventsRejected.sum(), retries.sum(), batchesSent.sum(), batchesFailed.sum(), bytesSent.sum(), eventsBuffered,
                bytesBuffered, lastError);
    }
}
