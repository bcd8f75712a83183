package io.camelsegment.component.segment.tracking.buffer;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import io.camelsegment.component.segment.SegmentException;
import io.camelsegment.component.segment.tracking.EncodedEvent;

/**
 * Packs events into batches and hands them to the sender threads, like Kafka's RecordAccumulator: one open batch per
 * write key (events of different write keys never share a request). A full batch goes as soon as a sender is free.
 * A batch that is not full goes once it is {@code flushInterval} old (the linger; 0 by default) and no request of this
 * sender is on the wire, as Nagle's algorithm does for small TCP segments: an event that finds the sender idle leaves
 * at once (a sequential route is never slower than direct sending), while a request is on the wire the open batch
 * keeps growing up to the count and byte limits, so batches fill by themselves under load and requests stay close to
 * the fewest the limits allow.
 *
 * <p>
 * Without a linger, one kind of caller makes a batch wait a little even though no request is on the wire: one that
 * streams, a thread that adds events while its earlier ones are not all settled ({@link PendingBatch#fedBy}), such as
 * an asynchronous consumer, fireAndForget or successive collections. Its next events are likely to come at once, so
 * the batch waits while they keep coming: until it is full, until no event came for {@link #STREAM_QUIET_NANOS} (the
 * caller paused or waits for its own exchanges), or {@link #STREAM_HOLD_NANOS} after it opened, whichever is first.
 * A caller that streams collections is given the whole hold, since its next collection is as far away as the time it
 * takes to gather one. Against a server that answers within a millisecond a streaming caller would otherwise make a
 * request of a few hundred events every round trip (four to ten times the fewest requests, each costing CPU on both
 * sides). A batch fed only by threads that wait for their exchanges (each finds its earlier events settled) does not
 * wait for more of its own callers: it is what those threads wait for. But once a batch is delivered, the threads that
 * waited for it come back with their next events within a fraction of a millisecond, and the open batch waits for
 * them in the same way ({@link #settling}), so that they share one request instead of racing the sender one by one.
 *
 * <p>
 * Retries do not park a sender (Kafka's Sender does the same): a batch that must be tried again is handed back with
 * the time it may go at, and the sender goes on with other batches. A 429 pauses the whole sender until the time the
 * server asked for (Segment's guidance for its SDKs: rate limiting is per source, so every request would get it); a
 * batch whose deliveryTimeout passes is handed to a sender at once, paused or not, to be failed. One lock guards it
 * all; senders wait on it for the next batch that may go.
 */
final class EventAccumulator {

    /** Idle events in a row after which feeding counts as sequential (see {@link #claimIfIdle}). */
    static final int SEQUENTIAL_AFTER = 8;
    /** While feeding is sequential, one idle event in this many still goes to a sender thread. */
    static final int PROBE_EVERY = 16;
    /** A streamed batch goes once no event came for this long (the caller paused). */
    static final long STREAM_QUIET_NANOS = TimeUnit.MICROSECONDS.toNanos(200);
    /** A streamed batch goes at the latest this long after it opened (Kafka's producer lingers 5 ms by default). */
    static final long STREAM_HOLD_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private final BatchingSettings settings;
    private final long lingerNanos;
    private final long streamQuietNanos;
    private final long streamHoldNanos;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Map<String, PendingBatch> open = new LinkedHashMap<>();
    /** Closed batches in the order they may go; retries go first (each with its own retry time). */
    private final ArrayDeque<PendingBatch> waiting = new ArrayDeque<>();
    private final Set<PendingBatch> inFlight = Collections.newSetFromMap(new IdentityHashMap<>());
    private long pausedUntilNanos;
    /** Per feeding thread, whether the batch its last events went into is settled (see {@link #streaming}). */
    private final ThreadLocal<AtomicBoolean> lastFedSettled = new ThreadLocal<>();
    /** The one sender that waits for a streamed batch's hold to end (the others wait to be signalled). */
    private Thread holdWatcher;
    /** Events in a row that found the sender idle, with none arriving while a request was on the wire. */
    private long idleInARow;
    /**
     * Threads that waited for the events of a settled batch and have not yet come back with their next ones (an
     * estimate: see {@link #settling}); while there are any, the open batch waits for them as for a streaming caller.
     */
    private int returning;
    private boolean closed;
    private boolean aborted;

