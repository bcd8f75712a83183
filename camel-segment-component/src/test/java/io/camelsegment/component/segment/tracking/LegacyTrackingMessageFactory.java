package io.camelsegment.component.segment.tracking;

import java.io.File;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelsegment.component.segment.SegmentBatchException.ItemFailure;
import io.camelsegment.component.segment.SegmentConfiguration;
import io.camelsegment.component.segment.SegmentConstants;
import io.camelsegment.component.segment.SegmentOperation;
import io.camelsegment.component.segment.SegmentValidationException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.WrappedFile;

/**
 * THE REFERENCE for {@link TrackingMessageEquivalenceTest}: TrackingMessageFactory as it was before messages were
 * built without Jackson trees (commit 74f48c6), unchanged but for its name and mergeMissing (then in JsonBodies).
 * <p>
 * Builds Segment messages from exchanges (DESIGN §4): body fields, then headers over them, then the endpoint's
 * defaults under them; then messageId, timestamp and context.library; then validation and encoding. One instance per
 * endpoint, thread-safe.
 */
class LegacyTrackingMessageFactory {

    /**
     * Body fields that make a body a Segment message rather than a bag of properties or traits, for every type. The
     * fields of one type only (e.g. {@code name}) are ordinary traits or properties elsewhere: {@code name} is a
     * reserved identify trait and a common track property.
     */
    static final Set<String> MESSAGE_FIELDS = Set.of("type", "userId", "anonymousId", "traits", "properties",
            "context", "integrations", "timestamp", "messageId", "writeKey");
    private static final List<String> NULLABLE_FIELDS = List.of("traits", "properties", "context", "integrations",
            "userId", "anonymousId", "name", "category", "timestamp", "messageId");

    private final ObjectMapper mapper;
    private final SegmentConfiguration configuration;
    private final ObjectNode library;

    LegacyTrackingMessageFactory(ObjectMapper mapper, SegmentConfiguration configuration, String libraryVersion) {
        this.mapper = mapper;
        this.configuration = configuration;
        this.library = mapper.createObjectNode().put("name", "camel-segment").put("version", libraryVersion);
    }

    /** The outcome of building a message: the encoded event and the write key the message asked for, if any. */
    public record Built(EncodedEvent event, String bodyWriteKey) {
    }

    /** The outcome of reading a batch body: valid events, invalid items by index, and a body-level write key. */
    public record BuiltBatch(List<EncodedEvent> events, List<Integer> eventIndexes, List<ItemFailure> invalid,
                             String bodyWriteKey) {

        /** The index in the input collection of {@code events().get(position)}. */
        public int inputIndex(int position) {
            return eventIndexes.get(position);
        }
    }

    /** One message for a single-event operation (identify, track, page, screen, group, alias). */
    public Built create(Exchange exchange, SegmentOperation operation) throws SegmentValidationException {
        Message in = exchange.getMessage();
        ObjectNode message = JsonBodies.toObject(mapper, jsonBody(in), "body");
        if (message == null) {
            message = mapper.createObjectNode();
        } else if (!hasMessageField(operation, message)) {
            message = wrapFreeForm(operation, message);
        }
        String bodyWriteKey = takeWriteKey(message);
        applyHeaders(in, message);
        applyDefaults(operation, message);
        message.put("type", operation.getMessageType());
        EncodedEvent event = finish(message, exchange, operation.name(), 0, "");
        return new Built(event, bodyWriteKey);
    }

