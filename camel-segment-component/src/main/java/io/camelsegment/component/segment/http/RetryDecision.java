package io.camelsegment.component.segment.http;

/**
 * What to do after one attempt, as {@link RetryPolicy#decide} ruled: stop (success, a status that is not retried, or
 * retries exhausted) or retry after a delay. The one place where retries are decided, for the blocking loop of
 * {@link SegmentHttpClient#execute} and for the buffered sender, which re-enqueues a batch instead of sleeping.
 *
 * @param retry          whether to try again
 * @param delayMillis    how long to wait first (0 when not retrying)
 * @param serverAsked    the delay is the server's ({@code Retry-After} or a hint), not our backoff
 * @param rateLimited    the server answered 429: Segment's SDK guidance is to pause all sending, not only this request
 * @param exhausted      the attempt would have been retried but maxRetries is reached (serverAsked false), or the
 *                       server's waits would add up to more than maxRateLimitDuration (serverAsked true)
 */
public record RetryDecision(boolean retry, long delayMillis, boolean serverAsked, boolean rateLimited,
                            boolean exhausted) {

    static final RetryDecision STOP = new RetryDecision(false, 0, false, false, false);
}
