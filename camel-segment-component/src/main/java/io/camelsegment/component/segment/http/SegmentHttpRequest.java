package io.camelsegment.component.segment.http;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One request to Segment, ready to be sent (and re-sent on retry with exactly the same bytes).
 *
 * @param method      HTTP method
 * @param uri         full URI, path parameters already encoded
 * @param displayPath the path as it may appear in logs and exception messages (secrets masked)
 * @param headers     request headers (Authorization included; never logged)
 * @param body        request body, or null
 * @param bodyLength  how many bytes of {@code body} are the request's (a reused buffer may be longer)
 */
public record SegmentHttpRequest(String method, URI uri, String displayPath, Map<String, String> headers, byte[] body,
                                 int bodyLength) {

    public SegmentHttpRequest {
        headers = new LinkedHashMap<>(headers);
    }

    public SegmentHttpRequest(String method, URI uri, String displayPath, Map<String, String> headers, byte[] body) {
        this(method, uri, displayPath, headers, body, body != null ? body.length : 0);
    }

    @Override
    public String toString() {
        return method + " " + displayPath;
    }
}