    /**
     * The items of a batch body: a collection, a JSON array, or an object {@code {"batch": [...], "context": ...,
     * "integrations": ..., "writeKey": ...}}. Invalid items are reported by index; they never stop the others.
     */
    public BuiltBatch createBatch(Exchange exchange) throws SegmentValidationException {
        Message in = exchange.getMessage();
        Object body = jsonBody(in);
        JsonNode root = body instanceof Iterable<?> items && !(body instanceof JsonNode)
                ? iterableToArray(items) : JsonBodies.toTree(mapper, body, "body");
        ObjectNode sharedContext = JsonBodies.toObject(mapper, in.getHeader(SegmentConstants.CONTEXT), "context");
        ObjectNode sharedIntegrations
                = JsonBodies.toObject(mapper, in.getHeader(SegmentConstants.INTEGRATIONS), "integrations");
        String bodyWriteKey = null;
        if (root != null && root.isObject()) {
            ObjectNode envelope = (ObjectNode) root;
            if (!envelope.has("batch")) {
                throw new SegmentValidationException("batch", "is required: the body must be a collection, a JSON "
                                                              + "array or an object with a 'batch' array");
            }
            bodyWriteKey = takeWriteKey(envelope);
            if (sharedContext == null) {
                sharedContext = JsonBodies.toObject(mapper, envelope.get("context"), "context");
            }
            if (sharedIntegrations == null) {
                sharedIntegrations = JsonBodies.toObject(mapper, envelope.get("integrations"), "integrations");
            }
            root = envelope.get("batch");
        }
        if (root == null || !root.isArray()) {
            throw new SegmentValidationException("batch", "must be a collection or JSON array of messages");
        }
        if (root.isEmpty()) {
            throw new SegmentValidationException("batch", "must contain at least one message (it was empty)");
        }
        List<EncodedEvent> events = new ArrayList<>(root.size());
        List<Integer> eventIndexes = new ArrayList<>(root.size());
        List<ItemFailure> invalid = new ArrayList<>();
        int index = 0;
        for (JsonNode item : root) {
            String prefix = "batch[" + index + "].";
            try {
                if (!item.isObject()) {
                    throw new SegmentValidationException(prefix.substring(0, prefix.length() - 1),
                            "must be a JSON object");
                }
                ObjectNode message = (ObjectNode) item;
                message.remove("writeKey");
                mergeMissing(message, "context", sharedContext);
                mergeMissing(message, "integrations", sharedIntegrations);
                JsonNode type = message.get("type");
                String hashScope = "batch:" + (type != null ? type.asText() : "");
                events.add(finish(message, exchange, hashScope, index, prefix));
                eventIndexes.add(index);
            } catch (SegmentValidationException e) {
                invalid.add(new ItemFailure(index, textOrNull(item, "messageId"), e.getMessage()));
            }
            index++;
        }
        return new BuiltBatch(events, eventIndexes, invalid, bodyWriteKey);
    }

    /** Adds messageId, timestamp and context.library where absent, validates and encodes. */
    private EncodedEvent finish(ObjectNode message, Exchange exchange, String scope, int index, String prefix)
            throws SegmentValidationException {
        for (String field : NULLABLE_FIELDS) {
            JsonNode value = message.get(field);
            if (value != null && value.isNull()) {
                message.remove(field);
            }
        }
        if (!message.has("messageId")) {
            // Derived, not random: a redelivered exchange (same id, same content) gets the same messageId,
            // so Segment drops the duplicate; different content in the same exchange gets a different one.
            String seed = exchange.getExchangeId() + '|' + scope + '|' + index + '|' + message.hashCode();
            message.put("messageId", UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString());
        }
        JsonNode timestamp = message.get("timestamp");
        if (timestamp == null) {
            message.put("timestamp", SegmentTimestamps.format(Instant.ofEpochMilli(exchange.getClock().getCreated())));
        } else if (timestamp.isIntegralNumber()) {
            // epoch millis, as a header may give them (e.g. a JSON body unmarshalled from another system)
            message.put("timestamp", SegmentTimestamps.format(Instant.ofEpochMilli(timestamp.longValue())));
        }
        LegacyTrackingMessageValidator.validate(message, prefix);
        JsonNode context = message.get("context");
        if (context == null) {
            message.putObject("context").set("library", library);
        } else if (!context.has("library")) {
            ((ObjectNode) context).set("library", library);
        }
        byte[] json;
        try {
            json = mapper.writeValueAsBytes(message);
        } catch (JsonProcessingException e) {
            throw new SegmentValidationException(prefix + "message", "could not be serialized: " + e.getOriginalMessage());
        }
        LegacyTrackingMessageValidator.validateSize(json.length + SentAt.SINGLE_CALL_OVERHEAD, prefix);
        return new EncodedEvent(message.get("type").textValue(), message.get("messageId").textValue(), json);
    }

    /**
     * The body as JSON input. File-like bodies (a file consumer's GenericFile, File, Path, Reader) are read through
     * Camel's type converters as bytes: Jackson would otherwise serialize them as beans (file name, length, ...).
     */
    private static Object jsonBody(Message in) {
        Object body = in.getBody();
        if (body instanceof WrappedFile<?> || body instanceof File || body instanceof Path || body instanceof Reader) {
            return in.getBody(byte[].class);
        }
        return body;
    }

    private static boolean hasMessageField(SegmentOperation operation, ObjectNode body) {
        for (Iterator<String> it = body.fieldNames(); it.hasNext();) {
            String field = it.next();
            if (MESSAGE_FIELDS.contains(field) || typeSpecificFields(operation).contains(field)) {
                return true;
            }
        }
        return false;
    }

    /** The fields only this operation's messages have (API-NOTES A.5). */
    private static Set<String> typeSpecificFields(SegmentOperation operation) {
        return switch (operation) {
            case track -> Set.of("event");
            case page, screen -> Set.of("name", "category");
            case group -> Set.of("groupId");
            case alias -> Set.of("previousId");
            default -> Set.of();
        };
    }

