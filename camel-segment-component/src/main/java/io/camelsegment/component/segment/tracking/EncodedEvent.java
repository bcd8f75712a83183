package io.camelsegment.component.segment.tracking;

/**
 * One validated Segment message, serialized once: the same bytes go into a single call, a batch, and every retry.
 *
 * @param type      the message type (track, identify, ...)
 * @param messageId its messageId (Segment dedupes on it)
 * @param json      the message as UTF-8 JSON, an object that always carries {@code type}
 */
public record EncodedEvent(String type, String messageId, byte[] json) {

    public int size() {
        return json.length;
    }

    @Override
    public String toString() {
        return type + " " + messageId + " (" + json.length + " bytes)";
    }
}
