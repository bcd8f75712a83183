package io.camelsegment.component.segment.http;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Segment's retry policy (API-NOTES A.11, the one analytics-java and analytics-python share): which statuses are
 * retried, how long to wait between attempts, and how a {@code Retry-After} header is read. Waits the server asked
 * for do not use up maxRetries: a throttled source keeps its events as long as Segment asks it to wait, up to
 * maxRateLimitDuration in all.
 */
public final class RetryPolicy {

    /** Longest wait a server may ask for with Retry-After (analytics-java MAX_RATE_LIMITED_SECONDS). */
    public static final Duration DEFAULT_MAX_RETRY_AFTER = Duration.ofSeconds(300);
    /** Longest time in all a request waits as the server asks (analytics-java's maxRateLimitDuration default). */
    public static final Duration DEFAULT_MAX_RATE_LIMIT_DURATION = Duration.ofHours(12);

    private final int maxRetries;
    private final long backoffBaseMillis;
    private final long backoffMaxMillis;
    private final long maxRetryAfterMillis;
    private final long maxRateLimitMillis;

    /** A policy whose server-asked waits may add up to {@link #DEFAULT_MAX_RATE_LIMIT_DURATION}. */
    public RetryPolicy(int maxRetries, long backoffBaseMillis, long backoffMaxMillis, long maxRetryAfterMillis) {
        this(maxRetries, backoffBaseMillis, backoffMaxMillis, maxRetryAfterMillis,
                DEFAULT_MAX_RATE_LIMIT_DURATION.toMillis());
    }

    /**
     * @param maxRateLimitMillis the longest time in all that one request waits as the server asks (Retry-After or a
     *                           hint) before it gives up
     */
    public RetryPolicy(int maxRetries, long backoffBaseMillis, long backoffMaxMillis, long maxRetryAfterMillis,
                       long maxRateLimitMillis) {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be >= 0, was " + maxRetries);
        }
        if (backoffBaseMillis < 0 || backoffMaxMillis < backoffBaseMillis) {
            throw new IllegalArgumentException("retry backoff must satisfy 0 <= retryBackoffBase <= retryBackoffMax, was "
                                               + backoffBaseMillis + " and " + backoffMaxMillis);
        }
        this.maxRetries = maxRetries;
        this.backoffBaseMillis = backoffBaseMillis;
        this.backoffMaxMillis = backoffMaxMillis;
        this.maxRetryAfterMillis = maxRetryAfterMillis;
        this.maxRateLimitMillis = maxRateLimitMillis;
    }

    public int getMaxRetries() {
        return maxRetries;
    }

    /**
     * Retry on 408, 410, 429, 460 (Segment's transient status) and every 5xx except 501, 505 and 511; never on another
     * 4xx.
     */
    public static boolean isRetryableStatus(int status) {
        if (status == 408 || status == 410 || status == 429 || status == 460) {
            return true;
        }
        return status >= 500 && status <= 599 && status != 501 && status != 505 && status != 511;
    }

    /**
     * Exponential backoff with full jitter in the upper half: attempt 1 waits between base/2 and base, attempt n between
     * half and all of min(cap, base * 2^(n-1)).
     */
    public long backoffMillis(int attempt) {
        if (backoffBaseMillis == 0) {
            return 0;
        }
        int shift = Math.min(Math.max(attempt - 1, 0), 30);
        long ceiling = Math.min(backoffMaxMillis, backoffBaseMillis << shift);
        if (ceiling <= 0 || ceiling > backoffMaxMillis) {
            ceiling = backoffMaxMillis;
        }
        long half = ceiling / 2;
        return half + ThreadLocalRandom.current().nextLong(ceiling - half + 1);
    }

    /**
     * Decides what follows the attempt just made of a request (counted by {@code retries}) that got this response, or
     * failed with this I/O error (exactly one is non-null), and counts the retry it decides on. Retryable statuses and
     * I/O errors are retried: after the server's {@code Retry-After} (or the hint) when it gave one, as long as such
     * waits add up to no more than maxRateLimitDuration (they do not count as retries); otherwise after our backoff,
     * until maxRetries such retries were made. maxRetries=0 retries nothing.
     */
    public RetryDecision decide(RetryState retries, SegmentHttpResponse response, java.io.IOException error,
                                RetryDelayHint hint, Instant now) {
        boolean retryable = response == null || !response.isSuccessful() && isRetryableStatus(response.status());
        if (!retryable) {
            return RetryDecision.STOP;
        }
        boolean rateLimited = response != null && response.status() == 429;
        long serverDelay = response == null ? -1 : serverDelayMillis(response, hint, now);
        RetryDecision decision;
        if (maxRetries == 0) {
            decision = new RetryDecision(false, 0, false, rateLimited, true);
        } else if (serverDelay >= 0) {
            boolean withinLimit = retries.serverAskedMillis() + serverDelay <= maxRateLimitMillis;
            decision = new RetryDecision(withinLimit, withinLimit ? serverDelay : 0, true, rateLimited, !withinLimit);
        } else if (retries.backoffRetries() >= maxRetries) {
            decision = new RetryDecision(false, 0, false, rateLimited, true);
        } else {
            decision = new RetryDecision(true, backoffMillis(retries.backoffRetries() + 1), false, rateLimited, false);
        }
        if (decision.retry()) {
            retries.retrying(decision);
        }
        return decision;
    }

    private long serverDelayMillis(SegmentHttpResponse response, RetryDelayHint hint, Instant now) {
        long retryAfter = retryAfterMillis(response.header("Retry-After"), now);
        if (retryAfter >= 0) {
            return retryAfter;
        }
        long hinted = hint.delayMillis(response);
        return hinted > 0 ? capServerDelay(hinted) : -1;
    }

    /**
     * The wait a server asked for, capped; -1 when the header is absent, unreadable or asks for no wait at all
     * ({@code Retry-After: 0}, or a date already past): then our own backoff applies, so a server that keeps answering
     * 0 is not hammered without pause.
     */
    public long retryAfterMillis(String headerValue, Instant now) {
        long millis = parseRetryAfterMillis(headerValue, now);
        return millis <= 0 ? -1 : Math.min(millis, maxRetryAfterMillis);
    }

    public long capServerDelay(long millis) {
        return Math.min(Math.max(millis, 0), maxRetryAfterMillis);
    }

    /**
     * Delta-seconds or an RFC 7231 HTTP-date; -1 when absent or unreadable. Seconds beyond what a long holds in
     * milliseconds read as the longest wait (capped at maxRetryAfter by the caller), not as absent.
     */
    static long parseRetryAfterMillis(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return -1;
        }
        String v = value.trim();
        if (v.chars().allMatch(c -> c >= '0' && c <= '9')) {
            BigInteger millis = new BigInteger(v).multiply(BigInteger.valueOf(1000));
            return millis.bitLength() < Long.SIZE ? millis.longValue() : Long.MAX_VALUE;
        }
        try {
            Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return Math.max(0, Duration.between(now, at).toMillis());
        } catch (DateTimeParseException notADate) {
            return -1;
        }
    }
}
