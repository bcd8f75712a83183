package io.camelsegment.component.segment.tracking;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Request bodies with {@code sentAt}, built from already-encoded messages without parsing them again: the bytes of a
 * message, or of a batch, plus a fixed-length {@code sentAt} suffix. Sizes are therefore known exactly before sending.
 */
public final class SentAt {

    private static final byte[] SINGLE_SUFFIX_START = ",\"sentAt\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] BATCH_PREFIX = "{\"batch\":[".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] BATCH_SUFFIX_START = "],\"sentAt\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] END = "\"}".getBytes(StandardCharsets.US_ASCII);

    /** Bytes a single call adds to its message: {@code ,"sentAt":"<24 chars>"}. */
    public static final int SINGLE_CALL_OVERHEAD = SINGLE_SUFFIX_START.length + SegmentTimestamps.LENGTH + 1;
    /** Bytes a batch request has besides its events and the commas between them. */
    public static final int BATCH_OVERHEAD
            = BATCH_PREFIX.length + BATCH_SUFFIX_START.length + SegmentTimestamps.LENGTH + END.length;

    private SentAt() {
    }

    /** {@code {...message fields...,"sentAt":"..."}}. */
    public static byte[] singleCallBody(EncodedEvent event, Instant sentAt) {
        byte[] json = event.json();
        byte[] body = new byte[json.length + SINGLE_CALL_OVERHEAD];
        int pos = json.length - 1; // drop the closing brace
        System.arraycopy(json, 0, body, 0, pos);
        pos = put(body, pos, SINGLE_SUFFIX_START);
        pos = put(body, pos, SegmentTimestamps.format(sentAt).getBytes(StandardCharsets.US_ASCII));
        put(body, pos, END);
        return body;
    }

    /** {@code {"batch":[e1,e2,...],"sentAt":"..."}}. */
    public static byte[] batchBody(Iterable<EncodedEvent> events, int eventCount, int eventBytes, Instant sentAt) {
        byte[] body = new byte[batchSize(eventCount, eventBytes)];
        writeBatchBody(events, sentAt, body);
        return body;
    }

    /** Writes {@code {"batch":[e1,e2,...],"sentAt":"..."}} at the start of {@code body}; returns its length. */
    public static int writeBatchBody(Iterable<EncodedEvent> events, Instant sentAt, byte[] body) {
        int pos = put(body, 0, BATCH_PREFIX);
        boolean first = true;
        for (EncodedEvent e : events) {
            if (!first) {
                body[pos++] = ',';
            }
            first = false;
            pos = put(body, pos, e.json());
        }
        pos = put(body, pos, BATCH_SUFFIX_START);
        pos = put(body, pos, SegmentTimestamps.format(sentAt).getBytes(StandardCharsets.US_ASCII));
        return put(body, pos, END);
    }

    /** Exact size of a batch request body with these events. */
    public static int batchSize(int eventCount, long eventBytes) {
        return (int) (BATCH_OVERHEAD + eventBytes + Math.max(0, eventCount - 1));
    }

    private static int put(byte[] target, int pos, byte[] bytes) {
        System.arraycopy(bytes, 0, target, pos, bytes.length);
        return pos + bytes.length;
    }
}
