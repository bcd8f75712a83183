package io.camelsegment.component.segment.tracking;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
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
        try {
            if (value == null) {
                return null;
            }
            if (value instanceof JsonNode node) {
                return node.deepCopy();
            }
            if (value instanceof CharSequence text) {
                return readJson(mapper, text.toString(), field);
            }
            if (value instanceof byte[] bytes) {
                return mapper.readTree(bytes);
            }
            if (value instanceof InputStream in) {
                return mapper.readTree(in);
            }
            return JavaValueTrees.toTree(mapper, value);
        } catch (JsonProcessingException e) {
            // Jackson's message quotes the offending token, which may be a secret (an unquoted writeKey): position only.
            throw new SegmentValidationException(field, "is not valid JSON" + position(e));
        } catch (IOException | IllegalArgumentException e) {
            throw new SegmentValidationException(field, "could not be read as JSON: " + e.getMessage());
        }
    }

    private static String position(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        return at == null ? "" : " (error at line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
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

    private static JsonNode readJson(ObjectMapper mapper, String text, String field)
            throws JsonProcessingException, SegmentValidationException {
        if (text.isBlank()) {
            return null;
        }
        return mapper.readTree(text);
    }

    /** Sets {@code target[field]} to {@code source[field]}'s entries that target lacks (target's win). */
    public static void mergeMissing(ObjectNode target, String field, ObjectNode source) {
        if (source == null || source.isEmpty()) {
            return;
        }
        JsonNode existing = target.get(field);
        if (existing == null || existing.isNull()) {
            target.set(field, source.deepCopy());
        } else if (existing.isObject()) {
            ObjectNode merged = (ObjectNode) existing;
            for (Map.Entry<String, JsonNode> e : source.properties()) {
                if (!merged.has(e.getKey())) {
                    merged.set(e.getKey(), e.getValue().deepCopy());
                }
            }
        }
    }
}