    EventAccumulator(BatchingSettings settings) {
        this(settings, STREAM_QUIET_NANOS, STREAM_HOLD_NANOS);
    }

    /** With other hold times than {@link #STREAM_QUIET_NANOS} and {@link #STREAM_HOLD_NANOS} (tests). */
    EventAccumulator(BatchingSettings settings, long streamQuietNanos, long streamHoldNanos) {
        this.settings = settings;
        this.lingerNanos = TimeUnit.MILLISECONDS.toNanos(settings.flushInterval());
        this.streamQuietNanos = streamQuietNanos;
        this.streamHoldNanos = streamHoldNanos;
    }

    /**
     * Adds an event to the open batch of its write key.
     *
     * @param completion completed when the event's batch is settled (acknowledged mode), or null
     * @throws SegmentException when the accumulator is closed (the sender is stopping)
     */
    void append(EncodedEvent event, String writeKey, EventCompletion completion) throws SegmentException {
        boolean streaming = streaming(); // the thread's own state: read outside the lock
        PendingBatch batch;
        lock.lock();
        try {
            requireOpen();
            long now = System.nanoTime();
            batch = add(event, writeKey, completion, now);
            batch.fedBy(streaming, false, now);
            if (!streaming) {
                cameBack();
            }
        } finally {
            lock.unlock();
        }
        lastFedSettled.set(batch.settledFlag());
    }

    /**
     * Whether the calling thread's earlier events are not all settled: it did not wait for them. A thread that waits
     * for each exchange finds its last batch settled, since it comes back only once it is. The settled flag is kept,
     * not the batch, so that a thread never holds on to a batch's events or request.
     */
    private boolean streaming() {
        AtomicBoolean settled = lastFedSettled.get();
        return settled != null && !settled.get();
    }

    /** Adds one event under the lock; returns the batch it went into (closed already when that is full). */
    private PendingBatch add(EncodedEvent event, String writeKey, EventCompletion completion, long now)
            throws SegmentException {
        if (idleInARow != 0 && requestOnTheWire()) {
            idleInARow = 0; // arrived while a request is on the wire: not fed one event at a time
        }
        PendingBatch batch = open.get(writeKey);
        if (batch == null || !batch.tryAdd(event, completion)) {
            if (batch != null) {
                closeBatch(writeKey, batch);
            }
            batch = newBatch(event, writeKey, completion, now);
            open.put(writeKey, batch);
            changed.signal(); // a free sender takes it (at once, or when its linger or hold is over)
        }
        if (batch.isFull()) {
            closeBatch(writeKey, batch);
        }
        return batch;
    }

