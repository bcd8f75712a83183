package io.camelsegment.component.segment.tracking.buffer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.camelsegment.component.segment.http.RetryState;
import io.camelsegment.component.segment.http.SegmentHttpRequest;
import io.camelsegment.component.segment.tracking.EncodedEvent;
import io.camelsegment.component.segment.tracking.SentAt;
import io.camelsegment.component.segment.tracking.TrackingBatch;

/**
 * One batch of a buffered sender from its first event to its settlement: the events and their completions, when it
 * was opened (its delivery deadline counts from then, so no event in it waits longer than deliveryTimeout), its
 * request (built at the first attempt, re-sent byte for byte), the attempts made and when it may be tried again.
 * Filled under the accumulator's lock; once taken by a sender it is only touched by that sender until it is settled
 * or handed back for a retry.
 */
final class PendingBatch {

    private final String writeKey;
    // Its events until the request is built, then only their messageIds (see request(built)). Volatile: a stop's
    // deadline may report a batch's messageIds from another thread.
    private volatile TrackingBatch batch;
    private List<String> sentMessageIds;
    private final List<EventCompletion> completions;
    private final long createdNanos;
    private final long deadlineNanos;
    private final AtomicBoolean settled = new AtomicBoolean();
    private final CountDownLatch settledLatch = new CountDownLatch(1);
    private int count;
    private long eventBytes;
    // How it was fed, while it is open (under the accumulator's lock): see fedBy.
    private boolean streamed;
    private boolean fedCollections;
    private long lastFedNanos;
    private int waitingFeeds;
    private SegmentHttpRequest request;
    private final RetryState retries = new RetryState();
    private long retryAtNanos;
    private volatile Exception lastError;

    PendingBatch(String writeKey, BatchingSettings settings, long createdNanos) {
        this.writeKey = writeKey;
        this.batch = new TrackingBatch(settings.batchSize(), settings.maxBatchBytes());
        this.completions = settings.acknowledged() ? new ArrayList<>() : null;
        this.createdNanos = createdNanos;
        this.deadlineNanos = createdNanos + TimeUnit.MILLISECONDS.toNanos(settings.deliveryTimeout());
        this.retryAtNanos = createdNanos;
    }

    /** Adds the event if it fits under the batch's count and byte limits. */
    boolean tryAdd(EncodedEvent event, EventCompletion completion) {
        if (!batch.tryAdd(event)) {
            return false;
        }
        count++;
        eventBytes += event.size();
        if (completions != null) {
            completions.add(completion);
        }
        return true;
    }

    /**
     * Notes one call that added events to it.
     *
     * @param streaming  the calling thread's events before this call are not all settled yet: it does not wait for
     *                   its events (an asynchronous consumer, fireAndForget, successive collections), and its next
     *                   ones are likely to come at once; a thread that waits for each of its exchanges never is
     * @param collection the call added the items of one collection ({@code segment:batch})
     */
    void fedBy(boolean streaming, boolean collection, long nowNanos) {
        if (streaming) {
            streamed = true;
            fedCollections |= collection;
        } else {
            waitingFeeds++;
        }
        lastFedNanos = nowNanos;
    }

    /** Calls by threads that wait for their events: each such thread comes back once the batch is settled. */
    int waitingFeeds() {
        return waitingFeeds;
    }

    /** A caller that streams events added to it (see {@link #fedBy}). */
    boolean streamed() {
        return streamed;
    }

    /**
     * When a held batch (streamed, or waiting for the callers of a settled batch to come back) stops waiting for more: {@code quietNanos} after events were last added, or
     * {@code holdNanos} after it opened, whichever is first. A caller that streams collections gets the whole hold: its
     * next collection is a whole collection's time away.
     */
    long holdEndsNanos(long quietNanos, long holdNanos) {
        long holdEnds = createdNanos + holdNanos;
        if (fedCollections) {
            return holdEnds;
        }
        long quietEnds = lastFedNanos + quietNanos;
        return quietEnds - holdEnds < 0 ? quietEnds : holdEnds; // nanoTime values compare by difference
    }

    /** Set once it is settled; what a thread that fed it keeps to tell whether its events are settled. */
    AtomicBoolean settledFlag() {
        return settled;
    }

    boolean isFull() {
        return batch.isFull();
    }

    String writeKey() {
        return writeKey;
    }

    /** The events, until the request is built. */
    TrackingBatch batch() {
        return batch;
    }

    int count() {
        return count;
    }

    /** Size of the request body. */
    int requestBytes() {
        return SentAt.batchSize(count, eventBytes);
    }

    List<String> messageIds() {
        TrackingBatch events = batch;
        return events != null ? events.messageIds() : sentMessageIds;
    }

    /** Encoded bytes of its events (what the buffer accounts for). */
    long eventBytes() {
        return eventBytes;
    }

    long createdNanos() {
        return createdNanos;
    }

    /** deliveryTimeout after the batch's first event was accepted. */
    long deadlineNanos() {
        return deadlineNanos;
    }

    boolean expired(long nowNanos) {
        return nowNanos - deadlineNanos >= 0;
    }

    /** When it may be sent (again): at once for a new batch, after the backoff or Retry-After for a retry. */
    long retryAtNanos() {
        return retryAtNanos;
    }

    void retryAt(long nanos) {
        retryAtNanos = nanos;
    }

    /** Its attempts so far, and the retries they used up. */
    RetryState retries() {
        return retries;
    }

    /** Attempts made so far. */
    int attempts() {
        return retries.attempts();
    }

    SegmentHttpRequest request() {
        return request;
    }

    /**
     * The request of the first attempt, re-sent by retries. The encoded events are released here: while the batch is on
     * the wire, its bytes live once (in the request), not twice.
     */
    void request(SegmentHttpRequest built) {
        request = built;
        sentMessageIds = batch.messageIds();
        batch = null; // after sentMessageIds: a thread that reads null sees them
    }

    /** The last failed attempt's error (the cause of a deadline failure), or null. */
    Exception lastError() {
        return lastError;
    }

    void lastError(Exception error) {
        lastError = error;
    }

    /** The per-event completions (acknowledged mode), or an empty list. */
    List<EventCompletion> completions() {
        return completions != null ? completions : List.of();
    }

    /** True for the first caller only: the one that settles the batch (delivered, failed or past a deadline). */
    boolean settle() {
        return settled.compareAndSet(false, true);
    }

    /** The settling caller is done: counters updated, completions told. Releases {@link #awaitSettled}. */
    void settledDone() {
        settledLatch.countDown();
    }

    boolean isSettled() {
        return settled.get();
    }

    /** Waits until the batch is settled (by its deliveryTimeout at the latest). */
    void awaitSettled() throws InterruptedException {
        settledLatch.await();
    }
}
