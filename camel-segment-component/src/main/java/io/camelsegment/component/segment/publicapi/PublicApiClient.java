package io.camelsegment.component.segment.publicapi;


import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelsegment.component.segment.SegmentHttpException;
import io.camelsegment.component.segment.http.RetryPolicy;
import io.camelsegment.component.segment.http.SegmentHttpClient;
import io.camelsegment.component.segment.http.SegmentHttpResponse;
import io.camelsegment.component.segment.http.SegmentTransportException;
import io.camelsegment.component.segment.monitor.DeliveryMonitor;
import org.apache.camel.Message;

/**
 * Sends Public API calls through the component's one {@link SegmentHttpClient} (retries per {@link RetryPolicy}, with
 * the {@code msBeforeNext} hint on 429), records status and rate-limit headers of every response on the message, and
 * returns the response's {@code data}, or throws the mapped error. Every call is recorded in the sender's
 * {@link DeliveryMonitor}. Thread-safe.
 */
final class PublicApiClient {

    private final SegmentHttpClient http;
    private final RetryPolicy retryPolicy;
    private final long responseTimeoutMillis;
    private final MsBeforeNextHint retryHint;
    private final PublicApiResponseMapper responses;
    private final PublicApiErrorMapper errors;
    private final DeliveryMonitor monitor;

    PublicApiClient(SegmentHttpClient http, RetryPolicy retryPolicy, long responseTimeoutMillis, ObjectMapper mapper,
                    PublicApiResponseMapper responses, DeliveryMonitor monitor) {
        this.http = http;
        this.retryPolicy = retryPolicy;
        this.responseTimeoutMillis = responseTimeoutMillis;
        this.retryHint = new MsBeforeNextHint(mapper);
        this.responses = responses;
        this.errors = new PublicApiErrorMapper(mapper);
        this.monitor = monitor;
    }

    JsonNode send(PublicApiCall call, Message message) throws SegmentHttpException {
        SegmentHttpResponse response;
        monitor.requestStarted();
        try {
            response = http.execute(call.request(), retryPolicy, retryHint, responseTimeoutMillis);
        } catch (SegmentTransportException e) {
            SegmentHttpException failure = errors.fromIoFailure(call, e);
            monitor.batchFailed(0, failure.getAttempts() - 1, failure);
            throw failure;
        } finally {
            monitor.requestFinished();
        }
        responses.applyResponseHeaders(message, response);
        if (!response.isSuccessful()) {
            SegmentHttpException failure = errors.fromResponse(call, response);
            monitor.batchFailed(0, response.attempts() - 1, failure);
            throw failure;
        }
        byte[] body = call.request().body();
        monitor.batchSent(0, body != null ? body.length : 0, response.attempts() - 1);
        return responses.data(call, response);
    }
}
