package io.camelsegment.component.segment;

import java.util.List;

/**
 * The Public API answered with an error: status plus every Segment error ({@code type}, {@code message},
 * {@code field}) of the {@code errors} envelope.
 */
public class SegmentApiException extends SegmentHttpException {

    private static final long serialVersionUID = 1L;

    private final List<ApiError> errors;

    public SegmentApiException(String message, int statusCode, String responseBody, int attempts, List<ApiError> errors,
                               Throwable cause) {
        super(message, statusCode, responseBody, attempts, cause);
        this.errors = List.copyOf(errors);
    }

    /** The errors Segment listed; empty when the body was not a Segment error envelope. */
    public List<ApiError> getErrors() {
        return errors;
    }

    /**
     * One entry of the Public API's {@code errors} array.
     *
     * @param type    error type (e.g. NotFound, ValidationFailure, RateLimited)
     * @param message human-readable message, may be null
     * @param field   offending input field, may be null
     */
    public record ApiError(String type, String message, String field) {
        @Override
        public String toString() {
            return type + (message != null ? ": " + message : "") + (field != null ? " (field " + field + ")" : "");
        }
    }
}
