package io.camelsegment.component.segment;

/** What a buffered endpoint does when its queue is full (by events or by bytes). */
public enum SegmentOverflowPolicy {
    /** Wait up to maxBlockTime for room, then fail the exchange. */
    block,
    /** Fail the exchange at once. */
    fail,
    /** Drop the new event (counted and logged) and complete the exchange. */
    dropNewest
}
