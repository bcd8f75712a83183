package io.camelsegment.component.segment.tracking.buffer;

import io.camelsegment.component.segment.SegmentConfiguration;
import io.camelsegment.component.segment.SegmentDeliveryMode;
import io.camelsegment.component.segment.SegmentOverflowPolicy;
import io.camelsegment.component.segment.http.HttpClientSettings;

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
        long maxRateLimitDuration,
        long responseTimeout,
        HttpClientSettings http) {

    public static BatchingSettings of(SegmentConfiguration c) {
        return new BatchingSettings(
                c.resolveTrackingUrl(), c.getWriteKey(), c.getDeliveryMode(), c.getBatchSize(), c.getMaxBatchBytes(),
                c.getFlushInterval(), c.getMaxInFlightRequests(), c.getBufferMaxEvents(), c.getBufferMaxBytes(),
                c.getOverflowPolicy(), c.getMaxBlockTime(), c.getShutdownTimeout(), c.getDeliveryTimeout(),
                c.getMaxRetries(),
                c.getRetryBackoffBase(), c.getRetryBackoffMax(), c.getMaxRetryAfter(),
                c.getMaxRateLimitDuration(), c.getResponseTimeout(), HttpClientSettings.of(c));
    }

    public boolean acknowledged() {
        return deliveryMode != SegmentDeliveryMode.fireAndForget;
    }

    @Override
    public String toString() {
        // Never print the write key.
        return "BatchingSettings[" + trackingUrl + ", " + deliveryMode + ", batchSize=" + batchSize
               + ", maxBatchBytes=" + maxBatchBytes + ", flushInterval=" + flushInterval + "ms, maxInFlightRequests="
               + maxInFlightRequests + ", bufferMaxEvents=" + bufferMaxEvents + ", bufferMaxBytes=" + bufferMaxBytes
               + ", overflowPolicy=" + overflowPolicy + ", deliveryTimeout=" + deliveryTimeout + "ms, " + http + "]";
    }
}
