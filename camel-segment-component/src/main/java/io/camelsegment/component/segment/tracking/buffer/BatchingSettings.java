package io.camelsegment.component.segment.tracking.buffer;

import io.camelsegment.component.segment.SegmentConfiguration;
import io.camelsegment.component.segment.SegmentDeliveryMode;
import io.camelsegment.component.segment.SegmentOverflowPolicy;
import io.camelsegment.component.segment.tracking.TrackingMessageValidator;

/**
 * Everything that shapes a buffered sender: where and how it sends, how it batches, how it retries. Endpoints whose
 * settings are equal share one {@link TrackingBatcher} (this record is the registry key): e.g. segment:track and
 * segment:identify of one application feed one stream of batches instead of two half-empty ones. The write key is
 * part of the key but never printed.
 */
public record BatchingSettings(
        String trackingUrl,
        String writeKey,
        SegmentDeliveryMode deliveryMode,
        int batchSize,
        int maxBatchBytes,
        long flushInterval,
        int maxInFlightRequests,
        int bufferMaxEvents,
        long bufferMaxBytes,
        SegmentOverflowPolicy overflowPolicy,
        long maxBlockTime,
        long shutdownTimeout,
        long deliveryTimeout,
        int maxRetries,
        long retryBackoffBase,
        long retryBackoffMax,
        long maxRetryAfter,
        long connectTimeout,
        long responseTimeout,
        int maxConnections) {

    public static BatchingSettings of(SegmentConfiguration c) {
        return new BatchingSettings(
                c.resolveTrackingUrl(), c.getWriteKey(), c.getDeliveryMode(), c.getBatchSize(), c.getMaxBatchBytes(),
                c.getFlushInterval(), c.getMaxInFlightRequests(), c.getBufferMaxEvents(), c.getBufferMaxBytes(),
                c.getOverflowPolicy(), c.getMaxBlockTime(), c.getShutdownTimeout(), c.getDeliveryTimeout(), c.getMaxRetries(),
                c.getRetryBackoffBase(), c.getRetryBackoffMax(), c.getMaxRetryAfter(), c.getConnectTimeout(),
                c.getResponseTimeout(), c.getMaxConnections());
    }

    public boolean acknowledged() {
        return deliveryMode != SegmentDeliveryMode.fireAndForget;
    }

    /** Checks the batching options against each other; fails at endpoint creation, not at the first event. */
    public void validate() {
        require(deliveryMode != null, "deliveryMode must be set (acknowledged or fireAndForget)");
        require(overflowPolicy != null, "overflowPolicy must be set (block, fail or dropNewest)");
        require(flushInterval >= 0, "flushInterval must be >= 0 ms, was " + flushInterval);
        require(maxInFlightRequests >= 1, "maxInFlightRequests must be >= 1, was " + maxInFlightRequests);
        require(bufferMaxEvents >= 1, "bufferMaxEvents must be >= 1, was " + bufferMaxEvents);
        require(bufferMaxBytes >= TrackingMessageValidator.MAX_MESSAGE_BYTES,
                "bufferMaxBytes must be >= " + TrackingMessageValidator.MAX_MESSAGE_BYTES
                                                                          + " (one 32 KB message), was "
                                                                          + bufferMaxBytes);
        require(maxBlockTime >= 0, "maxBlockTime must be >= 0 ms, was " + maxBlockTime);
        require(shutdownTimeout >= 0, "shutdownTimeout must be >= 0 ms, was " + shutdownTimeout);
        require(deliveryTimeout > flushInterval, "deliveryTimeout must be longer than flushInterval (" + flushInterval
                                                 + " ms): it covers the linger, every attempt and retry wait, was "
                                                 + deliveryTimeout);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    @Override
    public String toString() {
        // Never print the write key.
        return "BatchingSettings[" + trackingUrl + ", " + deliveryMode + ", batchSize=" + batchSize
               + ", maxBatchBytes=" + maxBatchBytes + ", flushInterval=" + flushInterval + "ms, maxInFlightRequests="
               + maxInFlightRequests + ", bufferMaxEvents=" + bufferMaxEvents + ", bufferMaxBytes=" + bufferMaxBytes
               + ", overflowPolicy=" + overflowPolicy + ", deliveryTimeout=" + deliveryTimeout + "ms]";
    }
}
