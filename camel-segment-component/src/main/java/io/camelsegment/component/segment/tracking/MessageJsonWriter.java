package io.camelsegment.component.segment.tracking;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.BufferRecycler;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Writes a message's fields as UTF-8 JSON with Jackson's streaming generator, exactly as the mapper would write them.
 * The values routes hand us most (String, Map with String keys, List, Integer, Long, Double, Boolean, null) go straight
 * to the generator; anything else (other numbers, JsonNode, dates, POJOs) goes through the mapper. Why: the mapper's
 * per-call serializer provider and per-key serializer lookups cost more than writing the JSON itself, on the path
 * every buffered event takes. Thread-safe.
 */
final class MessageJsonWriter {

    private final ObjectMapper mapper;

    MessageJsonWriter(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The fields as one JSON object, in their order. */
    byte[] write(Map<String, ?> fields) throws IOException {
        // As ObjectMapper.writeValueAsBytes does: the concatenation buffer is recycled, not allocated per message.
        BufferRecycler recycler = mapper.getFactory()._getBufferRecycler();
        try (ByteArrayBuilder out = new ByteArrayBuilder(recycler)) {
            try (JsonGenerator generator = mapper.createGenerator(out, JsonEncoding.UTF8)) {
                writeValue(generator, fields);
            }
            return out.toByteArray();
        } finally {
            recycler.releaseToPool();
        }
    }

    private void writeValue(JsonGenerator generator, Object value) throws IOException {
        if (value == null) {
            generator.writeNull();
        } else if (value instanceof String text) {
            generator.writeString(text);
        } else if (value instanceof Map<?, ?> map && hasTextKeys(map)) {
            generator.writeStartObject(map, map.size());
            for (Map.Entry<?, ?> e : map.entrySet()) {
                generator.writeFieldName((String) e.getKey());
                writeValue(generator, e.getValue());
            }
            generator.writeEndObject();
        } else if (value instanceof List<?> list && list instanceof RandomAccess) {
            generator.writeStartArray(list, list.size());
            for (int i = 0, n = list.size(); i < n; i++) {
                writeValue(generator, list.get(i));
            }
            generator.writeEndArray();
        } else if (value instanceof Integer number) {
            generator.writeNumber(number.intValue());
        } else if (value instanceof Long number) {
            generator.writeNumber(number.longValue());
        } else if (value instanceof Double number) {
            generator.writeNumber(number.doubleValue());
        } else if (value instanceof Boolean flag) {
            generator.writeBoolean(flag);
        } else {
            mapper.writeValue(generator, value);
        }
    }

    /** Maps with other keys (or a null key) are written by the mapper, which knows how it renders such keys. */
    private static boolean hasTextKeys(Map<?, ?> map) {
        for (Object key : map.keySet()) {
            if (!(key instanceof String)) {
                return false;
            }
        }
        return true;
    }
}
