package io.camelsegment.component.segment.tracking.buffer;

/**
 * A snapshot of a buffered sender's counters. Counts are cumulative since the component created the sender for these
 * settings; {@code eventsBuffered} and {@code bytesBuffered} are the current fill of the buffer (queued and in flight).
 *
 * @param eventsQueued   events accepted into the buffer
 * @param eventsSent     events in batches Segment accepted
 * @param eventsFailed   events whose batch failed after retries, or that were still undelivered at the shutdown
 *                       deadline
 * @param eventsDropped  events dropped by overflowPolicy=dropNewest (their exchanges completed)
 * @param eventsRejected events refused because the buffer was full (overflowPolicy fail, or block past
 *                       maxBlockTime) or the sender was stopping: their exchanges failed
 * @param retries        HTTP retries made for batches
 * @param batchesSent    batch requests Segment accepted
 * @param batchesFailed  batch requests that failed after retries (or at the shutdown deadline)
 * @param bytesSent      request bytes of the accepted batches (as sent, without retries)
 * @param eventsBuffered events in the buffer now
 * @param bytesBuffered  encoded event bytes in the buffer now
 * @param lastError      the last delivery or overflow error (time and message, no secrets), or null
 */
public record DeliveryStatistics(
        long eventsQueued,
        long eventsSent,
        long eventsFailed,
        long eventsDropped,
        long eventsRejected,
        long retries,
        long batchesSent,
        long batchesFailed,
        long bytesSent,
        long eventsBuffered,
        long bytesBuffered,
        String lastError) {

    /** For endpoints without batching, or before their sender started. */
    public static final DeliveryStatistics NONE = new DeliveryStatistics(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, null);
}
