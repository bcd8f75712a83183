package io.camelsegment.component.segment.http;

/**
 * The attempts of one request so far, as {@link RetryPolicy#decide} counts them: retries after our own backoff count
 * against maxRetries; retries after a wait the server asked for ({@code Retry-After}, or the Public API's
 * msBeforeNext) do not, as in Segment's libraries, but their waits add up against maxRateLimitDuration. One per
 * request, touched by one thread at a time.
 */
public final class RetryState {

    private int attempts;
    private int backoffRetries;
    private int serverAskedRetries;
    private long serverAskedMillis;

    /** The number of the attempt about to be made (1 for the first). */
    public int nextAttempt() {
        return ++attempts;
    }

    /** Attempts made so far. */
    public int attempts() {
        return attempts;
    }

    int backoffRetries() {
        return backoffRetries;
    }

    long serverAskedMillis() {
        return serverAskedMillis;
    }

    /** The most attempts this request can now make without more server-asked waits: for "attempt n of m" in logs. */
    public int maxAttempts(int maxRetries) {
        return maxRetries + 1 + serverAskedRetries;
    }

    void retrying(RetryDecision decision) {
        if (decision.serverAsked()) {
            serverAskedRetries++;
            serverAskedMillis += decision.delayMillis();
        } else {
            backoffRetries++;
        }
    }
}
