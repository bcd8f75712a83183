package io.camelsegment.component.segment.tracking;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import io.camelsegment.component.segment.SegmentHttpException;
import io.camelsegment.component.segment.SegmentOperation;
import io.camelsegment.component.segment.http.RequestTimer;
import io.camelsegment.component.segment.http.RequestWatch;
import io.camelsegment.component.segment.http.RetryDecision;
import io.camelsegment.component.segment.http.RetryDelayHint;
import io.camelsegment.component.segment.http.RetryPolicy;
import io.camelsegment.component.segment.http.RetryState;
import io.camelsegment.component.segment.http.SecretMasker;
import io.camelsegment.component.segment.http.SegmentHttpClient;
import io.camelsegment.component.segment.http.SegmentHttpRequest;
import io.camelsegment.component.segment.http.SegmentHttpResponse;
import io.camelsegment.component.segment.http.SegmentTransportException;

/**
 * Sends encoded events to the Tracking API: one event to its per-call path, or a {@link TrackingBatch} to
 * {@code /batch}. Basic auth with the write key; retries per {@link RetryPolicy}; an error status or exhausted retries
 * end in {@link SegmentHttpException}. Shared by direct, batch and buffered delivery. Thread-safe.
 */
public class TrackingClient {

    private final SegmentHttpClient http;
    private final RetryPolicy retryPolicy;
    private final String baseUrl;
    private final long responseTimeoutMillis;
    private final String userAgent;
    private final SecretMasker endpointSecrets;

    /**
     * @param endpointSecrets the secrets of the endpoint (its write key and access token), masked with the write key
     *                        of each request in whatever is built from a response
     */
    public TrackingClient(SegmentHttpClient http, RetryPolicy retryPolicy, String baseUrl, long responseTimeoutMillis,
                          String libraryVersion, SecretMasker endpointSecrets) {
        this.http = http;
        this.retryPolicy = retryPolicy;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.responseTimeoutMillis = responseTimeoutMillis;
        this.userAgent = "camel-segment/" + libraryVersion;
        this.endpointSecrets = endpointSecrets;
    }

    /** The timer that ends this client's attempts, for the buffered sender's own deadlines. */
    public RequestTimer requestTimer() {
        return http.requestTimer();
    }

    /** Sends one event to its per-call endpoint, e.g. {@code POST /v1/track}. */
    public SegmentHttpResponse sendSingle(SegmentOperation operation, EncodedEvent event, String writeKey)
            throws SegmentHttpException {
        return send(operation.getPath(), SentAt.singleCallBody(event, Instant.now()), writeKey);
    }

    /** Sends a batch to {@code POST /v1/batch}. */
    public SegmentHttpResponse sendBatch(TrackingBatch batch, String writeKey) throws SegmentHttpException {
        return send(SegmentOperation.batch.getPath(), batch.toRequestBody(Instant.now()), writeKey);
    }

    /**
     * The {@code /v1/batch} request of a batch, built once by the buffered sender: every retry re-sends exactly these
     * bytes (sentAt of the first attempt), as the blocking retry loop does.
     */
    public SegmentHttpRequest batchRequest(TrackingBatch batch, String writeKey, byte[] into) {
        int length = batch.writeRequestBody(Instant.now(), into);
        return request(SegmentOperation.batch.getPath(), into, length, writeKey);
    }

    /**
     * One attempt of a request, no retry (the buffered sender decides and re-enqueues itself).
     *
     * @param watch may abort the request before it ends by itself (the batch's deadline, the sender stopping)
     */
    public SegmentHttpResponse attempt(SegmentHttpRequest request, int attempt, long responseTimeoutMillis,
                                       RequestWatch watch)
            throws IOException {
        return http.attempt(request, attempt, Math.min(responseTimeoutMillis, this.responseTimeoutMillis), watch);
    }

    /**
     * What follows the attempt just made, by the same retry policy as every other request of this endpoint; a retry
     * is counted in {@code retries}.
     */
    public RetryDecision decide(RetryState retries, SegmentHttpResponse response, IOException error) {
        return retryPolicy.decide(retries, response, error, RetryDelayHint.NONE, Instant.now());
    }

    /** Logs what follows an attempt of the buffered sender, as the blocking retry loop logs its own. */
    public void logOutcome(SegmentHttpRequest request, RetryState retries, SegmentHttpResponse response,
                           IOException error, RetryDecision decision, long responseTimeoutMillis) {
        http.logOutcome(request, retries, retryPolicy.getMaxRetries(), response, error, decision,
                Math.min(responseTimeoutMillis, this.responseTimeoutMillis));
    }

    /** The exception for a request that ended without success: an error status, or an I/O error. */
    public SegmentHttpException failure(SegmentHttpRequest request, SegmentHttpResponse response, IOException error,
                                        int attempts, String writeKey) {
        SecretMasker masker = endpointSecrets.with(writeKey);
        if (response == null) {
            return new SegmentHttpException("Segment Tracking API " + request + " failed after " + attempts
                                            + " attempt(s): " + masker.mask(error.getClass().getSimpleName()
                                                                            + (error.getMessage() != null
                                                                                    ? ": " + error.getMessage() : "")),
                    0, "", attempts, error);
        }
        // A server may echo what it got: mask before anything is cut or shown.
        String text = SegmentHttpException.truncate(masker.mask(response.bodyAsString()));
        return new SegmentHttpException("Segment Tracking API " + request + " answered HTTP " + response.status()
                                        + describeRetries(response) + ": " + text,
                response.status(), text, response.attempts(), null);
    }

    private SegmentHttpResponse send(String path, byte[] body, String writeKey) throws SegmentHttpException {
        SegmentHttpRequest request = request(path, body, writeKey);
        SegmentHttpResponse response;
        try {
            response = http.execute(request, retryPolicy, RetryDelayHint.NONE, responseTimeoutMillis);
        } catch (SegmentTransportException e) {
            throw failure(request, null, (IOException) e.getCause(), e.getAttempts(), writeKey);
        }
        if (!response.isSuccessful()) {
            throw failure(request, response, null, response.attempts(), writeKey);
        }
        return response;
    }

    private SegmentHttpRequest request(String path, byte[] body, String writeKey) {
        return request(path, body, body.length, writeKey);
    }

    private SegmentHttpRequest request(String path, byte[] body, int length, String writeKey) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", basicAuth(writeKey));
        headers.put("Content-Type", "application/json");
        headers.put("User-Agent", userAgent);
        return new SegmentHttpRequest("POST", URI.create(baseUrl + path), "/v1" + path, headers, body, length);
    }

    private static String describeRetries(SegmentHttpResponse response) {
        if (response.attempts() > 1) {
            return " after " + response.attempts() + " attempts";
        }
        return RetryPolicy.isRetryableStatus(response.status()) ? "" : " (not retryable)";
    }

    static String basicAuth(String writeKey) {
        return "Basic " + basicCredentials(writeKey);
    }

    private static String basicCredentials(String writeKey) {
        // Username = write key, empty password: "include a colon before encoding" (API-NOTES A.3).
        return Base64.getEncoder().encodeToString((writeKey + ":").getBytes(StandardCharsets.UTF_8));
    }
}
