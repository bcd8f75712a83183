package io.camelsegment.component.segment;

/** The two Segment APIs an operation can belong to. */
public enum SegmentApi {
    /** HTTP Tracking API: write-key authenticated event ingestion. */
    TRACKING,
    /** Public API: bearer-token authenticated workspace management. */
    PUBLIC
}
