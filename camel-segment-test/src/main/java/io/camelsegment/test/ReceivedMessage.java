package io.camelsegment.test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One message the receiver accepted: the body of a per-call request, or one item of a batch, as sent.
 */
public final class ReceivedMessage {

    private final String type;
    private final String path;
    private final JsonNode json;

    ReceivedMessage(String type, String path, JsonNode json) {
        this.type = type;
        this.path = path;
        this.json = json;
    }

    /** identify, track, page, screen, group or alias: the path for a per-call request, the item's type in a batch. */
    public String type() {
        return type;
    }

    /** The endpoint it came through, e.g. {@code track} or {@code batch}. */
    public String path() {
        return path;
    }

    public boolean batched() {
        return "batch".equals(path);
    }

    /** The track event's name, or null. */
    public String event() {
        return text("/event");
    }

    public String userId() {
        return text("/userId");
    }

    public String anonymousId() {
        return text("/anonymousId");
    }

    public String messageId() {
        return text("/messageId");
    }

    /** The page or screen name, or null. */
    public String name() {
        return text("/name");
    }

    /** A value of {@code properties} (track, page, screen), or a missing node. */
    public JsonNode property(String name) {
        return json.path("properties").path(name);
    }

    /** A value of {@code traits} (identify, group), or a missing node. */
    public JsonNode trait(String name) {
        return json.path("traits").path(name);
    }

    /** The text at a JSON pointer such as {@code /context/library/name}, or null when absent or JSON null. */
    public String text(String jsonPointer) {
        JsonNode node = json.at(jsonPointer);
        return node.isMissingNode() || node.isNull() ? null : node.asText();
    }

    /** The message exactly as received. */
    public JsonNode json() {
        return json;
    }

    @Override
    public String toString() {
        return type + " " + json;
    }
}
