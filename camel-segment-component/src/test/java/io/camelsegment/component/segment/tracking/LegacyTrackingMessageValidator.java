package io.camelsegment.component.segment.tracking;

import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelsegment.component.segment.SegmentValidationException;

/**
 * The reference for {@link TrackingMessageEquivalenceTest}: TrackingMessageValidator as it was on Jackson trees.
 * <p>
 * Segment's rules for one message (API-NOTES A.4, A.5, A.8), checked before anything is sent, so that a message
 * Segment would accept with 200 and then silently drop fails loudly here instead.
 */
final class LegacyTrackingMessageValidator {

    /** Segment's limit on one message, in bytes (32 KB). */
    public static final int MAX_MESSAGE_BYTES = 32 * 1024;
    /** Segment's limit on a messageId, in characters. */
    public static final int MAX_MESSAGE_ID_LENGTH = 100;

    public static final Set<String> TYPES = Set.of("identify", "track", "page", "screen", "group", "alias");

    private LegacyTrackingMessageValidator() {
    }

    /**
     * Checks a message that already carries its {@code type}.
     *
     * @param prefix prefix for field names in errors, e.g. {@code batch[3].}; empty for single calls
     */
    public static void validate(ObjectNode message, String prefix) throws SegmentValidationException {
        String type = requireType(message, prefix);
        optionalNonBlankString(message, "userId", prefix);
        optionalNonBlankString(message, "anonymousId", prefix);
        if (!message.hasNonNull("userId") && !message.hasNonNull("anonymousId")) {
            throw new SegmentValidationException(prefix + "userId",
                    "a userId or an anonymousId is required (neither was given)");
        }
        switch (type) {
            case "track" -> requiredNonBlankString(message, "event", prefix);
            case "group" -> requiredNonBlankString(message, "groupId", prefix);
            case "alias" -> requiredNonBlankString(message, "previousId", prefix);
            case "page", "screen" -> {
                optionalNonBlankString(message, "name", prefix);
                optionalNonBlankString(message, "category", prefix);
            }
            default -> {
                // identify: ids only
            }
        }
        optionalObject(message, "traits", prefix);
        optionalObject(message, "properties", prefix);
        optionalObject(message, "context", prefix);
        optionalObject(message, "integrations", prefix);
        validateMessageId(message, prefix);
        JsonNode timestamp = message.get("timestamp");
        if (timestamp != null) {
            if (!timestamp.isTextual()) {
                throw new SegmentValidationException(prefix + "timestamp", "must be an ISO-8601 string, was "
                                                                           + describe(timestamp));
            }
            SegmentTimestamps.requireIso8601(timestamp.textValue(), prefix + "timestamp");
        }
    }

    /** Checks the serialized size of a message against the 32 KB limit. */
    public static void validateSize(int bytes, String prefix) throws SegmentValidationException {
        if (bytes > MAX_MESSAGE_BYTES) {
            throw new SegmentValidationException(prefix.isEmpty() ? "message" : prefix.substring(0, prefix.length() - 1),
                    "is " + bytes + " bytes as sent, over Segment's limit of " + MAX_MESSAGE_BYTES
                                                                               + " bytes (32 KB) per message");
        }
    }

    private static String requireType(ObjectNode message, String prefix) throws SegmentValidationException {
        JsonNode type = message.get("type");
        if (type == null || type.isNull()) {
            throw new SegmentValidationException(prefix + "type", "is required: one of " + TYPES);
        }
        if (!type.isTextual() || !TYPES.contains(type.textValue())) {
            throw new SegmentValidationException(prefix + "type", "must be one of " + TYPES + ", was " + type);
        }
        return type.textValue();
    }

    private static void validateMessageId(ObjectNode message, String prefix) throws SegmentValidationException {
        JsonNode id = message.get("messageId");
        if (id == null) {
            return;
        }
        optionalNonBlankString(message, "messageId", prefix);
        int length = id.textValue().length();
        if (length > MAX_MESSAGE_ID_LENGTH) {
            throw new SegmentValidationException(prefix + "messageId", "must be at most " + MAX_MESSAGE_ID_LENGTH
                                                                       + " characters, was " + length);
        }
    }

    private static void requiredNonBlankString(ObjectNode message, String field, String prefix)
            throws SegmentValidationException {
        if (!message.hasNonNull(field)) {
            throw new SegmentValidationException(prefix + field, "is required for " + message.get("type").textValue()
                                                                 + " (it was missing)");
        }
        optionalNonBlankString(message, field, prefix);
    }

    private static void optionalNonBlankString(ObjectNode message, String field, String prefix)
            throws SegmentValidationException {
        JsonNode value = message.get(field);
        if (value == null) {
            return;
        }
        if (!value.isTextual()) {
            throw new SegmentValidationException(prefix + field, "must be a string, was " + describe(value));
        }
        if (value.textValue().isBlank()) {
            throw new SegmentValidationException(prefix + field, "must not be blank");
        }
    }

    private static void optionalObject(ObjectNode message, String field, String prefix)
            throws SegmentValidationException {
        JsonNode value = message.get(field);
        if (value != null && !value.isObject()) {
            throw new SegmentValidationException(prefix + field, "must be a JSON object, was " + describe(value));
        }
    }

    private static String describe(JsonNode value) {
        return switch (value.getNodeType()) {
            case ARRAY -> "an array";
            case NUMBER -> "a number (" + value + ")";
            case BOOLEAN -> "a boolean (" + value + ")";
            case NULL -> "null";
            case STRING -> "a string";
            default -> value.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
