package io.camelsegment.component.segment.http;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A response from Segment: status, the headers we read (lower-cased names) and the body.
 *
 * @param status   HTTP status code
 * @param headers  response headers, names lower-cased, last value wins
 * @param body     response body bytes (empty when none)
 * @param attempts how many attempts it took (1 = no retry)
 * @param truncated the body is only the first bytes of a longer one (see {@link SegmentHttpClient#MAX_BODY_BYTES})
 */
public record SegmentHttpResponse(int status, Map<String, String> headers, byte[] body, int attempts,
                                  boolean truncated) {

    public boolean isSuccessful() {
        return status >= 200 && status < 300;
    }

    public String header(String name) {
        return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }

    public String bodyAsString() {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "HTTP " + status + " (" + body.length + " bytes" + (truncated ? " read of more" : "") + ", " + attempts
               + " attempt(s))";
    }
}
