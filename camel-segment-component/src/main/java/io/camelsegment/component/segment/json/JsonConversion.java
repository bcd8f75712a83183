package io.camelsegment.component.segment.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelsegment.component.segment.SegmentValidationException;

/**
 * The two calls into Jackson that walk a route's Java value recursively (converting a POJO to a tree, writing a value
 * as JSON), with every failure as a {@link SegmentValidationException} naming the field: a getter that throws, a null
 * key, nesting beyond Jackson's limit, a lone surrogate, and a value so deep that the walk overflows the thread's stack
 * first (caught here, where it arises, so that no {@code Error} reaches the route).
 */
public final class JsonConversion {

    private JsonConversion() {
    }

    /** The value as a Jackson tree. */
    public static JsonNode valueToTree(ObjectMapper mapper, Object value, String field)
            throws SegmentValidationException {
        try {
            return mapper.valueToTree(value);
        } catch (IllegalArgumentException e) {
            throw JsonProblems.writing(field, e);
        } catch (StackOverflowError e) {
            throw JsonProblems.tooDeepForStack(field);
        }
    }

    /** The value as JSON bytes (UTF-8). */
    public static byte[] writeValueAsBytes(ObjectMapper mapper, Object value, String field)
            throws SegmentValidationException {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw JsonProblems.writing(field, e);
        } catch (StackOverflowError e) {
            throw JsonProblems.tooDeepForStack(field);
        }
    }
}
