package io.camelsegment.component.segment.tracking.buffer;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import io.camelsegment.component.segment.SegmentException;
import io.camelsegment.component.segment.tracking.EncodedEvent;

/**
 * Packs events into batches, one open batch per write key (events of different write keys never share a request),
 * like Kafka's RecordAccumulator. A batch is closed when the next event does not fit (count or bytes), when it is full
 * by count, or when it is {@code flushInterval} old; closed batches wait in order for a sender. One lock guards it all;
 * senders wait on it for the next closed batch or the next linger deadline.
 */
final class EventAccumulator {

    private final BatchingSettings settings;
    private final long lingerNanos;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Map<String, PendingBatch> open = new LinkedHashMap<>();
    private final ArrayDeque<PendingBatch> ready = new ArrayDeque<>();
    private final Set<PendingBatch> inFlight = Collections.newSetFromMap(new IdentityHashMap<>());
    private boolean closed;

    EventAccumulator(BatchingSettings settings) {
        this.settings = settings;
        this.lingerNanos = TimeUnit.MILLISECONDS.toNanos(settings.flushInterval());
    }

    /**
     * Adds an event to the open batch of its write key.
     *
     * @param completion completed when the event's batch is settled (acknowledged mode), or null
     * @throws SegmentException when the accumulator is closed (the sender is stopping)
     */
    void append(EncodedEvent event, String writeKey, EventCompletion completion) throws SegmentException {
        lock.lock();
        try {
            if (closed) {
                throw new SegmentException("Segment buffered sender is stopping: event not accepted");
            }
            PendingBatch batch = open.get(writeKey);
            if (batch == null || !batch.tryAdd(event, completion)) {
                if (batch != null) {
                    closeBatch(writeKey, batch);
                }
                batch = new PendingBatch(writeKey, settings, System.nanoTime());
                if (!batch.tryAdd(event, completion)) {
                    // Cannot happen for validated events (32 KB) and validated maxBatchBytes; guard anyway.
                    throw new SegmentException("Event " + event.messageId() + " (" + event.size() + " bytes) does "
                                               + "not fit in a batch of maxBatchBytes=" + settings.maxBatchBytes());
                }
                open.put(writeKey, batch);
                changed.signalAll(); // a new linger deadline
            }
            if (batch.isFull()) {
                closeBatch(writeKey, batch);
            }
        } finally {
            lock.unlock();
        }
    }

    private void closeBatch(String writeKey, PendingBatch batch) {
        open.remove(writeKey);
        ready.addLast(batch);
        changed.signal();
    }

    /**
     * The next batch to send, waiting for one to be closed (full, or lingered long enough). Once closed, open batches
     * are sent at once; returns null when closed and nothing is left. The batch counts as in flight until
     * {@link #done}.
     */
    PendingBatch take() throws InterruptedException {
        lock.lock();
        try {
            while (true) {
                long now = System.nanoTime();
                long nextDeadline = Long.MAX_VALUE;
                if (ready.isEmpty()) {
                    for (Iterator<PendingBatch> it = open.values().iterator(); it.hasNext();) {
                        PendingBatch batch = it.next();
                        long deadline = closed ? now : batch.createdNanos() + lingerNanos;
                        if (deadline - now <= 0) {
                            it.remove();
                            ready.addLast(batch);
                        } else {
                            nextDeadline = Math.min(nextDeadline, deadline - now);
                        }
                    }
                }
                PendingBatch next = ready.pollFirst();
                if (next != null) {
                    inFlight.add(next);
                    return next;
                }
                if (closed) {
                    return null;
                }
                if (nextDeadline == Long.MAX_VALUE) {
                    changed.await();
                } else {
                    changed.awaitNanos(nextDeadline);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** The sender is done with this batch (settled). */
    void done(PendingBatch batch) {
        lock.lock();
        try {
            inFlight.remove(batch);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Closes every open batch now, whatever its age: it is sent as soon as a sender is free (like Kafka's
     * {@code flush()}); events that arrive afterwards start new batches.
     *
     * @return the events in the batches closed
     */
    int flush() {
        lock.lock();
        try {
            int events = 0;
            for (PendingBatch batch : open.values()) {
                events += batch.count();
                ready.addLast(batch);
            }
            open.clear();
            changed.signalAll();
            return events;
        } finally {
            lock.unlock();
        }
    }

    /** No new events from now on; every open batch is sent as soon as a sender is free. */
    void close() {
        lock.lock();
        try {
            closed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Takes out everything not yet settled: open, waiting and in-flight batches (at the shutdown deadline). */
    List<PendingBatch> drainUnsettled() {
        lock.lock();
        try {
            List<PendingBatch> left = new ArrayList<>(open.values());
            left.addAll(ready);
            left.addAll(inFlight);
            open.clear();
            ready.clear();
            inFlight.clear();
            return left;
        } finally {
            lock.unlock();
        }
    }
}
