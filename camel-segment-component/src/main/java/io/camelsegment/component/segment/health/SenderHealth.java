package io.camelsegment.component.segment.health;

import java.time.Duration;
import java.time.Instant;

import io.camelsegment.component.segment.monitor.DeliveryStatistics;

/**
 * Judges a sender's state: DOWN while Segment rejects the credentials, when requests have kept failing for longer than
 * {@code failureThreshold}, or when the buffer has been full for longer than {@code bufferFullThreshold}; UP
 * otherwise (and again after the next accepted request, or once the buffer drains). The reason names the condition,
 * never a secret.
 *
 * @param up     whether the sender is healthy
 * @param reason why it is not (null when up)
 */
public record SenderHealth(boolean up, String reason) {

    private static final SenderHealth UP = new SenderHealth(true, null);

    public static SenderHealth of(DeliveryStatistics stats, long failureThresholdMillis,
                                  long bufferFullThresholdMillis, Instant now) {
        if (stats.credentialsRejectedStatus() != 0) {
            return down("Segment rejected the credentials (HTTP " + stats.credentialsRejectedStatus() + "): check the "
                        + "write key or access token");
        }
        Instant failing = stats.failingSince();
        if (failing != null && !failing.plusMillis(failureThresholdMillis).isAfter(now)) {
            return down("Segment delivery has been failing for " + seconds(failing, now) + " (since " + failing
                        + ", threshold " + failureThresholdMillis + " ms)");
        }
        Instant full = stats.bufferFullSince();
        if (full != null && !full.plusMillis(bufferFullThresholdMillis).isAfter(now)) {
            return down("Segment buffer has been full for " + seconds(full, now) + " (since " + full + ", threshold "
                        + bufferFullThresholdMillis + " ms): " + stats.eventsBuffered() + " events, "
                        + stats.bytesBuffered() + " bytes buffered");
        }
        return UP;
    }

    private static SenderHealth down(String reason) {
        return new SenderHealth(false, reason);
    }

    private static String seconds(Instant since, Instant now) {
        return Duration.between(since, now).toSeconds() + " s";
    }
}
