package io.camelsegment.component.segment.publicapi;


import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelsegment.component.segment.SegmentHttpException;
import io.camelsegment.component.segment.http.RetryPolicy;
import io.camelsegment.component.segment.http.SegmentHttpClient;
import io.camelsegment.component.segment.http.SegmentHttpResponse;
import io.camelsegment.component.segment.http.SegmentTransportException;
import org.apache.camel.Message;

/**
 * Sends Public API calls through the component's one {@link SegmentHttpClient} (retries per {@link RetryPolicy}, with
 * the {@code msBeforeNext} hint on 429), records status and rate-limit headers of every response on the message, and
 * returns the response's {@code data}, or throws the mapped error. Thread-safe.
 */
final class PublicApiClient {

    private final SegmentHttpClient http;
    private final RetryPolicy retryPolicy;
    private final long responseTimeoutMillis;
    private final MsBeforeNextHint retryHint;
    private final PublicApiResponseMapper responses;
    private final PublicApiErrorMapper errors;

    PublicApiClient(SegmentHttpClient http, RetryPolicy retryPolicy, long responseTimeoutMillis, ObjectMapper mapper,
                    PublicApiResponseMapper responses) {
        this.http = http;
        this.retryPolicy = retryPolicy;
        this.responseTimeoutMillis = responseTimeoutMillis;
        this.retryHint = new MsBeforeNextHint(mapper);
        this.responses = responses;
        this.errors = new PublicApiErrorMapper(mapper);
    }

    JsonNode send(PublicApiCall call, Message message) throws SegmentHttpException {
        SegmentHttpResponse response;
        try {
            response = http.execute(call.request(), retryPolicy, retryHint, responseTimeoutMillis);
        } catch (SegmentTransportException e) {
            throw errors.fromIoFailure(call, e);
        }
        responses.applyResponseHeaders(message, response);
        if (!response.isSuccessful()) {
            throw errors.fromResponse(call, response);
        }
        return responses.data(call, response);
    }
}
