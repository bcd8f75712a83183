package io.camelsegment.examples.receiver;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * What one request body carried: how many events, their messageIds and their types, kept until the receiver accepts
 * the whole request. One per handler thread, reused request after request, so a batch of a thousand events costs no
 * object per event: UUID-shaped ids are read as two longs straight from the parser's characters, and an event's type
 * String is reused while the types repeat.
 */
final class ParsedRequest {

    /** Type of an event without a string "type" field, as {@code String.valueOf(null)} named it before. */
    private static final String NO_TYPE = "null";

    private final JsonFactory jsonFactory;
    private final int maxEvents;
    /** Most and least significant bits of the UUID-shaped ids, in pairs. */
    private final long[] uuids;
    private int uuidPairs;
    private final List<String> otherIds = new ArrayList<>();
    private final Map<String, int[]> typeCounts = new HashMap<>();
    private int events;
    private String lastType = NO_TYPE;

    /** @param maxEvents ids and types beyond this many events are counted but not kept (the request is refused) */
    ParsedRequest(JsonFactory jsonFactory, int maxEvents) {
        this.jsonFactory = jsonFactory;
        this.maxEvents = maxEvents;
        this.uuids = new long[2 * maxEvents];
    }

    /** Reads a single message sent to {@code /v1/{type}}; its type is the path's. */
    void parseSingle(byte[] body, int length, String type) throws IOException {
        clear();
        try (JsonParser p = jsonFactory.createParser(body, 0, length)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not an object");
            }
            readMessage(p);
            count(type);
        }
    }

    /** Reads {@code {"batch": [message, ...], ...}}; other top-level fields are skipped. */
    void parseBatch(byte[] body, int length) throws IOException {
        clear();
        try (JsonParser p = jsonFactory.createParser(body, 0, length)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not an object");
            }
            for (String field; (field = p.nextFieldName()) != null;) {
                JsonToken value = p.nextToken();
                if ("batch".equals(field) && value == JsonToken.START_ARRAY) {
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        count(readMessage(p));
                    }
                } else {
                    p.skipChildren();
                }
            }
        }
    }

    /** Events in the request, kept or not. */
    int events() {
        return events;
    }

    /** Events per type, for the kept events. */
    Map<String, int[]> typeCounts() {
        return typeCounts;
    }

    /** Adds the kept messageIds to the set; returns how many were already there (duplicates). */
    int addIdsTo(MessageIdSet messageIds) {
        int duplicates = 0;
        for (int i = 0; i < 2 * uuidPairs; i += 2) {
            if (!messageIds.add(uuids[i], uuids[i + 1])) {
                duplicates++;
            }
        }
        for (String id : otherIds) {
            if (!messageIds.add(id)) {
                duplicates++;
            }
        }
        return duplicates;
    }

    private void clear() {
        uuidPairs = 0;
        otherIds.clear();
        typeCounts.clear();
        events = 0;
    }

    private void count(String type) {
        if (events++ < maxEvents) {
            typeCounts.computeIfAbsent(type, t -> new int[1])[0]++;
        }
    }

    /**
     * Reads one message object (parser on its START_OBJECT), keeps its messageId and returns its type. A field given
     * twice counts with its last string value; nested values (properties, context) are skipped, not read.
     */
    private String readMessage(JsonParser p) throws IOException {
        String type = NO_TYPE;
        boolean uuid = false;
        long msb = 0;
        long lsb = 0;
        String otherId = null;
        for (String field; (field = p.nextFieldName()) != null;) {
            JsonToken value = p.nextToken();
            if (value == JsonToken.VALUE_STRING && "messageId".equals(field)) {
                char[] chars = p.getTextCharacters();
                int offset = p.getTextOffset();
                int length = p.getTextLength();
                uuid = MessageIdSet.isUuid(chars, offset, length);
                if (uuid) {
                    msb = MessageIdSet.mostSignificantBits(chars, offset);
                    lsb = MessageIdSet.leastSignificantBits(chars, offset);
                } else {
                    otherId = new String(chars, offset, length);
                }
            } else if (value == JsonToken.VALUE_STRING && "type".equals(field)) {
                type = type(p);
            } else {
                p.skipChildren();
            }
        }
        if (events < maxEvents) {
            if (uuid) {
                uuids[2 * uuidPairs] = msb;
                uuids[2 * uuidPairs + 1] = lsb;
                uuidPairs++;
            } else if (otherId != null) {
                otherIds.add(otherId);
            }
        }
        return type;
    }

    /** The current string as a String, the previous type's if the same (types repeat: no String per event). */
    private String type(JsonParser p) throws IOException {
        char[] chars = p.getTextCharacters();
        int offset = p.getTextOffset();
        int length = p.getTextLength();
        if (!sameChars(lastType, chars, offset, length)) {
            lastType = new String(chars, offset, length);
        }
        return lastType;
    }

    private static boolean sameChars(String s, char[] chars, int offset, int length) {
        if (s.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (s.charAt(i) != chars[offset + i]) {
                return false;
            }
        }
        return true;
    }
}
