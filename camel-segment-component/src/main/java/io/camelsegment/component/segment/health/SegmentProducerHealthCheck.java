package io.camelsegment.component.segment.health;

import java.time.Instant;
import java.util.Map;

import io.camelsegment.component.segment.monitor.DeliveryMonitor;
import io.camelsegment.component.segment.monitor.DeliveryStatistics;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Readiness of a {@code segment:} producer, judged from the state of the sender it delivers through (see
 * {@link SenderHealth}): no request is made for the check itself. Details carry the sender's counters; no secret.
 */
public class SegmentProducerHealthCheck extends AbstractHealthCheck {

    private final DeliveryMonitor monitor;
    private final long failureThresholdMillis;
    private final long bufferFullThresholdMillis;

    public SegmentProducerHealthCheck(String endpointId, DeliveryMonitor monitor, long failureThresholdMillis,
                                      long bufferFullThresholdMillis) {
        super("camel", "producer:segment-" + endpointId);
        this.monitor = monitor;
        this.failureThresholdMillis = failureThresholdMillis;
        this.bufferFullThresholdMillis = bufferFullThresholdMillis;
    }

    @Override
    public boolean isLiveness() {
        // Segment being down or rejecting a key is no reason to restart this application.
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        DeliveryStatistics stats = monitor.snapshot();
        SenderHealth health = SenderHealth.of(stats, failureThresholdMillis, bufferFullThresholdMillis, Instant.now());
        builder.detail("segment.sender", monitor.id());
        builder.detail("segment.sender.kind", monitor.key().kind().label());
        builder.detail("segment.url", monitor.key().url());
        builder.detail("segment.events.sent", stats.eventsSent());
        builder.detail("segment.events.failed", stats.eventsFailed());
        builder.detail("segment.events.buffered", stats.eventsBuffered());
        if (stats.lastSuccessTime() != null) {
            builder.detail("segment.last.success", stats.lastSuccessTime().toString());
        }
        if (health.up()) {
            builder.up();
            return;
        }
        builder.message(health.reason());
        if (stats.lastError() != null) {
            builder.detail("segment.last.error", stats.lastError());
        }
        if (stats.credentialsRejectedStatus() != 0) {
            builder.detail(SERVICE_STATUS_CODE, stats.credentialsRejectedStatus());
        }
        builder.down();
    }
}
