package io.camelsegment.component.segment.tracking;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelsegment.component.segment.SegmentValidationException;
import io.camelsegment.component.segment.json.JsonConversion;

/**
 * One Segment message being built: its top-level fields in order, each a value the mapper writes as it is (see
 * {@link JsonValues#field}; JSON null is null). Only this shallow map is modified: nested objects and arrays are the
 * caller's, shared and never changed; a nested object that must change (context) is copied first. Serializing the
 * map gives the message, with no Jackson tree built in between. One per exchange (or batch item).
 */
final class TrackingMessage {

    private final Map<String, Object> fields;

    TrackingMessage() {
        this.fields = new LinkedHashMap<>();
    }

    /** Sized for the body's fields plus the few the factory adds (type, messageId, timestamp, context). */
    private TrackingMessage(int bodyFields) {
        this.fields = new LinkedHashMap<>((int) ((bodyFields + 4) / 0.75f) + 1);
    }

    /**
     * The top-level fields of a JSON object (a Map or an ObjectNode, as {@link JsonValues#requireObject} gives).
     *
     * @param field what the object is, for errors (body, batch[3])
     */
    static TrackingMessage of(ObjectMapper mapper, Object object, String field) throws SegmentValidationException {
        if (object instanceof ObjectNode node) {
            TrackingMessage message = new TrackingMessage(node.size());
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                message.fields.put(e.getKey(), JsonValues.field(mapper, e.getValue(), field, e.getKey()));
            }
            return message;
        }
        Map<?, ?> map = (Map<?, ?>) object;
        TrackingMessage message = new TrackingMessage(map.size());
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!(e.getKey() instanceof String key)) {
                // keys as the mapper writes them (a null key is refused there, named)
                return of(mapper, JsonConversion.valueToTree(mapper, map, field), field);
            }
            message.fields.put(key, JsonValues.field(mapper, e.getValue(), field, key));
        }
        return message;
    }

    Object get(String field) {
        return fields.get(field);
    }

    /** The field's text, or null when it is absent or not a string. */
    String text(String field) {
        return fields.get(field) instanceof String text ? text : null;
    }

    boolean has(String field) {
        return fields.containsKey(field);
    }

    /** Present and not JSON null. */
    boolean hasNonNull(String field) {
        return fields.get(field) != null;
    }

    /** Sets a field; the value must already be in {@link JsonValues#field} form (a String, a JSON object, ...). */
    void put(String field, Object value) {
        fields.put(field, value);
    }

    Object remove(String field) {
        return fields.remove(field);
    }

    /** Removes the fields among {@code names} that are JSON null: one pass over the message's own fields. */
    void removeNulls(Set<String> names) {
        for (Iterator<Map.Entry<String, Object>> it = fields.entrySet().iterator(); it.hasNext();) {
            Map.Entry<String, Object> e = it.next();
            if (e.getValue() == null && names.contains(e.getKey())) {
                it.remove();
            }
        }
    }

    Set<String> fieldNames() {
        return fields.keySet();
    }

    /**
     * Sets {@code field} to {@code source} (a JSON object, shared across messages) merged under the message's own
     * object there: the message's entries win; a copy is made, never a change to either. A field that is not an
     * object is left alone (validation rejects it).
     */
    void mergeMissing(String field, Object source) {
        if (source == null || JsonValues.size(source) == 0) {
            return;
        }
        Object existing = fields.get(field);
        if (existing == null) {
            fields.put(field, source);
        } else if (JsonValues.isObject(existing)) {
            Map<Object, Object> merged = JsonValues.copyOf(existing, JsonValues.size(source));
            JsonValues.putEntries(merged, source, true);
            fields.put(field, merged);
        }
    }

    /** What the mapper serializes: the message as it stands. */
    Map<String, Object> fields() {
        return fields;
    }

    /**
     * Hash of the content, as the message's Jackson tree would hash (see {@link JsonValues#contentHash}).
     *
     * @param item what the message is, for errors ({@code batch[3]}; empty for a single message)
     */
    int contentHash(ObjectMapper mapper, String item) throws SegmentValidationException {
        return JsonValues.contentHash(mapper, fields, item);
    }
}
