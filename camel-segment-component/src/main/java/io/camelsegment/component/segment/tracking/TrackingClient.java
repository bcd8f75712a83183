package io.camelsegment.component.segment.tracking;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import io.camelsegment.component.segment.SegmentHttpException;
import io.camelsegment.component.segment.SegmentOperation;
import io.camelsegment.component.segment.http.RetryDelayHint;
import io.camelsegment.component.segment.http.RetryPolicy;
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

    /** Sends one event to its per-call endpoint, e.g. {@code POST /v1/track}. */
    public SegmentHttpResponse sendSingle(SegmentOperation operation, EncodedEvent event, String writeKey)
            throws SegmentHttpException {
        return send(operation.getPath(), SentAt.singleCallBody(event, Instant.now()), writeKey);
    }

    /** Sends a batch to {@code POST /v1/batch}. */
    public SegmentHttpResponse sendBatch(TrackingBatch batch, String writeKey) throws SegmentHttpException {
        return send(SegmentOperation.batch.getPath(), batch.toRequestBody(Instant.now()), writeKey);
    }

    private SegmentHttpResponse send(String path, byte[] body, String writeKey) throws SegmentHttpException {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", basicAuth(writeKey));
        headers.put("Content-Type", "application/json");
        headers.put("User-Agent", userAgent);
        SegmentHttpRequest request = new SegmentHttpRequest("POST", URI.create(baseUrl + path), "/v1" + path, headers,
                body);
        SegmentHttpResponse response;
        try {
            response = http.execute(request, retryPolicy, RetryDelayHint.NONE, responseTimeoutMillis);
        } catch (SegmentTransportException e) {
            throw new SegmentHttpException("Segment Tracking API " + request + " failed after " + e.getAttempts()
                                           + " attempt(s): " + endpointSecrets.with(writeKey).mask(e.getMessage()),
                    0, "", e.getAttempts(), e.getCause());
        }
        if (!response.isSuccessful()) {
            // A server may echo what it got: mask before anything is cut or shown.
            String text = SegmentHttpException.truncate(endpointSecrets.with(writeKey).mask(response.bodyAsString()));
            throw new SegmentHttpException("Segment Tracking API " + request + " answered HTTP " + response.status()
                                           + describeRetries(response) + ": " + text,
                    response.status(), text, response.attempts(), null);
        }
        return response;
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
