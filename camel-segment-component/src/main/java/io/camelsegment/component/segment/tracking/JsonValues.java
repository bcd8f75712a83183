package io.camelsegment.component.segment.tracking;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelsegment.component.segment.SegmentValidationException;
import io.camelsegment.component.segment.json.JsonConversion;
import io.camelsegment.component.segment.json.JsonProblems;
import io.camelsegment.component.segment.json.SegmentJson;

/**
 * What a route hands us (Map, List, JsonNode, JSON text, POJO), as values the mapper writes as they are: no Jackson
 * tree is built for plain Java values, and nothing the caller gave is copied or modified. A "JSON object" is a Map or
 * an ObjectNode, a "JSON array" a Collection or an ArrayNode; other POJOs are converted with the mapper.
 */
final class JsonValues {

    private JsonValues() {
    }

    /** The value with JSON text (CharSequence, byte[], InputStream) parsed; blank text gives null. */
    static Object read(ObjectMapper mapper, Object value, String field) throws SegmentValidationException {
        try {
            if (value instanceof CharSequence text) {
                String json = text.toString();
                return json.isBlank() ? null : mapper.readTree(json);
            }
            if (value instanceof byte[] bytes) {
                return mapper.readTree(bytes);
            }
            if (value instanceof InputStream in) {
                return mapper.readTree(in);
            }
            return plain(mapper, value, field);
        } catch (JsonProcessingException e) {
            // Jackson's message quotes the offending token, which may be a secret (an unquoted writeKey): never quoted.
            throw JsonProblems.reading(field, e);
        } catch (IOException | IllegalArgumentException e) {
            // a stream's own message may quote what it read, or a secret: named by its class only
            throw new SegmentValidationException(field, "could not be read as JSON: " + e.getClass().getName());
        }
    }

    /** {@link #read} that requires a JSON object (Map or ObjectNode); null, blank text and JSON null give null. */
    static Object readObject(ObjectMapper mapper, Object value, String field) throws SegmentValidationException {
        return requireObject(read(mapper, value, field), field);
    }

    /** The value itself when it is a JSON object; null for null and JSON null; otherwise a validation error. */
    static Object requireObject(Object value, String field) throws SegmentValidationException {
        if (value == null || value instanceof JsonNode node && (node.isNull() || node.isMissingNode())) {
            return null;
        }
        if (!isObject(value)) {
            throw new SegmentValidationException(field, "must be a JSON object, was " + kind(value));
        }
        return value;
    }

    /**
     * A value the mapper writes as it is and the validator understands: null, String, Boolean, the JDK's numbers, Map,
     * Collection or JsonNode. Anything else (a POJO, a date) is converted to a tree, as it would be written.
     */
    static Object plain(ObjectMapper mapper, Object value, String field) throws SegmentValidationException {
        if (isPlain(value) || value instanceof JsonNode) {
            return value;
        }
        return JsonConversion.valueToTree(mapper, value, field);
    }

    /**
     * A top-level field value as {@link #plain}, with JSON scalars unwrapped (a TextNode is a String, JSON null is
     * null), so a field has one form whether the body was a Map or JSON.
     *
     * @param parent what holds the field, for errors ({@code body}); the field's name is built only on error
     */
    static Object field(ObjectMapper mapper, Object value, String parent, String name)
            throws SegmentValidationException {
        if ("timestamp".equals(name) && SegmentTimestamps.isDateTime(value)) {
            return value; // normalized as it is: Jackson writes a java.sql.Date or Time without the rest
        }
        Object plain = value instanceof JsonNode || isPlain(value)
                ? value : plain(mapper, value, parent.isEmpty() ? name : parent + "." + name);
        if (plain instanceof JsonNode node && node.isValueNode()) {
            if (node.isTextual()) {
                return node.textValue();
            }
            if (node.isBoolean()) {
                return node.booleanValue();
            }
            if (node.isNumber()) {
                return node.numberValue();
            }
            if (node.isNull()) {
                return null;
            }
        }
        return plain;
    }

    private static boolean isPlain(Object value) {
        return value == null || value instanceof String || value instanceof Boolean || isJdkNumber(value)
               || value instanceof Map<?, ?> || value instanceof Collection<?>;
    }

    static boolean isObject(Object value) {
        return value instanceof Map<?, ?> || value instanceof ObjectNode;
    }

    static boolean isIntegral(Object value) {
        return value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
               || value instanceof BigInteger;
    }

    /** Number of entries of a JSON object. */
    static int size(Object object) {
        return object instanceof Map<?, ?> map ? map.size() : ((JsonNode) object).size();
    }

    /** Whether every key is a String, so that lookups by a String key are safe and exact. */
    static boolean hasStringKeys(Map<?, ?> map) {
        for (Object key : map.keySet()) {
            if (!(key instanceof String)) {
                return false;
            }
        }
        return true;
    }

    static boolean hasKey(Object object, String key) {
        return object instanceof Map<?, ?> map ? map.containsKey(key) : ((JsonNode) object).has(key);
    }

