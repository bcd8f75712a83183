package io.camelsegment.test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads a Tracking API request body with Jackson's streaming parser and checks it as Segment does: invalid JSON and
 * a message over 32 KB (a per-call body or one batch item) are refused with 400; a batch over 2,500 events, and batch
 * items without a valid {@code type}, are accepted and dropped.
 */
final class TrackingRequestReader {

    static final Set<String> TYPES = Set.of("identify", "track", "page", "screen", "group", "alias");

    private final ObjectMapper mapper;

    TrackingRequestReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** What a valid body held. */
    record Body(List<ReceivedMessage> messages, String writeKey, String dropped) {
    }

    /** A body Segment answers 400. */
    static final class Refused extends Exception {
        Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    Body read(String path, byte[] body, int length) throws Refused {
        boolean batch = "batch".equals(path);
        if (length > (batch ? SegmentLimits.MAX_BATCH_BYTES : SegmentLimits.MAX_MESSAGE_BYTES)) {
            throw new Refused("Exceed payload limit");
        }
        try (JsonParser parser = mapper.createParser(body, 0, length)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new Refused("Invalid JSON: the body must be an object");
            }
            Body read = batch ? readBatch(parser) : readSingle(parser, path);
            if (parser.nextToken() != null) {
                throw new Refused("Invalid JSON: content after the object");
            }
            return read;
        } catch (IOException e) {
            throw new Refused("Invalid JSON");
        }
    }

    private Body readSingle(JsonParser parser, String path) throws IOException {
        JsonNode message = mapper.readTree(parser);
        return new Body(List.of(new ReceivedMessage(path, path, message)), message.path("writeKey").asText(null),
                null);
    }

    private Body readBatch(JsonParser parser) throws IOException, Refused {
        List<ReceivedMessage> messages = new ArrayList<>();
        String writeKey = null;
        int items = 0;
        int untyped = 0;
        boolean sawBatch = false;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if ("batch".equals(field) && value == JsonToken.START_ARRAY) {
                sawBatch = true;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    long start = parser.currentTokenLocation().getByteOffset();
                    JsonNode item = mapper.readTree(parser);
                    if (parser.currentLocation().getByteOffset() - start > SegmentLimits.MAX_MESSAGE_BYTES) {
                        throw new Refused("Exceed payload limit: batch item " + items + " is over 32 KB");
                    }
                    items++;
                    String type = item.path("type").asText(null);
                    if (item.isObject() && type != null && TYPES.contains(type)) {
                        messages.add(new ReceivedMessage(type, "batch", item));
                    } else {
                        untyped++;
                    }
                }
            } else if ("writeKey".equals(field) && value == JsonToken.VALUE_STRING) {
                writeKey = parser.getText();
            } else {
                parser.skipChildren();
            }
        }
        if (!sawBatch) {
            throw new Refused("Invalid JSON: no batch array");
        }
        if (items > SegmentLimits.MAX_BATCH_EVENTS) {
            return new Body(List.of(), writeKey, "Too many events in batch: " + items + " > "
                                                 + SegmentLimits.MAX_BATCH_EVENTS + ", all dropped");
        }
        return new Body(messages, writeKey,
                untyped == 0 ? null : untyped + " batch item(s) without a valid type dropped");
    }
}
