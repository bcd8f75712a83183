package io.camelsegment.component.segment.tracking.buffer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import io.camelsegment.component.segment.tracking.EncodedEvent;
import io.camelsegment.component.segment.tracking.TrackingBatch;

/**
 * A {@link TrackingBatch} on its way through the buffered sender, with the write key it goes out with and, in
 * acknowledged mode, one completion per event (in fireAndForget mode nothing per event but the encoded bytes). Filled
 * under the accumulator's lock, then handed to one sender. Settled exactly once: delivered, failed, or failed at the
 * shutdown deadline, whichever comes first.
 */
final class PendingBatch {

    private final String writeKey;
    private final TrackingBatch batch;
    private final List<EventCompletion> completions;
    private final long createdNanos;
    private final AtomicBoolean settled = new AtomicBoolean();
    private long eventBytes;

    PendingBatch(String writeKey, BatchingSettings settings, long createdNanos) {
        this.writeKey = writeKey;
        this.batch = new TrackingBatch(settings.batchSize(), settings.maxBatchBytes());
        this.completions = settings.acknowledged() ? new ArrayList<>() : null;
        this.createdNanos = createdNanos;
    }

    /** Adds the event if it fits under the batch's count and byte limits. */
    boolean tryAdd(EncodedEvent event, EventCompletion completion) {
        if (!batch.tryAdd(event)) {
            return false;
        }
        eventBytes += event.size();
        if (completions != null) {
            completions.add(completion);
        }
        return true;
    }

    boolean isFull() {
        return batch.isFull();
    }

    String writeKey() {
        return writeKey;
    }

    TrackingBatch batch() {
        return batch;
    }

    int count() {
        return batch.count();
    }

    /** Encoded bytes of its events (what the buffer accounts for). */
    long eventBytes() {
        return eventBytes;
    }

    long createdNanos() {
        return createdNanos;
    }

    /** The per-event completions (acknowledged mode), or an empty list. */
    List<EventCompletion> completions() {
        return completions != null ? completions : List.of();
    }

    /** True for the first caller only: the one that settles the batch. */
    boolean settle() {
        return settled.compareAndSet(false, true);
    }
}
