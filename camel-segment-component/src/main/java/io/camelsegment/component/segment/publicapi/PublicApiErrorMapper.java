package io.camelsegment.component.segment.publicapi;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelsegment.component.segment.SegmentApiException;
import io.camelsegment.component.segment.SegmentApiException.ApiError;
import io.camelsegment.component.segment.SegmentHttpException;
import io.camelsegment.component.segment.http.RetryPolicy;
import io.camelsegment.component.segment.http.SegmentHttpResponse;
import io.camelsegment.component.segment.http.SegmentTransportException;

/**
 * Turns a failed Public API call into the exception the route sees: an error status into {@link SegmentApiException}
 * listing every {@code errors[]} entry (type, message, field), or the raw text (truncated) when the body is not
 * Segment's error envelope; an I/O failure into {@link SegmentHttpException}. Secrets of the call are masked.
 */
final class PublicApiErrorMapper {

    private final ObjectMapper mapper;

    PublicApiErrorMapper(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    SegmentApiException fromResponse(PublicApiCall call, SegmentHttpResponse response) {
        String body = response.bodyAsString();
        String text = call.mask(body);
        List<ApiError> errors = parseErrors(call, body);
        String details = errors.isEmpty()
                ? (text.isBlank() ? "(empty body)" : SegmentHttpException.truncate(text))
                : errors.stream().map(ApiError::toString).collect(Collectors.joining("; "));
        String message = "Segment Public API " + call + " answered HTTP " + response.status()
                         + describeRetries(response) + ": " + details + rateLimit(response);
        return new SegmentApiException(message, response.status(), SegmentHttpException.truncate(text),
                response.attempts(), errors, null);
    }

    SegmentHttpException fromIoFailure(PublicApiCall call, SegmentTransportException failure) {
        IOException e = (IOException) failure.getCause();
        int attempts = failure.getAttempts();
        String reason = e.getClass().getSimpleName() + (e.getMessage() != null ? ": " + call.mask(e.getMessage()) : "");
        // Keep the cause for diagnosis unless its message carries the URL secret.
        String original = String.valueOf(e.getMessage());
        Throwable cause = call.mask(original).equals(original) ? e : null;
        return new SegmentHttpException("Segment Public API " + call + " failed after " + attempts + " attempt(s): "
                                        + reason, 0, "", attempts, cause);
    }

    /** Masked after parsing: parsing decodes JSON escapes, which may spell out a secret the raw text hid. */
    private List<ApiError> parseErrors(PublicApiCall call, String body) {
        List<ApiError> errors = new ArrayList<>();
        JsonNode list;
        try {
            list = mapper.readTree(body).path("errors");
        } catch (Exception notJson) {
            return errors;
        }
        for (JsonNode e : list) {
            if (e.isObject()) {
                errors.add(new ApiError(call.mask(textOrNull(e, "type")), call.mask(textOrNull(e, "message")),
                        call.mask(textOrNull(e, "field"))));
            }
        }
        return errors;
    }

    private static String textOrNull(JsonNode node, String name) {
        JsonNode v = node.get(name);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static String describeRetries(SegmentHttpResponse response) {
        if (response.attempts() > 1) {
            return " after " + response.attempts() + " attempts";
        }
        return RetryPolicy.isRetryableStatus(response.status()) ? "" : " (not retryable)";
    }

    private static String rateLimit(SegmentHttpResponse response) {
        String remaining = response.header(PublicApiResponseMapper.RATE_LIMIT_REMAINING);
        String reset = response.header(PublicApiResponseMapper.RATE_LIMIT_RESET);
        if (response.status() != 429 || remaining == null && reset == null) {
            return "";
        }
        return " [rate limit: remaining " + remaining + ", reset " + reset + "]";
    }
}
