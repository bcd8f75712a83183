package io.camelsegment.component.segment.tracking.buffer;

/**
 * A snapshot of a buffered sender's counters. Counts are cumulative since the component created the sender for these
 * settings; {@code eventsBuffered}, {@code bytesBuffered} and {@code inFlightRequests} are the sender's state now.
 *
 * @param eventsQueued     events accepted into the buffer
 * @param eventsSent       events in batches Segment accepted
 * @param eventsFailed     events whose batch failed: an error that is not retried, retries exhausted, or a deadline
 *                         passed (deliveryTimeout, or shutdownTimeout while stopping)
 * @param eventsTimedOut   of eventsFailed, those failed because deliveryTimeout or shutdownTimeout passed
 * @param eventsDropped    events dropped by overflowPolicy=dropNewest (their exchanges completed)
 * @param eventsRejected   events refused because the buffer was full (overflowPolicy fail, or block past
 *                         maxBlockTime) or the sender was stopping: their exchanges failed
 * @param retries          failed attempts of batch requests that were tried again
 * @param batchesSent      batch requests Segment accepted
 * @param batchesFailed    batches that failed (see eventsFailed)
 * @param bytesSent        request bytes of the accepted batches (as sent, without retries)
 * @param eventsBuffered   events in the buffer now (queued, waiting for a retry, or in flight)
 * @param bytesBuffered    encoded event bytes in the buffer now
 * @param inFlightRequests batch requests on the wire now
 * @param lastSuccessTime  when Segment last accepted a batch (epoch milliseconds), 0 if never
 * @param lastError        the last delivery, retry or overflow error (time and message, no secrets), or null
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
        int inFlightRequests,
        long lastSuccessTime,
        String lastError) {

    /** For endpoints without batching, or before their sender started. */
    public static final DeliveryStatistics NONE = new DeliveryStatistics(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, null);
}
