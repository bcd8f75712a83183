package io.camelsegment.component.segment.publicapi;

import io.camelsegment.component.segment.SegmentOperation;
import io.camelsegment.component.segment.http.SecretMasker;
import io.camelsegment.component.segment.http.SegmentHttpRequest;

/**
 * One Public API request ready to send, with the masker of every secret it knows (the access token, the endpoint's
 * write key, the key in removeSourceWriteKey's path), so that whatever reports on it can mask them.
 *
 * @param operation the operation
 * @param request   the HTTP request (its {@code displayPath} is already masked)
 * @param secrets   masks the secrets of this call in text built from its response
 */
public record PublicApiCall(SegmentOperation operation, SegmentHttpRequest request, SecretMasker secrets) {

    /** The text with every secret of the call masked, for logs, exceptions and the envelope. */
    public String mask(String text) {
        return secrets.mask(text);
    }

    @Override
    public String toString() {
        return operation + " " + request;
    }
}