    /** A shallow, modifiable copy of a JSON object (Map or ObjectNode), in its order, with room for more entries. */
    static Map<Object, Object> copyOf(Object object, int extra) {
        Map<Object, Object> copy = new LinkedHashMap<>((int) ((size(object) + extra) / 0.75f) + 1);
        putEntries(copy, object, false);
        return copy;
    }

    /** Puts the entries of a JSON object into target; with missingOnly, only keys target does not have. */
    static void putEntries(Map<Object, Object> target, Object object, boolean missingOnly) {
        Iterable<? extends Map.Entry<?, ?>> entries = object instanceof Map<?, ?> map
                ? map.entrySet() : ((ObjectNode) object).properties();
        for (Map.Entry<?, ?> e : entries) {
            if (!missingOnly || !target.containsKey(e.getKey())) {
                target.put(e.getKey(), e.getValue());
            }
        }
    }

    /** The JSON type of a value, as error messages name it: object, array, string, number, boolean, ... */
    static String kind(Object value) {
        if (value instanceof JsonNode node) {
            return node.getNodeType().name().toLowerCase(Locale.ROOT);
        }
        if (value instanceof Map<?, ?>) {
            return "object";
        }
        if (value instanceof Collection<?>) {
            return "array";
        }
        if (value instanceof String) {
            return "string";
        }
        if (value instanceof Number) {
            return "number";
        }
        if (value instanceof Boolean) {
            return "boolean";
        }
        return value == null ? "null" : "pojo";
    }

    /** The text a JsonNode's asText() would give for this value. */
    static String asText(Object value) {
        if (value instanceof JsonNode node) {
            return node.asText();
        }
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return String.valueOf(value);
        }
        return "";
    }

    /**
     * A hash of the JSON content, equal to the hashCode of the Jackson tree of the same value (ObjectNode and ArrayNode
     * hash like the Map and List they hold), computed without building that tree, and with nesting bounded (a
     * JsonNode's own hashCode recurses without limit). Content that cannot be written (a null key, a failing getter)
     * hashes as 0: writing the message rejects it next, naming the field.
     *
     * @param  field                      what the value is, for errors ({@code batch[3]}; empty for a single message)
     * @throws SegmentValidationException when the value nests deeper than Jackson's limit (at once, naming the path),
     *                                    or holds more than {@link ValueCount#MAX_VALUES} values
     */
    static int contentHash(ObjectMapper mapper, Object value, String field) throws SegmentValidationException {
        try {
            return contentHash(mapper, value, 0, new ValueCount());
        } catch (NestedTooDeep e) {
            throw JsonConversion.tooDeep(mapper, value, field);
        } catch (ValueCount.TooManyValues e) {
            throw ValueCount.tooMany(field);
        }
    }

    private static int contentHash(ObjectMapper mapper, Object value, int depth, ValueCount count) {
        count.visit();
        if (value instanceof String s) {
            return s.hashCode();
        }
        // The common scalars hash as the nodes JavaValueTrees makes of them, without going through it.
        if (value instanceof Double d) {
            return JsonNodeFactory.instance.numberNode(d).hashCode();
        }
        if (value instanceof Integer i) {
            return JsonNodeFactory.instance.numberNode(i.intValue()).hashCode();
        }
        if (value instanceof Long l) {
            return JsonNodeFactory.instance.numberNode(l).hashCode();
        }
        if (value instanceof Boolean b) {
            return JsonNodeFactory.instance.booleanNode(b).hashCode();
        }
        if (depth > SegmentJson.MAX_NESTING_DEPTH) {
            // The whole walk ends here: going on with the siblings, a Map that contains itself twice never ends.
            throw new NestedTooDeep();
        }
        if (value instanceof Map<?, ?> || value instanceof ObjectNode) {
            Iterable<? extends Map.Entry<?, ?>> entries = value instanceof Map<?, ?> map
                    ? map.entrySet() : ((ObjectNode) value).properties();
            int hash = 0;
            for (Map.Entry<?, ?> e : entries) {
                if (!(e.getKey() instanceof String key)) {
                    return treeHash(mapper, value, depth, count); // keys as the mapper writes them
                }
                hash += key.hashCode() ^ contentHash(mapper, e.getValue(), depth + 1, count);
            }
            return hash;
        }
        if (value instanceof Collection<?> || value instanceof ArrayNode) {
            int hash = 1;
            for (Object item : (Iterable<?>) value) {
                hash = 31 * hash + contentHash(mapper, item, depth + 1, count);
            }
            return hash;
        }
        if (value instanceof JsonNode node) {
            return node.hashCode(); // a scalar
        }
        if (value == null) {
            return JsonNodeFactory.instance.nullNode().hashCode();
        }
        return treeHash(mapper, value, depth, count);
    }

    private static int treeHash(ObjectMapper mapper, Object value, int depth, ValueCount count) {
        JsonNode tree;
        try {
            tree = JavaValueTrees.toTree(mapper, value, "");
        } catch (SegmentValidationException e) {
            return 0;
        }
        return contentHash(mapper, tree, depth, count);
    }

    private static boolean isJdkNumber(Object value) {
        return value instanceof Integer || value instanceof Long || value instanceof Double || value instanceof Float
               || value instanceof Short || value instanceof Byte || value instanceof BigDecimal
               || value instanceof BigInteger;
    }
}
