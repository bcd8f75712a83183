package io.camelsegment.component.segment.tracking;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelsegment.component.segment.SegmentValidationException;
import io.camelsegment.component.segment.json.JsonConversion;
import io.camelsegment.component.segment.json.SegmentJson;

/**
 * Builds Jackson trees straight from the plain Java values routes mostly carry (Maps, Lists, Strings, numbers,
 * booleans). {@code ObjectMapper.valueToTree} serializes into a token buffer and parses it back, which costs about as
 * much as the final serialization; per event, that matters. Anything else (POJOs, dates, enums) still goes through
 * the mapper, so the result is the same tree valueToTree would give.
 */
final class JavaValueTrees {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JavaValueTrees() {
    }

    /**
     * @param field what the value is, for errors
     * @throws SegmentValidationException when the value nests deeper than Jackson's limit or cannot be converted
     */
    static JsonNode toTree(ObjectMapper mapper, Object value, String field) throws SegmentValidationException {
        try {
            return toTree(mapper, value, field, 0, new ValueCount());
        } catch (NestedTooDeep e) {
            throw JsonConversion.tooDeep(mapper, value, field);
        } catch (ValueCount.TooManyValues e) {
            throw ValueCount.tooMany(field);
        }
    }

    private static JsonNode toTree(ObjectMapper mapper, Object value, String field, int depth, ValueCount count)
            throws SegmentValidationException {
        count.visit();
        if (depth > SegmentJson.MAX_NESTING_DEPTH) {
            // Bounded before recursing further: a Map that contains itself would otherwise overflow the stack.
            throw new NestedTooDeep();
        }
        if (value == null) {
            return NODES.nullNode();
        }
        if (value instanceof String s) {
            return NODES.textNode(s);
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = NODES.objectNode();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!(e.getKey() instanceof String key)) {
                    // the mapper knows how to write other key types
                    return JsonConversion.valueToTree(mapper, value, field);
                }
                object.set(key, toTree(mapper, e.getValue(), field, depth + 1, count));
            }
            return object;
        }
        if (value instanceof ObjectNode node) {
            // copied here, not with deepCopy(), which recurses without a bound
            ObjectNode object = NODES.objectNode();
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                object.set(e.getKey(), toTree(mapper, e.getValue(), field, depth + 1, count));
            }
            return object;
        }
        if (value instanceof java.util.Collection<?> || value instanceof ArrayNode) {
            ArrayNode array = NODES.arrayNode();
            for (Object item : (Iterable<?>) value) {
                array.add(toTree(mapper, item, field, depth + 1, count));
            }
            return array;
        }
        if (value instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return NODES.numberNode(((Number) value).intValue());
        }
        if (value instanceof Long l) {
            return NODES.numberNode(l);
        }
        if (value instanceof Double d) {
            return NODES.numberNode(d);
        }
        if (value instanceof Float f) {
            return NODES.numberNode(f);
        }
        if (value instanceof BigDecimal d) {
            return NODES.numberNode(d);
        }
        if (value instanceof BigInteger i) {
            return NODES.numberNode(i);
        }
        if (value instanceof JsonNode node) {
            return node; // a scalar: immutable, what deepCopy() returns
        }
        return JsonConversion.valueToTree(mapper, value, field);
    }
}
