package io.camelsegment.component.segment.http;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import javax.net.ssl.SSLException;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes failing deliveries visible while they happen (logger {@code io.camelsegment.component.segment.http
 * .DeliveryAttemptLog}): every failed attempt that will be retried, and the last one, at WARN with its cause, "attempt
 * n of m" and when the next attempt comes; once at INFO when a request that had failed then succeeds. Called where
 * retry decisions are made. Lines name the request by method and masked path and the cause by kind (unknown host,
 * connection refused, connect timeout, response timeout, TLS, HTTP status): never headers, bodies or credentials.
 * "m" counts the retries a {@code Retry-After} allowed so far, which do not use up maxRetries.
 */
public final class DeliveryAttemptLog {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryAttemptLog.class);

    private DeliveryAttemptLog() {
    }

    /** A failed attempt that will be retried after {@code waitMillis}. */
    public static void retrying(Object request, int attempt, int maxAttempts, String cause, long waitMillis) {
        LOG.warn("Segment {}: attempt {} of {} failed: {}; next attempt in {} ms (at {})", request, attempt,
                maxAttempts, cause, waitMillis, Instant.now().plusMillis(waitMillis).truncatedTo(ChronoUnit.MILLIS));
    }

    /** The last attempt failed: no retry follows, as {@code decision} says why. */
    public static void givingUp(Object request, int attempt, int maxAttempts, String cause, RetryDecision decision) {
        LOG.warn("Segment {}: attempt {} of {} failed: {}; giving up{}", request, attempt, maxAttempts, cause,
                !decision.exhausted() ? " (not retryable)"
                        : decision.serverAsked() ? " (the waits Segment asked for would pass maxRateLimitDuration)"
                        : " (no retries left)");
    }

    /** A request whose earlier attempts failed has now succeeded. */
    public static void recovered(Object request, int attempt, int maxAttempts) {
        LOG.info("Segment {}: attempt {} of {} succeeded after {} failed attempt(s)", request, attempt, maxAttempts,
                attempt - 1);
    }

    /** What an HTTP status means for delivery, e.g. {@code HTTP 503}. */
    public static String describe(SegmentHttpResponse response) {
        return "HTTP " + response.status();
    }

    /**
     * The kind of an I/O failure, named so an operator can act on it: unknown host, connection refused, connect
     * timeout, response timeout, TLS failure, connection closed without a response; anything else by its class.
     */
    public static String describe(IOException e, URI target, long connectTimeoutMillis, long responseTimeoutMillis) {
        String endpoint = target.getHost() + ":" + port(target);
        String message = withoutPath(e.getMessage(), target);
        if (e instanceof UnknownHostException) {
            return "unknown host (DNS lookup failed for " + message + ")";
        }
        if (e instanceof ConnectTimeoutException) {
            return "connect timeout (no connection within " + connectTimeoutMillis + " ms: " + message + ")";
        }
        if (e instanceof SocketTimeoutException) {
            return "response timeout (no answer from " + endpoint + " within " + responseTimeoutMillis + " ms)";
        }
        if (e instanceof ConnectException && message != null && message.contains("refused")) {
            return "connection refused (" + message + ")";
        }
        if (e instanceof NoRouteToHostException) {
            return "no route to host (" + message + ")";
        }
        if (e instanceof SSLException) {
            return "TLS failure with " + endpoint + " (" + message + ")";
        }
        if (e instanceof NoHttpResponseException) {
            return "no response (" + endpoint + " closed the connection)";
        }
        return e.getClass().getSimpleName() + (message != null ? " (" + message + ")" : "");
    }

    /** A path can carry a secret (removeSourceWriteKey's): an exception quoting the URI must not show it. */
    private static String withoutPath(String message, URI target) {
        String path = target.getRawPath();
        return message == null || path == null || path.length() <= 1 ? message : message.replace(path, "/...");
    }

    private static int port(URI target) {
        if (target.getPort() > 0) {
            return target.getPort();
        }
        return "https".equalsIgnoreCase(target.getScheme()) ? 443 : 80;
    }
}
