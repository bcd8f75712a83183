package io.camelsegment.component.segment.tracking.buffer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.camelsegment.component.segment.SegmentBufferFullException;
import io.camelsegment.component.segment.SegmentDeliveryTimeoutException;
import io.camelsegment.component.segment.SegmentException;
import io.camelsegment.component.segment.SegmentHttpException;
import io.camelsegment.component.segment.SegmentOverflowPolicy;
import io.camelsegment.component.segment.http.RetryDecision;
import io.camelsegment.component.segment.http.SegmentHttpResponse;
import io.camelsegment.component.segment.monitor.DeliveryMonitor;
import io.camelsegment.component.segment.tracking.EncodedEvent;
import io.camelsegment.component.segment.tracking.TrackingClient;
import org.apache.camel.CamelContext;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The buffered sender of one set of {@link BatchingSettings}, owned by the component's {@link TrackingBatcherRegistry}
 * and shared by every endpoint with those settings. Events are admitted into a bounded buffer ({@link BufferCapacity}),
 * packed per write key ({@link EventAccumulator}) and sent by {@code maxInFlightRequests} sender threads, one attempt
 * at a time, through the same {@link TrackingClient} (same retry policy, same pooled connections) as direct and
 * {@code segment:batch} delivery.
 *
 * <p>
 * A failed attempt that is retried goes back to the accumulator with the time it may go again (Kafka's Sender does
 * the same) instead of sleeping on the sender thread, so one batch's backoff never holds up the others; a 429 pauses
 * the whole sender. We kept the blocking HttpClient rather than its async client: a sender thread per request in
 * flight is few threads (4 by default), the same client and code serve direct and batch delivery, and the only
 * waiting that mattered, retry waits, no longer holds a thread.
 *
 * <p>
 * Each batch is settled exactly once: delivered (acknowledged: the events' completions are told the status),
 * failed (the batch's exception: an error that is not retried or retries exhausted), or past a deadline
 * ({@link SegmentDeliveryTimeoutException}: deliveryTimeout after its first event was accepted, or shutdownTimeout
 * while stopping). fireAndForget failures are counted and logged with their messageIds. Completions are told on the
 * sender thread; the producer continues the exchange on its worker pool, never here. Thread-safe.
 */
public class TrackingBatcher extends ServiceSupport {

    private static final Logger LOG = LoggerFactory.getLogger(TrackingBatcher.class);

    private final BatchingSettings settings;
    private final TrackingClient client;
    private final CamelContext camelContext;
    private final DeliveryMonitor counters;
    private final BufferCapacity capacity;
    private final EventAccumulator accumulator;
    private ExecutorService senders;
    /** The shutdown deadline (System.nanoTime()), 0 until the context or this sender began to stop. */
    private volatile long stopDeadlineNanos;
    private volatile long stopWaitMillis;
    /** eventsTimedOut when the stop began: the stop reports how many failed since. */
    private long timedOutBeforeStop = -1;
    /** Ends the stop at the shutdown deadline; made when the stop begins. */
    private ScheduledExecutorService deadlineTimer;
    /** This sender's requests on the wire, aborted at their batch's deadline by the HTTP client's timer. */
    private InFlightRequests inFlight;
    private RequestBodies bodies;

    TrackingBatcher(BatchingSettings settings, TrackingClient client, CamelContext camelContext,
                    DeliveryMonitor counters) {
        this.settings = settings;
        this.client = client;
        this.camelContext = camelContext;
        this.counters = counters;
        this.capacity = new BufferCapacity(settings, counters);
        this.accumulator = new EventAccumulator(settings);
    }

    public BatchingSettings getSettings() {
        return settings;
    }

    @Override
    protected void doStart() throws Exception {
        int threads = settings.maxInFlightRequests();
        inFlight = new InFlightRequests(client.requestTimer());
        bodies = new RequestBodies(settings.maxBatchBytes(), threads);
        senders = camelContext.getExecutorServiceManager().newFixedThreadPool(this, "SegmentBatchSender", threads);
        for (int i = 0; i < threads; i++) {
            senders.execute(this::sendLoop);
        }
        LOG.debug("Started Segment buffered sender {}", settings);
    }

    /**
     * Admits an event into the buffer (blocking up to maxBlockTime when full and overflowPolicy=block). The message
     * was validated and encoded by the caller, so only sendable events get here. In acknowledged mode, when the
     * caller allows it, an event that finds the sender idle while the route feeds it one exchange at a time is sent
     * on the calling thread before this returns, as direct sending would, and its completion is told here; a retry of
     * it goes back to the sender threads.
     *
     * @param completion    told the HTTP status when the batch carrying the event is accepted, or its failure
     *                      (acknowledged mode); null in fireAndForget mode
     * @param callerMaySend whether an event that finds the sender idle may be sent on the calling thread
     *                      (callerRunsWhenIdle)
     * @return true when queued; false when dropped (overflowPolicy=dropNewest, counted and logged)
     * @throws SegmentBufferFullException when the buffer is full (overflowPolicy fail, or block past maxBlockTime)
     * @throws SegmentException           when the sender is stopping
     */
    public boolean offer(EncodedEvent event, String writeKey, EventCompletion completion, boolean callerMaySend)
            throws SegmentException {
        boolean admitted;
        try {
            admitted = capacity.acquire(event.size());
        } catch (SegmentException e) {
            counters.rejected("event " + event.messageId() + " rejected: " + e.getMessage());
            throw e;
        }
        if (!admitted) {
            dropped(event);
            return false;
        }
        PendingBatch own;
        try {
            own = completion != null && callerMaySend ? accumulator.claimIfIdle(event, writeKey, completion) : null;
            if (own == null) {
                accumulator.append(event, writeKey, completion);
            }
        } catch (SegmentException e) {
            capacity.release(1, event.size());
            counters.rejected("event " + event.messageId() + " rejected: " + e.getMessage());
            throw e;
        }
        counters.queued(1);
        if (own != null) {
            send(own);
        }
        return true;
    }

    /**
     * Admits the valid events of one collection ({@code segment:batch} with batching) and appends them together:
     * items of successive collections share batches, so lists of any size make requests close to the 500 KB limit.
     * Room is taken for all of them first (blocking up to maxBlockTime per event when full and overflowPolicy=block).
     *
     * @param  completions one per event (acknowledged mode), or null
     * @return             per event: true when queued, false when dropped (overflowPolicy=dropNewest)
     * @throws SegmentException when the buffer is full (fail, or block past maxBlockTime: none of the events is
     *                          queued) or the sender is stopping
     */
    public boolean[] offerAll(List<EncodedEvent> events, String writeKey, List<EventCompletion> completions)
            throws SegmentException {
        neverTooLarge(events);
        boolean[] admitted = new boolean[events.size()];
        List<EncodedEvent> queued = new ArrayList<>(events.size());
        List<EventCompletion> queuedCompletions = completions == null ? null : new ArrayList<>();
        long bytes = 0;
        try {
            for (int i = 0; i < events.size(); i++) {
                EncodedEvent event = events.get(i);
                admitted[i] = capacity.acquire(event.size());
                if (admitted[i]) {
                    queued.add(event);
                    bytes += event.size();
                    if (completions != null) {
                        queuedCompletions.add(completions.get(i));
                    }
                } else {
                    dropped(event);
                }
            }
            accumulator.appendAll(queued, writeKey, queuedCompletions);
        } catch (SegmentException e) {
            capacity.release(queued.size(), bytes);
            counters.rejected(events.size() + " event(s) of a batch rejected: " + e.getMessage());
            throw e;
        }
        counters.queued(queued.size());
        return admitted;
    }

    /**
     * Refuses at once a collection the buffer could never hold all at once (with overflowPolicy block or fail its events
     * are queued only once there is room for all of them): waiting for room would only end at maxBlockTime, with
     * nothing sent.
     */
    private void neverTooLarge(List<EncodedEvent> events) throws SegmentBufferFullException {
        if (settings.overflowPolicy() == SegmentOverflowPolicy.dropNewest) {
            return; // what does not fit is dropped, item by item
        }
        long bytes = 0;
        for (EncodedEvent event : events) {
            bytes += event.size();
        }
        boolean tooMany = events.size() > settings.bufferMaxEvents();
        if (tooMany || bytes > settings.bufferMaxBytes()) {
            String limit = tooMany ? "bufferMaxEvents" : "bufferMaxBytes";
            String message = "Segment buffer can never hold this collection of " + events.size() + " valid event(s), "
                             + bytes + " bytes, at once (bufferMaxEvents=" + settings.bufferMaxEvents()
                             + ", bufferMaxBytes=" + settings.bufferMaxBytes() + "): none was queued; send smaller "
                             + "collections or raise " + limit;
            counters.rejected(events.size() + " event(s) of a batch rejected: " + message);
            throw new SegmentBufferFullException(message, limit);
        }
    }

    /** An event the full buffer had no room for (overflowPolicy=dropNewest): counted and logged with its messageId. */
    private void dropped(EncodedEvent event) {
        String reason = "Segment buffer full (bufferMaxEvents=" + settings.bufferMaxEvents() + ", bufferMaxBytes="
                        + settings.bufferMaxBytes() + "): dropped event " + event.messageId()
                        + " (overflowPolicy=dropNewest)";
        counters.dropped(reason);
        LOG.warn(reason);
    }

    /**
     * Sends what is buffered now, without waiting for its linger, and returns only when every event accepted before
     * the call is settled (delivered or failed), including batches on the wire and batches waiting for a retry; each
     * is settled by its deliveryTimeout at the latest. Several threads may flush at once.
     *
     * @return the events settled while waiting
     */
    public int flush() throws InterruptedException {
        int events = 0;
        for (PendingBatch batch : accumulator.flush()) {
            batch.awaitSettled();
            events += batch.count();
        }
        return events;
    }

    private void sendLoop() {
        while (true) {
            PendingBatch batch;
            try {
                batch = accumulator.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (batch == null) {
                return;
            }
            send(batch);
        }
    }

    private void send(PendingBatch batch) {
        try {
            attempt(batch);
        } catch (RuntimeException | Error e) { // an Error too: a sender thread outlives whatever one batch meets
            failed(batch, new SegmentException("Segment batch could not be sent: " + e, e));
            accumulator.done(batch);
        }
    }

    /** One attempt of a batch: settles it, or hands it back to the accumulator with the time to try again. */
    private void attempt(PendingBatch batch) {
        long now = System.nanoTime();
        if (batch.isSettled()) { // by the shutdown deadline
            accumulator.done(batch);
            return;
        }
        if (batch.expired(now)) {
            deliveryTimedOut(batch);
            return;
        }
        int attempt = batch.retries().nextAttempt();
        if (batch.request() == null) {
            batch.request(client.batchRequest(batch.batch(), batch.writeKey(), bodies.take(batch.requestBytes())));
        }
        // The request may take until the deadline at most: a batch never fails later than deliveryTimeout.
        long remainingMillis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(batch.deadlineNanos() - now));
        SegmentHttpResponse response = null;
        IOException error = null;
        counters.requestStarted();
        try {
            response = client.attempt(batch.request(), attempt, remainingMillis, inFlight.until(batch.deadlineNanos()));
        } catch (IOException e) {
            error = e;
        } finally {
            counters.requestFinished();
        }
        if (response == null && batch.expired(System.nanoTime())) {
            deliveryTimedOut(batch); // aborted at the deadline (or failed just before it): no time left to retry in
            return;
        }
        RetryDecision decision = client.decide(batch.retries(), response, error);
        client.logOutcome(batch.request(), batch.retries(), response, error, decision, remainingMillis);
        if (response != null && response.isSuccessful()) {
            delivered(batch, response.status());
            bodies.giveBack(batch.request().body());
            accumulator.done(batch);
            return;
        }
        SegmentHttpException failure = client.failure(batch.request(), response, error, attempt, batch.writeKey());
        if (!decision.retry()) {
            failed(batch, failure);
            bodies.giveBack(batch.request().body());
            accumulator.done(batch);
            return;
        }
        batch.lastError(failure);
        long retryAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(decision.delayMillis());
        LOG.debug("Segment batch of {} event(s), attempt {}: {}; retrying in {} ms{}", batch.count(), attempt,
                failure.getMessage(), decision.delayMillis(), decision.rateLimited() ? " (sender paused)" : "");
        // Past the deadline it would only be failed: go no later than the deadline.
        long goAt = retryAt - batch.deadlineNanos() < 0 ? retryAt : batch.deadlineNanos();
        if (accumulator.retry(batch, goAt, decision.rateLimited() ? retryAt : 0)) {
            counters.retried(failure.getMessage());
        } else {
            timedOut(batch, "shutdownTimeout", stopDeadline());
            accumulator.done(batch);
        }
    }

    private void delivered(PendingBatch batch, int status) {
        if (!batch.settle()) {
            LOG.info("Segment accepted a batch of {} event(s) after a deadline had reported it as failed",
                    batch.count());
            return;
        }
        capacity.release(batch.count(), batch.eventBytes());
        counters.batchSent(batch.count(), batch.requestBytes(), 0); // retries counted as they happen
        accumulator.settling(batch);
        for (EventCompletion completion : batch.completions()) {
            completion.delivered(status);
        }
        batch.settledDone();
    }

    private void failed(PendingBatch batch, SegmentException error) {
        if (!batch.settle()) {
            return;
        }
        capacity.release(batch.count(), batch.eventBytes());
        counters.batchFailed(batch.count(), 0, error);
        report(batch, error);
    }

    private void deliveryTimedOut(PendingBatch batch) {
        timedOut(batch, "deliveryTimeout", "deliveryTimeout=" + settings.deliveryTimeout() + " ms");
        accumulator.done(batch);
    }

    /** Settles a batch whose deadline passed: deliveryTimeout, or shutdownTimeout while stopping. */
    private boolean timedOut(PendingBatch batch, String deadline, String described) {
        if (!batch.settle()) {
            return false;
        }
        Exception last = batch.lastError();
        SegmentDeliveryTimeoutException error = new SegmentDeliveryTimeoutException(
                "Segment buffered sender: batch of " + batch.count() + " event(s) not delivered within "
                                                                                     + described + " ("
                                                                                     + batch.attempts() + " attempt(s)"
                                                                                     + (last != null
                                                                                             ? ", last: "
                                                                                               + last.getMessage()
                                                                                             : "")
                                                                                     + ")",
                deadline, last);
        capacity.release(batch.count(), batch.eventBytes());
        counters.batchTimedOut(batch.count(), error);
        report(batch, error);
        return true;
    }

    private void report(PendingBatch batch, SegmentException error) {
        if (settings.acknowledged()) {
            LOG.warn("Segment batch of {} event(s) not delivered, failing their exchanges: {}", batch.count(),
                    error.getMessage());
        } else {
            LOG.warn("Segment batch of {} event(s) not delivered (fireAndForget): {}; messageIds: {}", batch.count(),
                    error.getMessage(), batch.messageIds());
        }
        for (EventCompletion completion : batch.completions()) {
            completion.failed(error);
        }
        batch.settledDone();
    }

    /**
     * The context began to stop: Camel now waits up to its graceful shutdown timeout for the routes' exchanges, then
     * forces the routes down, and an exchange that continues in a route forced down fails with Camel's
     * RejectedExecutionException even though Segment accepted its event. So the sender settles everything while the
     * routes still run: at the shutdown deadline (shutdownTimeout, at most three quarters of Camel's timeout) it fails
     * every batch that is not on the wire, and the last quarter is left for the answers of the requests on the wire.
     */
    public synchronized void shutdownBegan() {
        if (stopDeadlineNanos != 0 || senders == null) {
            return;
        }
        timedOutBeforeStop = counters.snapshot().eventsTimedOut();
        long camelMillis = camelShutdownTimeoutMillis();
        stopWaitMillis = camelMillis > 0 ? Math.min(settings.shutdownTimeout(), camelMillis * 3 / 4)
                : settings.shutdownTimeout();
        stopDeadlineNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(stopWaitMillis);
        deadlineTimer = camelContext.getExecutorServiceManager().newSingleThreadScheduledExecutor(this,
                "SegmentShutdownDeadline");
        deadlineTimer.schedule(this::shutdownDeadlinePassed, stopWaitMillis, TimeUnit.MILLISECONDS);
    }

    private void shutdownDeadlinePassed() {
        accumulator.close();
        capacity.close();
        int events = timeOutAll(accumulator.abort());
        if (events > 0) {
            LOG.warn("Segment buffered sender: {} event(s) undelivered at the shutdown deadline ({})", events,
                    stopDeadline());
        }
    }

    /**
     * Graceful stop: no new events; what is buffered is sent at once (retries keep their times) and the stop waits
     * until everything is settled, at most until the shutdown deadline: shutdownTimeout, counted from when the context
     * began to stop (see {@link #shutdownBegan}) or else from now. At that deadline every batch that is not on the wire
     * fails with a {@link SegmentDeliveryTimeoutException} naming the deadline (acknowledged) or is reported with its
     * count and messageIds (fireAndForget); a batch on the wire gets its answer first (within responseTimeout), so
     * that every batch Segment accepted completes as delivered.
     */
    @Override
    protected void doStop() throws Exception {
        synchronized (this) {
            if (stopDeadlineNanos == 0) {
                timedOutBeforeStop = counters.snapshot().eventsTimedOut();
                stopWaitMillis = settings.shutdownTimeout();
                stopDeadlineNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(stopWaitMillis);
            }
        }
        accumulator.close();
        capacity.close();
        if (senders == null) {
            return;
        }
        if (!accumulator.awaitIdle(stopDeadlineNanos)) {
            timeOutAll(accumulator.abort());
            // Batches on the wire get their answer (or their response timeout, then fail on their sender thread),
            // within what is left of Camel's shutdown timeout.
            long answerMillis = settings.responseTimeout();
            long camelMillis = camelShutdownTimeoutMillis();
            if (camelMillis > 0) {
                answerMillis = Math.max(0, Math.min(answerMillis, camelMillis - stopWaitMillis));
            }
            long answersBy = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(answerMillis);
            if (!accumulator.awaitIdle(answersBy)) {
                timeOutAll(accumulator.drainInFlight());
                inFlight.abortAll(); // an answer still trickling in: its sender thread is freed
            }
        }
        long undelivered = counters.snapshot().eventsTimedOut() - timedOutBeforeStop;
        if (undelivered > 0) {
            LOG.warn("Segment buffered sender stopped after {} with {} event(s) undelivered", stopDeadline(),
                    undelivered);
        }
        camelContext.getExecutorServiceManager().shutdownNow(senders);
        senders = null;
        if (deadlineTimer != null) {
            camelContext.getExecutorServiceManager().shutdownNow(deadlineTimer);
            deadlineTimer = null;
        }
        LOG.debug("Stopped Segment buffered sender {}: {}", settings, counters.snapshot());
    }

    private String stopDeadline() {
        return stopWaitMillis == settings.shutdownTimeout() ? "shutdownTimeout=" + stopWaitMillis + " ms"
                : "the shutdown deadline of " + stopWaitMillis + " ms (3/4 of Camel's shutdown timeout, shorter than "
                  + "shutdownTimeout=" + settings.shutdownTimeout() + " ms)";
    }

    private long camelShutdownTimeoutMillis() {
        var strategy = camelContext.getShutdownStrategy();
        return strategy != null && strategy.getTimeout() > 0 ? strategy.getTimeUnit().toMillis(strategy.getTimeout())
                : 0;
    }

    private int timeOutAll(List<PendingBatch> left) {
        int events = 0;
        for (PendingBatch batch : left) {
            if (timedOut(batch, "shutdownTimeout", stopDeadline())) {
                events += batch.count();
            }
        }
        return events;
    }
}
