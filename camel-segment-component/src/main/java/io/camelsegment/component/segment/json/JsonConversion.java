package io.camelsegment.component.segment.json;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import io.camelsegment.component.segment.SegmentValidationException;

/**
 * The two calls into Jackson that walk a route's Java value recursively (converting a POJO to a tree, writing a value
 * as JSON), with every failure as a {@link SegmentValidationException} naming the field: a getter that throws, a null
 * key, nesting beyond Jackson's limit, a lone surrogate, and a value so deep that the walk overflows the thread's stack
 * first (caught here, where it arises, so that no {@code Error} reaches the route; nor does any other Error of the
 * route's value but a VirtualMachineError).
 */
public final class JsonConversion {

    private JsonConversion() {
    }

    /**
     * The value as a Jackson tree. As {@code ObjectMapper.valueToTree}, which writes the value into a token buffer and
     * reads that back, but written through the component's generator: a bean graph that holds one object many times
     * over ends at {@link SegmentJson#MAX_VALUES} instead of filling the heap, and what the writer refuses (a lone
     * surrogate, NaN) is refused here already.
     */
    public static JsonNode valueToTree(ObjectMapper mapper, Object value, String field)
            throws SegmentValidationException {
        if (value == null) {
            return mapper.getNodeFactory().nullNode();
        }
        try {
            TokenBuffer buffer = new TokenBuffer(mapper, false);
            mapper.writeValue(new UnicodeCheckingGenerator(buffer), value);
            try (JsonParser parser = buffer.asParser(mapper)) {
                return mapper.readTree(parser);
            }
        } catch (IOException | IllegalArgumentException e) {
            throw JsonProblems.writing(field, e);
        } catch (StackOverflowError e) {
            throw JsonProblems.tooDeepForStack(field);
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Error e) {
            throw JsonProblems.writing(field, e); // not from a getter (GetterErrors names those): by its class
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
            throw JsonProblems.tooDeepForStack(join(field, deepestEntry(value)));
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Error e) {
            throw JsonProblems.writing(field, e); // not from a getter (GetterErrors names those): by its class
        }
    }

    /**
     * The error for a value that one of the component's own walks found nested deeper than
     * {@link SegmentJson#MAX_NESTING_DEPTH}: the writer's, which stops at the same depth and names the path there, so
     * that the value is refused alike wherever it is found.
     */
    public static SegmentValidationException tooDeep(ObjectMapper mapper, Object value, String field) {
        try {
            writeValueAsBytes(mapper, value, field);
        } catch (SegmentValidationException e) {
            return e;
        }
        return JsonProblems.tooDeep(field.isEmpty() ? "message" : field); // not reached: the writer has the same limit
    }

    /** The key of the first entry of a Map that nests deeper than Jackson's limit; null when none (or not a Map). */
    private static String deepestEntry(Object value) {
        if (value instanceof java.util.Map<?, ?> map) {
            for (java.util.Map.Entry<?, ?> e : map.entrySet()) {
                if (deeperThan(e.getValue(), SegmentJson.MAX_NESTING_DEPTH - 1)) {
                    return String.valueOf(e.getKey());
                }
            }
        }
        return null;
    }

    /** Whether the value nests more than {@code levels} levels; recursion bounded by {@code levels}. */
    private static boolean deeperThan(Object value, int levels) {
        Iterable<?> children = value instanceof java.util.Map<?, ?> map ? map.values()
                : value instanceof Iterable<?> items ? items : null;
        if (children == null) {
            return false;
        }
        if (levels == 0) {
            return true;
        }
        for (Object child : children) {
            if (deeperThan(child, levels - 1)) {
                return true;
            }
        }
        return false;
    }

    private static String join(String field, String key) {
        if (key == null) {
            return field.isEmpty() ? "message" : field;
        }
        return field.isEmpty() ? key : field + "." + key;
    }
}
