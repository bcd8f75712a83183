package io.camelsegment.test;

/**
 * Segment's Tracking API limits, as the receiver enforces them: a message over 32 KB, or a request body over 500 KB,
 * is answered 400; a batch of more than 2,500 events is answered 200 and its events are dropped.
 */
public final class SegmentLimits {

    /** One message: the body of a per-call request, or one item of a batch. */
    public static final int MAX_MESSAGE_BYTES = 32 * 1024;
    /** One batch request body. */
    public static final int MAX_BATCH_BYTES = 500 * 1024;
    /** Events in one batch. */
    public static final int MAX_BATCH_EVENTS = 2500;

    private SegmentLimits() {
    }
}
