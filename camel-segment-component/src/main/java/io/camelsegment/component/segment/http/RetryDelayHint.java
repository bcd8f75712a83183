package io.camelsegment.component.segment.http;

/**
 * Reads from a retryable response how long the server asked us to wait, beyond the standard {@code Retry-After}
 * header (e.g. the Public API's {@code errors[].data.msBeforeNext}).
 */
@FunctionalInterface
public interface RetryDelayHint {

    RetryDelayHint NONE = response -> -1;

    /** Milliseconds to wait, or -1 for none. */
    long delayMillis(SegmentHttpResponse response);
}
