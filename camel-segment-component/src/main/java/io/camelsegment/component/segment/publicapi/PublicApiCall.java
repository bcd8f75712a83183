package io.camelsegment.component.segment.publicapi;

import io.camelsegment.component.segment.SegmentOperation;
import io.camelsegment.component.segment.http.SegmentHttpRequest;

/**
 * One Public API request ready to send, with the secret it carries in its URL (removeSourceWriteKey's write key), so
 * that whatever reports on it can mask that secret.
 *
 * @param operation the operation
 * @param request   the HTTP request (its {@code displayPath} is already masked)
 * @param urlSecret the secret inside the request URI, or null
 */
public record PublicApiCall(SegmentOperation operation, SegmentHttpRequest request, String urlSecret) {

    /** Replaces the URL secret (and its URL-encoded form) in text meant for logs or exceptions. */
    public String mask(String text) {
        if (text == null || urlSecret == null || urlSecret.isEmpty()) {
            return text;
        }
        return text.replace(urlSecret, PublicApiRequestBuilder.MASK)
                .replace(PublicApiRequestBuilder.encode(urlSecret), PublicApiRequestBuilder.MASK);
    }

    @Override
    public String toString() {
        return operation + " " + request;
    }
}
