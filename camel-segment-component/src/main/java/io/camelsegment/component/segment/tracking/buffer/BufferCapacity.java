package io.camelsegment.component.segment.tracking.buffer;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import io.camelsegment.component.segment.SegmentBufferFullException;
import io.camelsegment.component.segment.SegmentException;
import io.camelsegment.component.segment.SegmentOverflowPolicy;
import io.camelsegment.component.segment.monitor.DeliveryMonitor;

/**
 * The bound on what a buffered sender holds (queued and in flight), by events and by encoded bytes, like Kafka's
 * buffer.memory: room is taken before an event is queued and given back when its batch is settled. When full, the
 * overflow policy decides: wait up to maxBlockTime, fail at once, or drop the new event.
 */
final class BufferCapacity {

    private final int maxEvents;
    private final long maxBytes;
    private final SegmentOverflowPolicy policy;
    private final long maxBlockNanos;
    private final DeliveryMonitor counters;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition released = lock.newCondition();
    private long events;
    private long bytes;
    private boolean closed;

    BufferCapacity(BatchingSettings settings, DeliveryMonitor counters) {
        this.maxEvents = settings.bufferMaxEvents();
        this.maxBytes = settings.bufferMaxBytes();
        this.policy = settings.overflowPolicy();
        this.maxBlockNanos = TimeUnit.MILLISECONDS.toNanos(settings.maxBlockTime());
        this.counters = counters;
        counters.bufferLimits(maxEvents, maxBytes);
    }

    /**
     * Takes room for one event of this size.
     *
     * @return true when taken, false when the event must be dropped (overflowPolicy=dropNewest)
     * @throws SegmentBufferFullException when full and the policy is fail, or block and no room came in time
     * @throws SegmentException           when the sender is stopping
     */
    boolean acquire(int eventBytes) throws SegmentException {
        lock.lock();
        try {
            long remaining = maxBlockNanos;
            while (true) {
                if (closed) {
                    throw new SegmentException("Segment buffered sender is stopping: event not accepted");
                }
                if (events + 1 <= maxEvents && bytes + eventBytes <= maxBytes) {
                    events++;
                    bytes += eventBytes;
                    counters.buffered(events, bytes);
                    return true;
                }
                counters.noRoom();
                if (policy == SegmentOverflowPolicy.dropNewest) {
                    return false;
                }
                if (policy == SegmentOverflowPolicy.fail || remaining <= 0) {
                    throw full(eventBytes);
                }
                try {
                    remaining = released.awaitNanos(remaining);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SegmentException("Interrupted while waiting for room in the Segment buffer", e);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Gives back the room of settled events. */
    void release(int releasedEvents, long releasedBytes) {
        lock.lock();
        try {
            events -= releasedEvents;
            bytes -= releasedBytes;
            counters.buffered(events, bytes);
            released.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Refuses new events from now on and wakes the blocked callers (they fail). */
    void close() {
        lock.lock();
        try {
            closed = true;
            released.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Which limit is in the way, with the numbers (called under the lock). */
    private SegmentBufferFullException full(int eventBytes) {
        String waited = policy == SegmentOverflowPolicy.block
                ? " after waiting " + TimeUnit.NANOSECONDS.toMillis(maxBlockNanos) + " ms (maxBlockTime)"
                : " (overflowPolicy=fail)";
        if (events + 1 > maxEvents) {
            return new SegmentBufferFullException("Segment buffer full: " + events + " events buffered, the limit is "
                                                  + "bufferMaxEvents=" + maxEvents + waited, "bufferMaxEvents");
        }
        return new SegmentBufferFullException("Segment buffer full: " + bytes + " bytes buffered and the event needs "
                                              + eventBytes + ", the limit is bufferMaxBytes=" + maxBytes + waited,
                "bufferMaxBytes");
    }
}
