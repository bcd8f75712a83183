package io.camelsegment.component.segment;

/** Aggregation granularity of listDeliveryMetricsSummaryFromDestination. */
public enum SegmentGranularity {
    DAY,
    HOUR,
    MINUTE
}
