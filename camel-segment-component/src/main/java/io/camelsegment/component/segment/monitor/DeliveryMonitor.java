package io.camelsegment.component.segment.monitor;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import io.camelsegment.component.segment.SegmentHttpException;
import io.camelsegment.component.segment.http.RetryPolicy;
import io.camelsegment.component.segment.http.SegmentHttpResponse;

/**
 * The live state of one sender, and the only place its counters are written: the delivery code reports what happens
 * (an event queued, a request started, accepted or failed, the buffer's fill), and JMX, the dev console and the health
 * check read {@link #snapshot()}. Thread-safe; cheap on the hot path (LongAdder, volatile fields).
 */
public final class DeliveryMonitor {

    private static final String MASK = "xxxxxx";

    private final int id;
    private final SenderKey key;
    private final Set<String> endpoints = new ConcurrentSkipListSet<>();

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
    private final AtomicInteger requestsInFlight = new AtomicInteger();
    private volatile long eventsBuffered;
    private volatile long bytesBuffered;
    private volatile long bufferMaxEvents = Long.MAX_VALUE;
    private volatile long bufferMaxBytes = Long.MAX_VALUE;
    private volatile String lastError;
    private volatile long lastErrorTime;
    private volatile long lastSuccessTime;
    private volatile long failingSince;
    private volatile long bufferFullSince;
    private volatile int credentialsRejectedStatus;

    public DeliveryMonitor(int id, SenderKey key) {
        this.id = id;
        this.key = key;
    }

    /** A number unique in this JVM, for names (JMX, console). */
    public int id() {
        return id;
    }

    public SenderKey key() {
        return key;
    }

    /** The endpoints that send through this sender (URIs with secrets masked), sorted. */
    public List<String> endpoints() {
        return List.copyOf(endpoints);
    }

    /** Records that an endpoint (its masked URI) sends through this sender. */
    public void addEndpoint(String maskedUri) {
        endpoints.add(maskedUri);
    }

    /** The buffer's limits, so that "full" can be judged (buffered senders only). */
    public void bufferLimits(long maxEvents, long maxBytes) {
        bufferMaxEvents = maxEvents;
        bufferMaxBytes = maxBytes;
    }

    // ---- written by the delivery code ----

    public void queued(int events) {
        eventsQueued.add(events);
    }

    public void dropped(String reason) {
        eventsDropped.increment();
        error(reason);
    }

    public void rejected(String reason) {
        eventsRejected.increment();
        error(reason);
    }

    /** An event found no room in the buffer (it waits, fails or is dropped): the buffer is full from now on. */
    public void noRoom() {
        if (bufferFullSince == 0) {
            bufferFullSince = System.currentTimeMillis();
        }
    }

    /** The buffer's fill changed (called under the buffer's lock). Below 90 % of both limits it is no longer full. */
    public void buffered(long events, long bytes) {
        eventsBuffered = events;
        bytesBuffered = bytes;
        if (bufferFullSince != 0 && events <= bufferMaxEvents * 0.9 && bytes <= bufferMaxBytes * 0.9) {
            bufferFullSince = 0;
        }
    }

    public void requestStarted() {
        requestsInFlight.incrementAndGet();
    }

    public void requestFinished() {
        requestsInFlight.decrementAndGet();
    }

    /** One Tracking API request (retries included) that ends in a response, or a {@link SegmentHttpException}. */
    @FunctionalInterface
    public interface TrackingRequest {
        SegmentHttpResponse send() throws SegmentHttpException;
    }

    /** Sends a request carrying these events and records it: in flight while it runs, then accepted or failed. */
    public SegmentHttpResponse record(int events, long requestBytes, TrackingRequest request)
            throws SegmentHttpException {
        requestStarted();
        try {
            SegmentHttpResponse response = request.send();
            batchSent(events, requestBytes, response.attempts() - 1);
            return response;
        } catch (SegmentHttpException e) {
            batchFailed(events, e.getAttempts() - 1, e);
            throw e;
        } finally {
            requestFinished();
        }
    }

    /**
     * One attempt of a buffered batch failed and the batch will be tried again (the buffered sender counts retries as
     * they happen, the blocking path when its request ends).
     */
    public void retried(String reason) {
        retries.increment();
        error(reason);
    }

    /** Segment accepted a request carrying these events: delivery works again. */
    public void batchSent(int events, long requestBytes, int retriesMade) {
        eventsSent.add(events);
        batchesSent.increment();
        bytesSent.add(requestBytes);
        retries.add(Math.max(retriesMade, 0));
        lastSuccessTime = System.currentTimeMillis();
        failingSince = 0;
        credentialsRejectedStatus = 0;
    }

    /**
     * A request carrying these events failed (after retries), or they were given up at the shutdown deadline.
     * Delivery counts as failing when Segment could not be reached, or answered a status the retry policy retries,
     * any 5xx, 401 or 403; another 4xx blames the request alone, so it is counted and shown but leaves the sender's
     * health as it was.
     */
    public void batchFailed(int events, int retriesMade, Exception error) {
        eventsFailed.add(events);
        batchesFailed.increment();
        retries.add(Math.max(retriesMade, 0));
        error(error.getMessage());
        int status = error instanceof SegmentHttpException http ? http.getStatusCode() : 0;
        if (status == 401 || status == 403) {
            credentialsRejectedStatus = status;
        }
        if (status == 0 || status == 401 || status == 403 || status >= 500 || RetryPolicy.isRetryableStatus(status)) {
            if (failingSince == 0) {
                failingSince = System.currentTimeMillis();
            }
        }
    }

    /**
     * A buffered batch failed because a deadline passed (deliveryTimeout, or shutdownTimeout while stopping): counted
     * as failed, and as timed out.
     */
    public void batchTimedOut(int events, Exception error) {
        eventsTimedOut.add(events);
        batchFailed(events, 0, error);
    }

    private void error(String reason) {
        lastError = mask(reason);
        lastErrorTime = System.currentTimeMillis();
    }

    /** Messages are masked where they are made; the endpoint's own credential is masked here once more. */
    private String mask(String text) {
        String secret = key.credential();
        if (text == null || secret == null || secret.isEmpty()) {
            return text;
        }
        return text.replace(secret, MASK);
    }

    // ---- read by JMX, the console and the health check ----

    public DeliveryStatistics snapshot() {
        return new DeliveryStatistics(eventsQueued.sum(), eventsSent.sum(), eventsFailed.sum(), eventsTimedOut.sum(),
                eventsDropped.sum(),
                eventsRejected.sum(), retries.sum(), batchesSent.sum(), batchesFailed.sum(), bytesSent.sum(),
                eventsBuffered, bytesBuffered, requestsInFlight.get(), lastError, instant(lastErrorTime),
                instant(lastSuccessTime), instant(failingSince), instant(bufferFullSince), credentialsRejectedStatus);
    }

    private static Instant instant(long millis) {
        return millis == 0 ? null : Instant.ofEpochMilli(millis);
    }

    @Override
    public String toString() {
        return "Segment sender " + id + ": " + key.description();
    }
}