    /**
     * Takes an event straight into a batch of its own for the calling thread to send, when the route feeds this
     * sender one event at a time and the sender is idle (no linger, nothing open, waiting or on the wire, not paused).
     * Such an event would leave alone anyway; sending it on the caller's thread saves the hand-offs to a sender thread
     * and back, so a thread that waits for each exchange (a Kafka partition, a file) gets close to direct sending.
     * Feeding counts as sequential once {@link #SEQUENTIAL_AFTER} events in a row found the sender idle and none
     * arrived while a request was on the wire; one idle event in {@link #PROBE_EVERY} still goes to the sender
     * threads, so that an asynchronous caller, which would send more while that request is on the wire, shows itself
     * and is never held up sending on its own thread. The batch counts as in flight like one a sender took.
     *
     * @return the batch to send, or null when the event must be appended instead
     */
    PendingBatch claimIfIdle(EncodedEvent event, String writeKey, EventCompletion completion)
            throws SegmentException {
        if (lingerNanos != 0) {
            return null;
        }
        lock.lock();
        try {
            requireOpen();
            long now = System.nanoTime();
            if (!open.isEmpty() || !waiting.isEmpty() || !inFlight.isEmpty() || pausedUntilNanos - now > 0) {
                return null;
            }
            idleInARow++;
            if (idleInARow <= SEQUENTIAL_AFTER || idleInARow % PROBE_EVERY == 0) {
                return null;
            }
            PendingBatch batch = newBatch(event, writeKey, completion, now);
            inFlight.add(batch);
            returning = 0;
            return batch;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Adds the events of one collection in one go ({@code segment:batch} with batching), so that no sender takes a
     * batch holding only the first of them: full batches go as they fill, the last one stays open for the next
     * collection (or its linger).
     */
    void appendAll(List<EncodedEvent> events, String writeKey, List<EventCompletion> completions)
            throws SegmentException {
        boolean streaming = streaming();
        PendingBatch last = null;
        lock.lock();
        try {
            requireOpen();
            long now = System.nanoTime();
            for (int i = 0; i < events.size(); i++) {
                last = add(events.get(i), writeKey, completions == null ? null : completions.get(i), now);
            }
            if (last != null) {
                last.fedBy(streaming, true, now); // one call: the collection counts as one feed
                if (!streaming) {
                    cameBack();
                }
            }
        } finally {
            lock.unlock();
        }
        if (last != null) {
            lastFedSettled.set(last.settledFlag());
        }
    }

    private void requireOpen() throws SegmentException {
        if (closed) {
            throw new SegmentException("Segment buffered sender is stopping: event not accepted");
        }
    }

    /** A new batch holding this event. */
    private PendingBatch newBatch(EncodedEvent event, String writeKey, EventCompletion completion, long now)
            throws SegmentException {
        PendingBatch batch = new PendingBatch(writeKey, settings, now);
        if (!batch.tryAdd(event, completion)) {
            // Cannot happen for validated events (32 KB) and validated maxBatchBytes; guard anyway.
            throw new SegmentException("Event " + event.messageId() + " (" + event.size() + " bytes) does not fit "
                                       + "in a batch of maxBatchBytes=" + settings.maxBatchBytes());
        }
        return batch;
    }

    /** A batch in flight is still waiting for its answer (one whose completions are being told is not). */
    private boolean requestOnTheWire() {
        for (PendingBatch batch : inFlight) {
            if (!batch.isSettled()) {
                return true;
            }
        }
        return false;
    }

    private void closeBatch(String writeKey, PendingBatch batch) {
        open.remove(writeKey);
        waiting.addLast(batch);
        changed.signal();
    }

    /**
     * The next batch for a sender, waiting until one may go: a batch past its deliveryTimeout (to be failed), else,
     * unless the sender is paused, a waiting batch whose retry time has come, else the oldest open batch whose linger
     * is over (at once when stopping). The batch counts as in flight until {@link #done} or {@link #retry}. Returns
     * null once stopping and nothing is left, or after {@link #abort}.
     */
    PendingBatch take() throws InterruptedException {
        Thread me = Thread.currentThread();
        lock.lock();
        try {
            while (true) {
                if (aborted || closed && open.isEmpty() && waiting.isEmpty() && inFlight.isEmpty()) {
                    leaveWatch(me);
                    return null;
                }
                long now = System.nanoTime();
                long wakeAt = now + TimeUnit.DAYS.toNanos(1);
                PendingBatch next = takeExpired(waiting.iterator(), now);
                if (next == null) {
                    next = takeExpired(open.values().iterator(), now);
                }
                boolean paused = pausedUntilNanos - now > 0;
                if (next == null && !paused) {
                    next = takeSendable(now);
                }
                if (next != null) {
                    inFlight.add(next);
                    leaveWatch(me);
                    return next;
                }
                wakeAt = earliest(wakeAt, waiting, true, paused);
                wakeAt = earliest(wakeAt, open.values(), false, paused);
                if (paused) {
                    wakeAt = earlier(wakeAt, pausedUntilNanos);
                }
                wakeAt = watchHolds(me, wakeAt, now, paused);
                try {
                    changed.awaitNanos(Math.max(1, wakeAt - now));
                } catch (InterruptedException e) {
                    leaveWatch(me); // a sender stopped while watching: another one takes over
                    throw e;
                }
            }
        } finally {
            lock.unlock();
        }
    }

    private static PendingBatch takeExpired(Iterator<PendingBatch> batches, long now) {
        while (batches.hasNext()) {
            PendingBatch batch = batches.next();
            if (batch.expired(now)) {
                batches.remove();
                return batch;
            }
        }
        return null;
    }

    /**
     * Adds the end of the earliest streamed batch's hold to the wake-up time of one sender only, the watcher: a
     * streamed batch is checked every {@link #STREAM_QUIET_NANOS} while events keep coming, and every idle sender
     * waking up for it would contend with the caller for the lock.
     */
    private long watchHolds(Thread me, long wakeAt, long now, boolean paused) {
        long holdEnds = 0;
        boolean held = false;
        if (!paused && !closed && inFlight.isEmpty()) {
            for (PendingBatch batch : open.values()) {
                if (isHeld(batch)) {
                    holdEnds = held ? earlier(holdEnds, goAtNanos(batch)) : goAtNanos(batch);
                    held = true;
                }
            }
        }
        if (!held) {
            if (holdWatcher == me) {
                holdWatcher = null;
            }
            return wakeAt;
        }
        if (holdWatcher == null || holdWatcher == me) {
            holdWatcher = me;
            return earlier(wakeAt, Math.max(holdEnds, now + 1));
        }
        return wakeAt;
    }

    /** The watcher leaves to send (or stop): another sender takes over the watch if a streamed batch still waits. */
    private void leaveWatch(Thread me) {
        if (holdWatcher == me) {
            holdWatcher = null;
            changed.signal();
        }
    }

    /**
     * A batch that waits for more events: from a caller that streams them, or from the threads that waited for a batch
     * just settled (see the class comment).
     */
    private boolean isHeld(PendingBatch batch) {
        return lingerNanos == 0 && (batch.streamed() || returning > 0);
    }

    /**
     * When an open batch may go once no request is on the wire: after its linger; else, for a streamed batch, once no
     * event came for {@link #STREAM_QUIET_NANOS} (collections: not before the hold) or {@link #STREAM_HOLD_NANOS} after
     * it opened; else at once.
     */
    private long goAtNanos(PendingBatch batch) {
        if (lingerNanos != 0) {
            return batch.createdNanos() + lingerNanos;
        }
        return isHeld(batch) ? batch.holdEndsNanos(streamQuietNanos, streamHoldNanos) : batch.createdNanos();
    }

    private PendingBatch takeSendable(long now) {
        for (Iterator<PendingBatch> it = waiting.iterator(); it.hasNext();) {
            PendingBatch batch = it.next();
            if (batch.retryAtNanos() - now <= 0) {
                it.remove();
                return batch;
            }
        }
        for (Iterator<PendingBatch> it = open.values().iterator(); it.hasNext();) {
            PendingBatch batch = it.next();
            if (closed || inFlight.isEmpty() && goAtNanos(batch) - now <= 0) {
                it.remove();
                returning = 0; // those still to come go into the next batch
                return batch;
            }
        }
        return null;
    }

    /** The earliest moment one of these batches may go or expires (only expiry counts while paused). */
    private long earliest(long wakeAt, Collection<PendingBatch> batches, boolean closedBatches, boolean paused) {
        for (PendingBatch batch : batches) {
            wakeAt = earlier(wakeAt, batch.deadlineNanos());
            // An open batch behind a request on the wire waits for done() to signal, not for a time; a streamed
            // batch's hold is watched by one sender (watchHolds).
            if (!paused && (closedBatches || closed || inFlight.isEmpty() && !isHeld(batch))) {
                long goAt = closedBatches ? batch.retryAtNanos() : goAtNanos(batch);
                wakeAt = earlier(wakeAt, goAt);
            }
        }
        return wakeAt;
    }

    /** The earlier of two System.nanoTime() values (compared by difference: nanoTime may wrap). */
    private static long earlier(long a, long b) {
        return a - b < 0 ? a : b;
    }

    /**
     * Hands a batch back to be tried again at the given time (before the other waiting batches, which came later).
     *
     * @param  pauseUntilNanos when positive, no batch of this sender goes before then (429: rate limited)
     * @return                 false when the sender is past its shutdown deadline: the caller settles the batch
     */
    boolean retry(PendingBatch batch, long retryAtNanos, long pauseUntilNanos) {
        lock.lock();
        try {
            if (aborted) {
                return false;
            }
            inFlight.remove(batch);
            batch.retryAt(retryAtNanos);
            waiting.addFirst(batch);
            if (pauseUntilNanos != 0 && pauseUntilNanos - pausedUntilNanos > 0) {
                pausedUntilNanos = pauseUntilNanos;
            }
            changed.signalAll();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * A batch is being settled: the threads that waited for its events will come back with their next ones, and the
     * open batch waits for them (at most as long as for a streaming caller). Called before its completions are told,
     * so that no thread comes back before it is expected.
     */
    void settling(PendingBatch batch) {
        if (batch.waitingFeeds() == 0 || lingerNanos != 0) {
            return;
        }
        lock.lock();
        try {
            returning += batch.waitingFeeds();
        } finally {
            lock.unlock();
        }
    }

    /** A thread that waits for its events added one: once the last expected one is back, the open batch may go. */
    private void cameBack() {
        if (returning > 0 && --returning == 0 && inFlight.isEmpty()) {
            changed.signal();
        }
    }

    /** The sender is done with this batch (settled). */
    void done(PendingBatch batch) {
        lock.lock();
        try {
            inFlight.remove(batch);
            if (closed) {
                changed.signalAll(); // stop waits for the last one
            } else if (inFlight.isEmpty() && !open.isEmpty()) {
                changed.signal(); // the open batch may go now
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Closes every open batch now, whatever its age, so it goes as soon as a sender is free (like Kafka's
     * {@code flush()}), and returns every batch not yet settled: open, waiting (also for a retry) and in flight.
     * Events that arrive afterwards start new batches.
     */
    List<PendingBatch> flush() {
        lock.lock();
        try {
            waiting.addAll(open.values());
            open.clear();
            List<PendingBatch> unsettled = new ArrayList<>(waiting);
            for (PendingBatch batch : inFlight) {
                if (!batch.isSettled()) {
                    unsettled.add(batch);
                }
            }
            changed.signalAll();
            return unsettled;
        } finally {
            lock.unlock();
        }
    }

    /** No new events from now on; every open batch goes as soon as a sender is free, retries keep their times. */
    void close() {
        lock.lock();
        try {
            closed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits until every batch is settled, at most until the given System.nanoTime(); true when all were. */
    boolean awaitIdle(long untilNanos) throws InterruptedException {
        lock.lock();
        try {
            while (!(open.isEmpty() && waiting.isEmpty() && inFlight.isEmpty())) {
                long left = untilNanos - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                changed.awaitNanos(left);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Batch requests on the wire now. */
    int inFlight() {
        lock.lock();
        try {
            return inFlight.size();
        } finally {
            lock.unlock();
        }
    }

    /**
     * At the shutdown deadline: the senders take no more batches, and every batch not on the wire (open, or waiting
     * for a sender or a retry) is taken out, to be failed. Batches on the wire stay until their request ends, so that
     * one Segment accepts is reported delivered.
     */
    List<PendingBatch> abort() {
        lock.lock();
        try {
            aborted = true;
            List<PendingBatch> left = new ArrayList<>(open.values());
            left.addAll(waiting);
            open.clear();
            waiting.clear();
            changed.signalAll();
            return left;
        } finally {
            lock.unlock();
        }
    }

    /** The batches still on the wire when even their requests did not end in time. */
    List<PendingBatch> drainInFlight() {
        lock.lock();
        try {
            List<PendingBatch> left = new ArrayList<>(inFlight);
            inFlight.clear();
            changed.signalAll();
            return left;
        } finally {
            lock.unlock();
        }
    }
}
