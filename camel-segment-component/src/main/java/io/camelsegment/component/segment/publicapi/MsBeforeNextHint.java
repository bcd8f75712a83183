package io.camelsegment.component.segment.publicapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelsegment.component.segment.http.RetryDelayHint;
import io.camelsegment.component.segment.http.SegmentHttpResponse;

/**
 * The Public API's own retry hint: a 429 body like
 * {@code {"errors":[{"type":"RequestError","data":{"msBeforeNext":57647,...}}]}} says how many milliseconds until the
 * rate limit lifts (API-NOTES B.5). Used when there is no {@code Retry-After} header; the longest wait listed wins.
 */
final class MsBeforeNextHint implements RetryDelayHint {

    private final ObjectMapper mapper;

    MsBeforeNextHint(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public long delayMillis(SegmentHttpResponse response) {
        if (response.status() != 429 || response.body().length == 0) {
            return -1;
        }
        JsonNode errors;
        try {
            errors = mapper.readTree(response.body()).path("errors");
        } catch (Exception notJson) {
            return -1;
        }
        long longest = -1;
        for (JsonNode error : errors) {
            JsonNode ms = error.path("data").path("msBeforeNext");
            if (ms.isNumber() && ms.asLong() >= 0) {
                longest = Math.max(longest, ms.asLong());
            }
        }
        return longest;
    }
}
