package io.camelsegment.component.segment.publicapi;

import io.camelsegment.component.segment.SegmentOperation;
import io.camelsegment.component.segment.http.SegmentHttpRequest;

/**
 * One Public API request ready to send, with the secret it carries in its URL (removeSourceWriteKey's write key), so
 * that whatever reports on it can mask that secret and the access token.
 *
 * @param operation the operation
 * @param request   the HTTP request (its {@code displayPath} is already masked)
 * @param urlSecret the secret inside the request URI, or null
 */
public record PublicApiCall(SegmentOperation operation, SegmentHttpRequest request, String urlSecret) {

    private static final String BEARER = "Bearer ";

    /**
     * Replaces the URL secret (and its URL-encoded form) and the access token of the Authorization header in text
     * meant for logs or exceptions: a server may echo either.
     */
    public String mask(String text) {
        if (text == null) {
            return null;
        }
        String masked = replace(text, urlSecret);
        if (urlSecret != null && !urlSecret.isEmpty()) {
            masked = masked.replace(PublicApiRequestBuilder.encode(urlSecret), PublicApiRequestBuilder.MASK);
        }
        String authorization = request.headers().get("Authorization");
        if (authorization != null && authorization.startsWith(BEARER)) {
            masked = replace(masked, authorization.substring(BEARER.length()));
        }
        return masked;
    }

    private static String replace(String text, String secret) {
        return secret == null || secret.isEmpty() ? text : text.replace(secret, PublicApiRequestBuilder.MASK);
    }

    @Override
    public String toString() {
        return operation + " " + request;
    }
}
