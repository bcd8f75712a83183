package io.camelsegment.component.segment.http;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetryPolicyTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    @ParameterizedTest
    @ValueSource(ints = { 408, 410, 429, 460, 500, 502, 503, 504, 507, 599 })
    void retriesTransientStatuses(int status) {
        assertTrue(RetryPolicy.isRetryableStatus(status));
    }

    @ParameterizedTest
    @ValueSource(ints = { 200, 204, 301, 400, 401, 403, 404, 409, 413, 422, 451, 501, 505, 511 })
    void neverRetriesOtherStatuses(int status) {
        assertFalse(RetryPolicy.isRetryableStatus(status));
    }

    @Test
    void backoffGrowsExponentiallyWithJitterWithinBounds() {
        RetryPolicy policy = new RetryPolicy(10, 100, 1000, 300_000);
        long[][] bounds = { { 1, 50, 100 }, { 2, 100, 200 }, { 3, 200, 400 }, { 4, 400, 800 }, { 5, 500, 1000 },
                { 40, 500, 1000 }, { Integer.MAX_VALUE, 500, 1000 } };
        for (long[] b : bounds) {
            long min = Long.MAX_VALUE;
            long max = Long.MIN_VALUE;
            for (int i = 0; i < 2000; i++) {
                long wait = policy.backoffMillis((int) b[0]);
                min = Math.min(min, wait);
                max = Math.max(max, wait);
            }
            assertTrue(min >= b[1] && max <= b[2], "attempt " + b[0] + ": " + min + ".." + max);
            assertTrue(max > min, "attempt " + b[0] + " has jitter");
        }
    }

    @Test
    void zeroBaseMeansNoBackoff() {
        assertEquals(0, new RetryPolicy(3, 0, 0, 1000).backoffMillis(5));
    }

    @Test
    void rejectsInconsistentSettings() {
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> new RetryPolicy(-1, 10, 100, 1000));
        assertTrue(negative.getMessage().contains("maxRetries"));
        IllegalArgumentException inverted = assertThrows(IllegalArgumentException.class,
                () -> new RetryPolicy(3, 1000, 100, 1000));
        assertTrue(inverted.getMessage().contains("retryBackoffBase"));
    }

    @Test
    void readsRetryAfterSeconds() {
        RetryPolicy policy = new RetryPolicy(3, 10, 100, 300_000);
        assertEquals(5000, policy.retryAfterMillis("5", NOW));
        assertEquals(-1, policy.retryAfterMillis("0", NOW), "Retry-After: 0 counts as absent: our backoff applies");
        assertEquals(7000, policy.retryAfterMillis(" 7 ", NOW));
    }

    @Test
    void readsRetryAfterHttpDate() {
        RetryPolicy policy = new RetryPolicy(3, 10, 100, 300_000);
        String in30s = DateTimeFormatter.RFC_1123_DATE_TIME.format(NOW.plusSeconds(30).atOffset(ZoneOffset.UTC));
        assertEquals(30_000, policy.retryAfterMillis(in30s, NOW));
        assertEquals(30_000, policy.retryAfterMillis("Sun, 01 Mar 2026 10:00:30 GMT", NOW));
        assertEquals(-1, policy.retryAfterMillis("Sun, 01 Mar 2026 09:00:00 GMT", NOW),
                "a past date asks for no wait: counts as absent, like Retry-After: 0");
    }

    @Test
    void capsRetryAfter() {
        assertEquals(300_000, new RetryPolicy(3, 10, 100, 300_000).retryAfterMillis("86400", NOW));
        assertEquals(1500, new RetryPolicy(3, 10, 100, 1500).retryAfterMillis("60", NOW));
        assertEquals(1500, new RetryPolicy(3, 10, 100, 1500).retryAfterMillis("Mon, 02 Mar 2026 10:00:00 GMT", NOW));
        assertEquals(1500, new RetryPolicy(3, 10, 100, 1500).capServerDelay(60_000));
        assertEquals(0, new RetryPolicy(3, 10, 100, 1500).capServerDelay(-5));
    }

    @ParameterizedTest
    @ValueSource(strings = { "", " ", "soon", "-3", "1.5", "2026-03-01T10:00:30Z" })
    void ignoresUnreadableRetryAfter(String value) {
        assertEquals(-1, new RetryPolicy(3, 10, 100, 300_000).retryAfterMillis(value, NOW));
    }

    @Test
    void ignoresAbsentRetryAfter() {
        assertEquals(-1, new RetryPolicy(3, 10, 100, 300_000).retryAfterMillis(null, NOW));
    }
}
