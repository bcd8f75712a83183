package io.camelsegment.component.segment;

/**
 * Segment answered with an error status (after retries, where retryable) or could not be reached. Carries the status
 * and a truncated response body; never credentials.
 */
public class SegmentHttpException extends SegmentException {

    private static final long serialVersionUID = 1L;

    /** How much of a response body an exception keeps. */
    public static final int MAX_BODY_CHARS = 1000;

    private final int statusCode;
    private final String responseBody;
    private final int attempts;

    public SegmentHttpException(String message, int statusCode, String responseBody, int attempts, Throwable cause) {
        super(message, cause);
        this.statusCode = statusCode;
        this.responseBody = responseBody;
        this.attempts = attempts;
    }

    /** The HTTP status, or 0 when no response was received (I/O error). */
    public int getStatusCode() {
        return statusCode;
    }

    /** The response body, truncated to {@value #MAX_BODY_CHARS} characters; empty when none. */
    public String getResponseBody() {
        return responseBody;
    }

    /** How many attempts were made. */
    public int getAttempts() {
        return attempts;
    }

    public static String truncate(String body) {
        if (body == null) {
            return "";
        }
        return body.length() <= MAX_BODY_CHARS ? body : body.substring(0, MAX_BODY_CHARS) + "...(truncated)";
    }
}
