package io.camelsegment.benchmarks.sink;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What one request body carried: how many events, their messageIds and their types, kept until the receiver accepts
 * the whole request. One per handler thread, reused request after request, so a batch of a thousand events costs no
 * object per event: the body is checked and read by a {@link JsonScanner}, UUID-shaped ids are read as two longs
 * straight from its bytes, and an event's type String is reused while the types repeat.
 */
final class ParsedRequest {

    /** Type of an event without a string "type" field, as {@code String.valueOf(null)} named it before. */
    private static final String NO_TYPE = "null";

    private final JsonScanner json = new JsonScanner();
    private final int maxEvents;
    /** Most and least significant bits of the UUID-shaped ids, in pairs. */
    private final long[] uuids;
    private int uuidPairs;
    private final List<String> otherIds = new ArrayList<>();
    private final Map<String, int[]> typeCounts = new HashMap<>();
    private int events;
    private String lastType = NO_TYPE;
    private final char[] idChars = new char[MessageIdSet.UUID_LENGTH];
    // The message being read: its type and messageId (a UUID as two longs, or another id) so far.
    private String messageType;
    private boolean uuid;
    private long msb;
    private long lsb;
    private String otherId;

    /** @param maxEvents ids and types beyond this many events are counted but not kept (the request is refused) */
    ParsedRequest(int maxEvents) {
        this.maxEvents = maxEvents;
        this.uuids = new long[2 * maxEvents];
    }

    /** Reads a single message sent to {@code /v1/{type}}; its type is the path's. */
    void parseSingle(byte[] body, int length, String type) throws IOException {
        clear();
        json.reset(body, length);
        readMessage();
        json.expectEnd();
        count(type);
    }

    /**
     * Reads {@code {"batch": [message, ...], ...}}; other top-level fields are checked and skipped, and so are items
     * of the batch that are not objects.
     */
    void parseBatch(byte[] body, int length) throws IOException {
        clear();
        json.reset(body, length);
        json.readObject(() -> {
            if (json.stringEquals("batch") && json.peek() == '[') {
                json.readArray(this::readBatchItem);
            } else {
                json.skipValue();
            }
        });
        json.expectEnd();
    }

    private void readBatchItem() throws IOException {
        if (json.peek() == '{') {
            count(readMessage());
        } else {
            json.skipValue();
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
     * Reads one message object, keeps its messageId and returns its type. A field given twice counts with its last
     * string value; other values (properties, context) are checked and skipped, not read.
     */
    private String readMessage() throws IOException {
        messageType = NO_TYPE;
        uuid = false;
        otherId = null;
        json.readObject(this::readMessageField);
        if (events < maxEvents) {
            if (uuid) {
                uuids[2 * uuidPairs] = msb;
                uuids[2 * uuidPairs + 1] = lsb;
                uuidPairs++;
            } else if (otherId != null) {
                otherIds.add(otherId);
            }
        }
        return messageType;
    }

    private void readMessageField() throws IOException {
        boolean isId = json.stringEquals("messageId");
        boolean isType = !isId && json.stringEquals("type");
        if (!(isId || isType) || json.peek() != '"') {
            json.skipValue();
            return;
        }
        json.scanString();
        if (isType) {
            messageType = type();
        } else if (uuidChars()) {
            uuid = true;
            msb = MessageIdSet.mostSignificantBits(idChars, 0);
            lsb = MessageIdSet.leastSignificantBits(idChars, 0);
        } else {
            uuid = false;
            otherId = json.decodeString();
        }
    }

    /** Whether the string just scanned is a UUID as UUID.toString() writes it; if so, its chars are in idChars. */
    private boolean uuidChars() {
        return json.copyPlainString(idChars) && MessageIdSet.isUuid(idChars, 0, MessageIdSet.UUID_LENGTH);
    }

    /** The string just scanned, as the previous type's String if the same (types repeat: no String per event). */
    private String type() {
        if (!json.stringEquals(lastType)) {
            lastType = json.decodeString();
        }
        return lastType;
    }
}
