package io.camelsegment.component.segment;

/** How a buffered ({@code batching=true}) endpoint completes its exchanges. */
public enum SegmentDeliveryMode {
    /** The exchange completes when the batch that carried its event was accepted by Segment (or fails with its error). */
    acknowledged,
    /** The exchange completes once its event is queued; failures are counted and logged. */
    fireAndForget
}
