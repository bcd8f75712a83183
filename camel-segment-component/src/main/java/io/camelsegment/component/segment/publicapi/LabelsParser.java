package io.camelsegment.component.segment.publicapi;

import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelsegment.component.segment.SegmentValidationException;
import io.camelsegment.component.segment.tracking.JsonBodies;

/**
 * Reads addLabelsToSource's labels ({@code LabelV1}: {@code key}, {@code value}, optional {@code description}) from a
 * List of Maps, a JSON array, a {@code {"labels": [...]}} object, or the compact text form
 * {@code key:value,key2:value2}.
 */
final class LabelsParser {

    private LabelsParser() {
    }

    static ArrayNode parse(ObjectMapper mapper, Object value, String field) throws SegmentValidationException {
        if (value instanceof CharSequence text && !looksLikeJson(text.toString())) {
            return parseCompact(mapper, text.toString(), field);
        }
        JsonNode node = JsonBodies.toTree(mapper, value, field);
        if (node != null && node.isObject() && node.has("labels")) {
            node = node.get("labels");
            field = field + ".labels";
        }
        if (node == null || !node.isArray()) {
            throw new SegmentValidationException(field, "must be a list of {key, value} labels or 'key:value,...'");
        }
        ArrayNode labels = mapper.createArrayNode();
        for (int i = 0; i < node.size(); i++) {
            labels.add(label(node.get(i), field + "[" + i + "]"));
        }
        return labels;
    }

    private static ObjectNode label(JsonNode item, String field) throws SegmentValidationException {
        if (item.isTextual()) {
            // A list of "key:value" strings is accepted too.
            return compactLabel(item.asText(), field, JsonNodeFactory.instance.objectNode());
        }
        if (!item.isObject()) {
            throw new SegmentValidationException(field, "must be an object {key, value[, description]}, was "
                                                        + item.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        ObjectNode label = JsonNodeFactory.instance.objectNode();
        for (String name : new String[] { "key", "value" }) {
            JsonNode v = item.get(name);
            if (v == null || !v.isTextual() || v.asText().isBlank()) {
                throw new SegmentValidationException(field + "." + name, "is required and must be a non-blank string");
            }
            label.put(name, v.asText());
        }
        JsonNode description = item.get("description");
        if (description != null && !description.isNull()) {
            if (!description.isTextual()) {
                throw new SegmentValidationException(field + ".description", "must be a string");
            }
            label.put("description", description.asText());
        }
        return label;
    }

    private static ArrayNode parseCompact(ObjectMapper mapper, String text, String field)
            throws SegmentValidationException {
        ArrayNode labels = mapper.createArrayNode();
        String[] parts = text.split(",");
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].isBlank()) {
                continue;
            }
            labels.add(compactLabel(parts[i], field + "[" + i + "]", mapper.createObjectNode()));
        }
        return labels;
    }

    private static ObjectNode compactLabel(String pair, String field, ObjectNode label)
            throws SegmentValidationException {
        int colon = pair.indexOf(':');
        String key = colon < 0 ? "" : pair.substring(0, colon).trim();
        String value = colon < 0 ? "" : pair.substring(colon + 1).trim();
        if (key.isEmpty() || value.isEmpty()) {
            throw new SegmentValidationException(field, "must be key:value with a non-empty key and value, was "
                                                        + PublicApiInputs.quote(pair.trim()));
        }
        return label.put("key", key).put("value", value);
    }

    private static boolean looksLikeJson(String text) {
        String t = text.trim();
        return t.startsWith("[") || t.startsWith("{");
    }
}
