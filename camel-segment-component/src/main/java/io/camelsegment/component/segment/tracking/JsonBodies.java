package io.camelsegment.component.segment.tracking;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelsegment.component.segment.SegmentValidationException;

/** Turns what a route may hand us (Map, JsonNode, JSON text, POJO) into Jackson trees we may modify. */
public final class JsonBodies {

    private JsonBodies() {
    }

    /** Any supported value as a tree; null stays null. Trees are copied: the caller's body is never modified. */
    public static JsonNode toTree(ObjectMapper mapper, Object value, String field) throws SegmentValidationException {
        if (value instanceof JsonNode node) {
            return JavaValueTrees.toTree(mapper, node, field); // a copy, with nesting bounded
        }
        Object read = JsonValues.read(mapper, value, field);
        return read == null || read instanceof JsonNode ? (JsonNode) read : JavaValueTrees.toTree(mapper, read, field);
    }

    /** Like {@link #toTree} but requires a JSON object; null gives null. */
    public static ObjectNode toObject(ObjectMapper mapper, Object value, String field)
            throws SegmentValidationException {
        JsonNode node = toTree(mapper, value, field);
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (!node.isObject()) {
            throw new SegmentValidationException(field, "must be a JSON object, was " + node.getNodeType()
                    .name().toLowerCase(java.util.Locale.ROOT));
        }
        return (ObjectNode) node;
    }
}