    /** A body with no message field is the payload: properties for track/page/screen, traits for identify/group. */
    private ObjectNode wrapFreeForm(SegmentOperation operation, ObjectNode body) throws SegmentValidationException {
        ObjectNode message = mapper.createObjectNode();
        switch (operation) {
            case track, page, screen -> message.set("properties", body);
            case identify, group -> message.set("traits", body);
            default -> throw new SegmentValidationException("body", "alias takes no properties or traits; give "
                                                                    + "previousId and userId (fields or headers)");
        }
        return message;
    }

    private static String takeWriteKey(ObjectNode node) {
        JsonNode key = node.remove("writeKey");
        return key != null && key.isTextual() && !key.textValue().isBlank() ? key.textValue() : null;
    }

    private void applyHeaders(Message in, ObjectNode message) throws SegmentValidationException {
        putText(message, "userId", in.getHeader(SegmentConstants.USER_ID, String.class));
        putText(message, "anonymousId", in.getHeader(SegmentConstants.ANONYMOUS_ID, String.class));
        putText(message, "event", in.getHeader(SegmentConstants.EVENT, String.class));
        putText(message, "name", in.getHeader(SegmentConstants.NAME, String.class));
        putText(message, "category", in.getHeader(SegmentConstants.CATEGORY, String.class));
        putText(message, "groupId", in.getHeader(SegmentConstants.GROUP_ID, String.class));
        putText(message, "previousId", in.getHeader(SegmentConstants.PREVIOUS_ID, String.class));
        putText(message, "messageId", in.getHeader(SegmentConstants.MESSAGE_ID, String.class));
        Object timestamp = in.getHeader(SegmentConstants.TIMESTAMP);
        if (timestamp != null) {
            message.put("timestamp", SegmentTimestamps.normalize(timestamp, "timestamp"));
        }
        putObject(message, "traits", in.getHeader(SegmentConstants.TRAITS));
        putObject(message, "properties", in.getHeader(SegmentConstants.PROPERTIES));
        putObject(message, "context", in.getHeader(SegmentConstants.CONTEXT));
        putObject(message, "integrations", in.getHeader(SegmentConstants.INTEGRATIONS));
    }

    private void applyDefaults(SegmentOperation operation, ObjectNode message) {
        putDefault(message, "userId", configuration.getUserId());
        putDefault(message, "anonymousId", configuration.getAnonymousId());
        switch (operation) {
            case track -> putDefault(message, "event", configuration.getEvent());
            case page -> {
                putDefault(message, "name", configuration.getName());
                putDefault(message, "category", configuration.getCategory());
            }
            case screen -> putDefault(message, "name", configuration.getName());
            case group -> putDefault(message, "groupId", configuration.getGroupId());
            case alias -> putDefault(message, "previousId", configuration.getPreviousId());
            default -> {
                // identify: ids only
            }
        }
    }

    private static void putText(ObjectNode message, String field, String value) {
        if (value != null) {
            message.put(field, value);
        }
    }

    private static void putDefault(ObjectNode message, String field, String value) {
        if (value != null && !message.hasNonNull(field)) {
            message.put(field, value);
        }
    }

    private void putObject(ObjectNode message, String field, Object value) throws SegmentValidationException {
        if (value != null) {
            message.set(field, JsonBodies.toObject(mapper, value, field));
        }
    }

    private ArrayNode iterableToArray(Iterable<?> items) throws SegmentValidationException {
        ArrayNode array = mapper.createArrayNode();
        int index = 0;
        for (Object item : items) {
            try {
                array.add(JsonBodies.toTree(mapper, item, "batch[" + index + "]"));
            } catch (SegmentValidationException e) {
                // keep the slot so indexes stay true; the item is reported as not an object
                array.add(mapper.getNodeFactory().textNode("unreadable item: " + e.getRule()));
            }
            index++;
        }
        return array;
    }

    private static String textOrNull(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? value.textValue() : null;
    }

    /** Sets {@code target[field]} to {@code source[field]}'s entries that target lacks (target's win). */
    private static void mergeMissing(ObjectNode target, String field, ObjectNode source) {
        if (source == null || source.isEmpty()) {
            return;
        }
        JsonNode existing = target.get(field);
        if (existing == null || existing.isNull()) {
            target.set(field, source.deepCopy());
        } else if (existing.isObject()) {
            ObjectNode merged = (ObjectNode) existing;
            for (java.util.Map.Entry<String, JsonNode> e : source.properties()) {
                if (!merged.has(e.getKey())) {
                    merged.set(e.getKey(), e.getValue().deepCopy());
                }
            }
        }
    }
}
