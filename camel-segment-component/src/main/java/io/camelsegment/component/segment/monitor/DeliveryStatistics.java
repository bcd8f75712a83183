package io.camelsegment.component.segment.monitor;

import java.time.Instant;

/**
 * A read-only snapshot of one sender's state: what JMX, the {@code segment} dev console and the producer health check
 * show. Counts are cumulative since the component created the sender; {@code eventsBuffered}, {@code bytesBuffered}
 * and {@code requestsInFlight} are the state now. A "batch" is one request to Segment: a {@code /v1/batch} request
 * (buffered delivery, {@code segment:batch}), a single-event call (direct delivery) or a Public API call.
 *
 * @param eventsQueued              events accepted into the buffer (buffered delivery only)
 * @param eventsSent                events in requests Segment accepted
 * @param eventsFailed              events in requests that failed after retries (or, buffered, were still undelivered
 *                                  at the shutdown deadline)
 * @param eventsTimedOut            of eventsFailed, those failed because a deadline passed: deliveryTimeout, or
 *                                  shutdownTimeout while stopping (buffered delivery only)
 * @param eventsDropped             events dropped by overflowPolicy=dropNewest (their exchanges completed)
 * @param eventsRejected            events refused because the buffer was full (overflowPolicy fail, or block past
 *                                  maxBlockTime) or the sender was stopping: their exchanges failed
 * @param retries                   HTTP retries made (attempts beyond the first)
 * @param batchesSent               requests Segment accepted
 * @param batchesFailed             requests that failed after retries
 * @param bytesSent                 request bytes of the accepted requests (as sent, once per request)
 * @param eventsBuffered            events in the buffer now, queued or in flight
 * @param bytesBuffered             encoded event bytes in the buffer now
 * @param requestsInFlight          requests on the wire or waiting to retry now
 * @param lastError                 the last delivery or overflow error, secrets masked, or null
 * @param lastErrorTime             when it happened, or null
 * @param lastSuccessTime           when Segment last accepted a request, or null
 * @param failingSince              since when requests keep failing (the first failure after the last success), or
 *                                  null while delivery works
 * @param bufferFullSince           since when the buffer has been full (an event found no room and the fill has not
 *                                  dropped below 90 % of both limits since), or null
 * @param credentialsRejectedStatus 401 or 403 while Segment's last answer about the credentials was a rejection (until
 *                                  the next accepted request), else 0
 */
public record DeliveryStatistics(
        long eventsQueued,
        long eventsSent,
        long eventsFailed,
        long eventsTimedOut,
        long eventsDropped,
        long eventsRejected,
        long retries,
        long batchesSent,
        long batchesFailed,
        long bytesSent,
        long eventsBuffered,
        long bytesBuffered,
        int requestsInFlight,
        String lastError,
        Instant lastErrorTime,
        Instant lastSuccessTime,
        Instant failingSince,
        Instant bufferFullSince,
        int credentialsRejectedStatus) {

    /** For an endpoint whose producer has not started yet. */
    public static final DeliveryStatistics NONE = new DeliveryStatistics(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, null, null,
            null, null, null, 0);
}
