package io.camelsegment.component.segment.publicapi;

import java.util.Map;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelsegment.component.segment.SegmentConstants;
import io.camelsegment.component.segment.SegmentHttpException;
import io.camelsegment.component.segment.http.SegmentHttpClient;
import io.camelsegment.component.segment.http.SegmentHttpResponse;
import org.apache.camel.Message;

/**
 * Maps Public API responses onto the Camel message: the {@code data} object as the body (a Map, or a JsonNode with
 * {@code responseType=jsonNode}), the status and {@code X-RateLimit-*} values of the last response and the
 * {@code data.pagination} cursors as headers. Headers a previous call left on the message are removed when this
 * response has no value for them, so that a paging loop sees the truth.
 */
final class PublicApiResponseMapper {

    static final String RATE_LIMIT_REMAINING = "X-RateLimit-Remaining";
    static final String RATE_LIMIT_CONSUMED = "X-RateLimit-Consumed";
    static final String RATE_LIMIT_RESET = "X-RateLimit-Reset";

    private final ObjectMapper mapper;
    // Built from classes, not from an anonymous TypeReference: reading that one's generic superclass needs
    // reflection metadata that a native image (Camel Quarkus) only has when the class is registered.
    private final JavaType mapType;
    private final boolean jsonNodeBody;

    PublicApiResponseMapper(ObjectMapper mapper, String responseType) {
        this.mapper = mapper;
        this.mapType = mapper.getTypeFactory().constructMapType(Map.class, String.class, Object.class);
        if (!"map".equals(responseType) && !"jsonNode".equals(responseType)) {
            throw new IllegalArgumentException("responseType must be map or jsonNode, was " + responseType);
        }
        this.jsonNodeBody = "jsonNode".equals(responseType);
    }

    /** The {@code data} of a successful response ({@code {"data": {...}}}); an empty object when there is no body. */
    JsonNode data(PublicApiCall call, SegmentHttpResponse response) throws SegmentHttpException {
        if (response.body().length == 0) {
            return mapper.createObjectNode();
        }
        if (response.truncated()) {
            throw new SegmentHttpException("Segment Public API " + call + " answered HTTP " + response.status()
                                           + " with a body of more than " + SegmentHttpClient.MAX_BODY_BYTES
                                           + " bytes, the most the component reads; the rest was not read",
                    response.status(), "", response.attempts(), null);
        }
        JsonNode root;
        try {
            root = mapper.readTree(response.body());
        } catch (Exception e) {
            String text = SegmentHttpException.truncate(call.mask(response.bodyAsString()));
            throw new SegmentHttpException("Segment Public API " + call + " answered HTTP " + response.status()
                                           + " with a body that is not JSON: " + text,
                    response.status(), text, response.attempts(), null);
        }
        JsonNode data = root.get("data");
        return data != null ? data : root;
    }

    /** Status and rate-limit headers of a response (successful or not). */
    void applyResponseHeaders(Message message, SegmentHttpResponse response) {
        message.setHeader(SegmentConstants.HTTP_STATUS, response.status());
        setOrRemove(message, SegmentConstants.RATE_LIMIT_REMAINING, response.header(RATE_LIMIT_REMAINING));
        setOrRemove(message, SegmentConstants.RATE_LIMIT_CONSUMED, response.header(RATE_LIMIT_CONSUMED));
        setOrRemove(message, SegmentConstants.RATE_LIMIT_RESET, response.header(RATE_LIMIT_RESET));
    }

    /** Pagination headers from {@code data.pagination} (removed for operations without pagination). */
    void applyPaginationHeaders(Message message, JsonNode data) {
        JsonNode pagination = data.path("pagination");
        setOrRemove(message, SegmentConstants.NEXT_CURSOR, text(pagination.get("next")));
        setOrRemove(message, SegmentConstants.PREVIOUS_CURSOR, text(pagination.get("previous")));
        JsonNode total = pagination.get("totalEntries");
        setOrRemove(message, SegmentConstants.TOTAL_ENTRIES, total != null && total.isNumber() ? total.asLong() : null);
    }

    /** The body to put on the message. */
    Object toBody(JsonNode data) {
        if (jsonNodeBody) {
            return data;
        }
        return data.isObject() ? mapper.convertValue(data, mapType) : mapper.convertValue(data, Object.class);
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() || node.asText().isEmpty() ? null : node.asText();
    }

    private static void setOrRemove(Message message, String header, Object value) {
        if (value == null) {
            message.removeHeader(header);
        } else {
            message.setHeader(header, value);
        }
    }
}
