package io.camelsegment.component.segment.tracking;

import java.util.Set;

import io.camelsegment.component.segment.SegmentValidationException;

/**
 * Segment's rules for one message (API-NOTES A.4, A.5, A.8), checked before anything is sent, so that a message
 * Segment would accept with 200 and then silently drop fails loudly here instead.
 */
public final class TrackingMessageValidator {

    /** Segment's limit on one message, in bytes (32 KB). */
    public static final int MAX_MESSAGE_BYTES = 32 * 1024;
    /** The limit as errors name it. */
    static final String LIMIT = "Segment's limit of " + MAX_MESSAGE_BYTES + " bytes (32 KB) per message";
    /** Segment's limit on a messageId, in characters. */
    public static final int MAX_MESSAGE_ID_LENGTH = 100;

    public static final Set<String> TYPES = Set.of("identify", "track", "page", "screen", "group", "alias");

    private TrackingMessageValidator() {
    }

    /**
     * Checks a message that already carries its {@code type}.
     *
     * @param prefix prefix for field names in errors, e.g. {@code batch[3].}; empty for single calls
     */
    static void validate(TrackingMessage message, String prefix) throws SegmentValidationException {
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
        Object timestamp = message.get("timestamp");
        if (timestamp != null && !(timestamp instanceof String)) {
            // Strings and epoch millis were normalized (and checked) already.
            throw new SegmentValidationException(prefix + "timestamp", "must be an ISO-8601 string, was "
                                                                       + describe(timestamp));
        }
    }

    /** Checks the serialized size of a message against the 32 KB limit. */
    public static void validateSize(int bytes, String prefix) throws SegmentValidationException {
        if (bytes > MAX_MESSAGE_BYTES) {
            throw new SegmentValidationException(prefix.isEmpty() ? "message" : prefix.substring(0, prefix.length() - 1),
                    "is " + bytes + " bytes as sent, over " + LIMIT);
        }
    }

    private static String requireType(TrackingMessage message, String prefix) throws SegmentValidationException {
        Object type = message.get("type");
        if (type == null) {
            throw new SegmentValidationException(prefix + "type", "is required: one of " + TYPES);
        }
        if (!(type instanceof String text) || !TYPES.contains(text)) {
            throw new SegmentValidationException(prefix + "type", "must be one of " + TYPES + ", was "
                                                                  + (type instanceof String ? "another string"
                                                                          : describe(type)));
        }
        return text;
    }

    private static void validateMessageId(TrackingMessage message, String prefix) throws SegmentValidationException {
        if (message.get("messageId") == null) {
            return;
        }
        optionalNonBlankString(message, "messageId", prefix);
        int length = message.text("messageId").length();
        if (length > MAX_MESSAGE_ID_LENGTH) {
            throw new SegmentValidationException(prefix + "messageId", "must be at most " + MAX_MESSAGE_ID_LENGTH
                                                                       + " characters, was " + length);
        }
    }

    private static void requiredNonBlankString(TrackingMessage message, String field, String prefix)
            throws SegmentValidationException {
        if (!message.hasNonNull(field)) {
            throw new SegmentValidationException(prefix + field, "is required for " + message.text("type")
                                                                 + " (it was missing)");
        }
        optionalNonBlankString(message, field, prefix);
    }

    private static void optionalNonBlankString(TrackingMessage message, String field, String prefix)
            throws SegmentValidationException {
        Object value = message.get(field);
        if (value == null) {
            return;
        }
        if (!(value instanceof String text)) {
            throw new SegmentValidationException(prefix + field, "must be a string, was " + describe(value));
        }
        if (text.isBlank()) {
            throw new SegmentValidationException(prefix + field, "must not be blank");
        }
    }

    private static void optionalObject(TrackingMessage message, String field, String prefix)
            throws SegmentValidationException {
        Object value = message.get(field);
        if (value != null && !JsonValues.isObject(value)) {
            throw new SegmentValidationException(prefix + field, "must be a JSON object, was " + describe(value));
        }
    }

    /** The JSON type of a value, never the value: errors do not quote what a message carries. */
    private static String describe(Object value) {
        return switch (JsonValues.kind(value)) {
            case "array" -> "an array";
            case "number", "boolean", "string" -> "a " + JsonValues.kind(value);
            default -> JsonValues.kind(value);
        };
    }
}
