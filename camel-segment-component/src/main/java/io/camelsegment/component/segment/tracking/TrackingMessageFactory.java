package io.camelsegment.component.segment.tracking;

import java.io.File;
import java.io.Reader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import io.camelsegment.component.segment.Credentials;
import io.camelsegment.component.segment.SegmentBatchException.ItemFailure;
import io.camelsegment.component.segment.SegmentConfiguration;
import io.camelsegment.component.segment.SegmentConstants;
import io.camelsegment.component.segment.SegmentOperation;
import io.camelsegment.component.segment.SegmentValidationException;
import io.camelsegment.component.segment.json.JsonConversion;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.WrappedFile;

/**
 * Builds Segment messages from exchanges (DESIGN §4): body fields, then headers over them, then the endpoint's
 * defaults under them; then messageId, timestamp and context.library; then validation and encoding. One instance per
 * endpoint, thread-safe.
 */
public class TrackingMessageFactory {

    /**
     * Body fields that make a body a Segment message rather than a bag of properties or traits, for every type. The
     * fields of one type only (e.g. {@code name}) are ordinary traits or properties elsewhere: {@code name} is a
     * reserved identify trait and a common track property.
     */
    static final Set<String> MESSAGE_FIELDS = Set.of("type", "userId", "anonymousId", "traits", "properties",
            "context", "integrations", "timestamp", "messageId", "writeKey");
    private static final Set<String> TRACK_FIELDS = Set.of("event");
    private static final Set<String> PAGE_FIELDS = Set.of("name", "category");
    private static final Set<String> GROUP_FIELDS = Set.of("groupId");
    private static final Set<String> ALIAS_FIELDS = Set.of("previousId");
    private static final Set<String> NULLABLE_FIELDS = Set.of("traits", "properties", "context", "integrations",
            "userId", "anonymousId", "name", "category", "timestamp", "messageId");
    /**
     * Fields Segment sets itself and clients must not send (API-NOTES A.4), as a message exported from Segment or
     * taken from a webhook carries them; and {@code sentAt}, which every request sets anew: a message's old one would
     * be sent twice in a single call, or skew the corrected timestamp.
     */
    static final List<String> SERVER_FIELDS = List.of("sentAt", "receivedAt", "originalTimestamp", "version",
            "channel");

    private final ObjectMapper mapper;
    private final SegmentConfiguration configuration;
    // context.library as JSON text, written as is into every message: serialized once rather than per message.
    private final RawValue library;
    private final RawValue libraryContext; // the context of messages that have none
    private final DerivedIdentity identity;

    /** A factory whose derived messageIds and timestamps come from the exchange (no messageIdKey). */
    public TrackingMessageFactory(ObjectMapper mapper, SegmentConfiguration configuration, String libraryVersion) {
        this(mapper, configuration, libraryVersion, DerivedIdentity.PER_EXCHANGE);
    }

    public TrackingMessageFactory(ObjectMapper mapper, SegmentConfiguration configuration, String libraryVersion,
                                  DerivedIdentity identity) {
        this.mapper = mapper;
        this.configuration = configuration;
        this.identity = identity;
        ObjectNode libraryJson = mapper.createObjectNode().put("name", "camel-segment").put("version", libraryVersion);
        this.library = new RawValue(new SerializedString(libraryJson.toString()));
        this.libraryContext = new RawValue(new SerializedString("{\"library\":" + libraryJson + "}"));
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
        return create(exchange, operation, SegmentHeaders.of(exchange));
    }

    /** As {@link #create(Exchange, SegmentOperation)}, with the message's headers already found. */
    Built create(Exchange exchange, SegmentOperation operation, SegmentHeaders headers)
            throws SegmentValidationException {
        Message in = exchange.getMessage();
        Object body = JsonValues.readObject(mapper, jsonBody(in), "body");
        TrackingMessage message;
        if (body == null) {
            message = new TrackingMessage();
        } else {
            message = TrackingMessage.of(mapper, body, "body");
            if (!hasMessageField(operation, message)) {
                message = wrapFreeForm(operation, message);
            }
        }
        String bodyWriteKey = takeWriteKey(message);
        applyHeaders(headers, operation, message);
        applyDefaults(operation, message);
        message.put("type", operation.getMessageType());
        // Sent as a call of its own only when delivered directly; buffered events go as batch items.
        int sentAtBytes = configuration.isBatching() ? 0 : SentAt.SINGLE_CALL_OVERHEAD;
        EncodedEvent event = finish(message, exchange, operation.name(), 0, "", sentAtBytes);
        return new Built(event, bodyWriteKey);
    }

    /**
     * The items of a batch body: a collection, a JSON array, or an object {@code {"batch": [...], "context": ...,
     * "integrations": ..., "writeKey": ...}}. Invalid items are reported by index; they never stop the others.
     */
    public BuiltBatch createBatch(Exchange exchange) throws SegmentValidationException {
        return createBatch(exchange, SegmentHeaders.of(exchange));
    }

    /** As {@link #createBatch(Exchange)}, with the message's headers already found. */
    BuiltBatch createBatch(Exchange exchange, SegmentHeaders headers) throws SegmentValidationException {
        Message in = exchange.getMessage();
        Object body = jsonBody(in);
        if (body instanceof Object[] array) {
            // read item by item, as a List is: converted whole, one bad item would fail them all
            body = Arrays.asList(array);
        }
        // Items of a collection body may be JSON text each; items inside a JSON document or an envelope may not.
        boolean itemsAsText = body instanceof Iterable<?> && !(body instanceof JsonNode);
        Object root = itemsAsText ? body : JsonValues.read(mapper, body, "body");
        Object sharedContext = JsonValues.readObject(mapper, headers.get(SegmentConstants.CONTEXT), "context");
        Object sharedIntegrations
                = JsonValues.readObject(mapper, headers.get(SegmentConstants.INTEGRATIONS), "integrations");
        String bodyWriteKey = null;
        if (JsonValues.isObject(root)) {
            TrackingMessage envelope = TrackingMessage.of(mapper, root, "body");
            if (!envelope.has("batch")) {
                throw new SegmentValidationException("batch", "is required: the body must be a collection, a JSON "
                                                              + "array or an object with a 'batch' array");
            }
            bodyWriteKey = takeWriteKey(envelope);
            if (sharedContext == null) {
                sharedContext = JsonValues.requireObject(envelope.get("context"), "context");
            }
            if (sharedIntegrations == null) {
                sharedIntegrations = JsonValues.requireObject(envelope.get("integrations"), "integrations");
            }
            root = envelope.get("batch");
        }
        if (!(root instanceof Iterable<?> items) || root instanceof JsonNode node && !node.isArray()) {
            throw new SegmentValidationException("batch", "must be a collection or JSON array of messages");
        }
        // One iterator: an Iterable may give only one (a stream's, a DirectoryStream, a database cursor).
        Iterator<?> iterator = items.iterator();
        if (!hasNext(iterator, 0)) {
            throw new SegmentValidationException("batch", "must contain at least one message (it was empty)");
        }
        List<EncodedEvent> events = new ArrayList<>();
        List<Integer> eventIndexes = new ArrayList<>();
        List<ItemFailure> invalid = new ArrayList<>();
        for (int index = 0; hasNext(iterator, index); index++) {
            Object item = next(iterator, index);
            String prefix = "batch[" + index + "].";
            TrackingMessage message = null;
            try {
                message = batchItem(item, itemsAsText, prefix.substring(0, prefix.length() - 1));
                message.remove("writeKey");
                message.mergeMissing("context", sharedContext);
                message.mergeMissing("integrations", sharedIntegrations);
                String hashScope = "batch:" + (message.has("type") ? JsonValues.asText(message.get("type")) : "");
                events.add(finish(message, exchange, hashScope, index, prefix, 0));
                eventIndexes.add(index);
            } catch (SegmentValidationException e) {
                invalid.add(new ItemFailure(index, message != null ? message.text("messageId") : null,
                        e.getMessage()));
            } catch (RuntimeException e) {
                // Whatever else one item throws (a Map that fails when read) is that item's failure, not the batch's.
                // The exception's own message is not repeated: it may quote the item's content.
                invalid.add(new ItemFailure(index, message != null ? message.text("messageId") : null,
                        prefix.substring(0, prefix.length() - 1) + ": could not be read as a message: "
                                                                       + e.getClass().getName()));
            }
        }
        return new BuiltBatch(events, eventIndexes, invalid, bodyWriteKey);
    }

    /** Whether the collection has an item at {@code index}; a collection that fails while read fails as a whole. */
    private static boolean hasNext(Iterator<?> items, int index) throws SegmentValidationException {
        try {
            return items.hasNext();
        } catch (RuntimeException e) {
            throw unreadable(index, e);
        }
    }

    private static Object next(Iterator<?> items, int index) throws SegmentValidationException {
        try {
            return items.next();
        } catch (RuntimeException e) {
            throw unreadable(index, e);
        }
    }

    /** Its own message is not repeated: it may quote the content. */
    private static SegmentValidationException unreadable(int index, RuntimeException e) {
        return new SegmentValidationException("batch", (index == 0 ? "could not be read" : "could not be read after "
                                                        + "item " + (index - 1)) + ": its iterator threw "
                                                       + e.getClass().getName());
    }

    private TrackingMessage batchItem(Object item, boolean itemAsText, String field)
            throws SegmentValidationException {
        // Unreadable items (bad JSON text, a failing getter, too deep) are reported with their reason.
        Object value = itemAsText ? JsonValues.read(mapper, item, field) : JsonValues.plain(mapper, item, field);
        if (!JsonValues.isObject(value)) {
            throw new SegmentValidationException(field, "must be a JSON object, was " + JsonValues.kind(value));
        }
        return TrackingMessage.of(mapper, value, field);
    }

    /**
     * Drops the fields Segment sets, adds messageId, timestamp and context.library where absent, validates and encodes.
     *
     * @param sentAtBytes what the request adds to the message as sent: {@code sentAt} of a single call, nothing for a
     *                    batch item (the batch carries it)
     */
    private EncodedEvent finish(TrackingMessage message, Exchange exchange, String scope, int index, String prefix,
                                int sentAtBytes)
            throws SegmentValidationException {
        SERVER_FIELDS.forEach(message::remove);
        message.removeNulls(NULLABLE_FIELDS);
        String item = prefix.isEmpty() ? "" : prefix.substring(0, prefix.length() - 1);
        if (!message.has("messageId")) {
            // Derived, not random: a redelivery (of the exchange, or with messageIdKey of the source record) gets
            // the same messageId, so Segment drops the duplicate.
            message.put("messageId", identity.messageId(exchange, scope, index, message, item, mapper));
        }
        Object timestamp = message.get("timestamp");
        if (timestamp == null) {
            message.put("timestamp", identity.timestamp(exchange));
        } else {
            message.put("timestamp", timestamp(timestamp, prefix + "timestamp"));
        }
        TrackingMessageValidator.validate(message, prefix);
        message.put("context", withLibrary(message.get("context"), prefix + "context"));
        // Writing walks the whole message once: depth, keys, getters and lone surrogates are checked on the way.
        byte[] json = JsonConversion.writeValueAsBytes(mapper, message.fields(), item);
        TrackingMessageValidator.validateSize(json.length + sentAtBytes, prefix);
        return new EncodedEvent(message.text("type"), message.text("messageId"), json);
    }

    /**
     * A timestamp field's value (of the body or the header) as sent: epoch millis (e.g. a JSON body unmarshalled from
     * another system), ISO-8601 text with any offset or a date-time object (a JDBC row's java.sql.Timestamp) in UTC
     * with milliseconds, like every other timestamp; any other value as it is, for the validator to name its type.
     */
    private static Object timestamp(Object value, String field) throws SegmentValidationException {
        if (JsonValues.isIntegral(value) || value instanceof String || SegmentTimestamps.isDateTime(value)) {
            return SegmentTimestamps.normalize(value, field);
        }
        return value;
    }

    /** The context with library added when it has none: a copy, never the caller's object. */
    private Object withLibrary(Object context, String field) throws SegmentValidationException {
        if (context == null) {
            return libraryContext;
        }
        if (context instanceof Map<?, ?> map && !JsonValues.hasStringKeys(map)) {
            // keys as the mapper writes them: containsKey("library") may throw (a TreeMap of Integers) or miss one
            context = JsonConversion.valueToTree(mapper, map, field);
        }
        if (JsonValues.hasKey(context, "library")) {
            return context;
        }
        Map<Object, Object> copy = JsonValues.copyOf(context, 1);
        copy.put("library", library);
        return copy;
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

    private static boolean hasMessageField(SegmentOperation operation, TrackingMessage body) {
        Set<String> ownFields = typeSpecificFields(operation);
        for (String field : body.fieldNames()) {
            if (MESSAGE_FIELDS.contains(field) || ownFields.contains(field)) {
                return true;
            }
        }
        return false;
    }

    /** The fields only this operation's messages have (API-NOTES A.5). */
    private static Set<String> typeSpecificFields(SegmentOperation operation) {
        return switch (operation) {
            case track -> TRACK_FIELDS;
            case page, screen -> PAGE_FIELDS;
            case group -> GROUP_FIELDS;
            case alias -> ALIAS_FIELDS;
            default -> Set.of();
        };
    }

    /** A body with no message field is the payload: properties for track/page/screen, traits for identify/group. */
    private static TrackingMessage wrapFreeForm(SegmentOperation operation, TrackingMessage body)
            throws SegmentValidationException {
        TrackingMessage message = new TrackingMessage();
        switch (operation) {
            case track, page, screen -> message.put("properties", body.fields());
            case identify, group -> message.put("traits", body.fields());
            default -> throw new SegmentValidationException("body", "alias takes no properties or traits; give "
                                                                    + "previousId and userId (fields or headers)");
        }
        return message;
    }

    /** The body's writeKey (removed from the message: it is a credential, never an event field); null if absent. */
    private static String takeWriteKey(TrackingMessage message) throws SegmentValidationException {
        Object key = message.remove("writeKey");
        if (key == null) {
            return null;
        }
        if (!(key instanceof String text)) {
            throw new SegmentValidationException("writeKey", "must be a string (the Source write key), was "
                                                             + JsonValues.kind(key));
        }
        if (text.isBlank()) {
            throw new SegmentValidationException("writeKey", "must not be blank");
        }
        return Credentials.writeKey("writeKey", text);
    }

    /**
     * Puts the headers over the body's fields. A header of a field that this operation's messages do not have (API-NOTES
     * A.5: {@code event} of a track, {@code traits} of an identify or group, ...) is left out, as the options are: an
     * exchange keeps the headers of its earlier steps, and a route may send it to several operations.
     */
    private void applyHeaders(SegmentHeaders headers, SegmentOperation operation, TrackingMessage message)
            throws SegmentValidationException {
        putText(message, "userId", headers.text(SegmentConstants.USER_ID));
        putText(message, "anonymousId", headers.text(SegmentConstants.ANONYMOUS_ID));
        switch (operation) {
            case track -> {
                putText(message, "event", headers.text(SegmentConstants.EVENT));
                putObject(message, "properties", headers.get(SegmentConstants.PROPERTIES));
            }
            case page, screen -> {
                putText(message, "name", headers.text(SegmentConstants.NAME));
                putText(message, "category", headers.text(SegmentConstants.CATEGORY));
                putObject(message, "properties", headers.get(SegmentConstants.PROPERTIES));
            }
            case identify -> putObject(message, "traits", headers.get(SegmentConstants.TRAITS));
            case group -> {
                putText(message, "groupId", headers.text(SegmentConstants.GROUP_ID));
                putObject(message, "traits", headers.get(SegmentConstants.TRAITS));
            }
            case alias -> putText(message, "previousId", headers.text(SegmentConstants.PREVIOUS_ID));
            default -> {
                // batch items are read from the body only
            }
        }
        putText(message, "messageId", headers.text(SegmentConstants.MESSAGE_ID));
        Object header = headers.get(SegmentConstants.TIMESTAMP);
        // what the body's field takes, in the form it is read in (a JSON text node as its text, JSON null as none)
        Object timestamp = header == null ? null : JsonValues.field(mapper, header, "", "timestamp");
        if (timestamp != null) {
            message.put("timestamp", timestamp(timestamp, "timestamp"));
        }
        putObject(message, "context", headers.get(SegmentConstants.CONTEXT));
        putObject(message, "integrations", headers.get(SegmentConstants.INTEGRATIONS));
    }

    private void applyDefaults(SegmentOperation operation, TrackingMessage message) {
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

    private static void putText(TrackingMessage message, String field, String value) {
        if (value != null) {
            message.put(field, value);
        }
    }

    private static void putDefault(TrackingMessage message, String field, String value) {
        if (value != null && !message.hasNonNull(field)) {
            message.put(field, value);
        }
    }

    private void putObject(TrackingMessage message, String field, Object value) throws SegmentValidationException {
        if (value != null) {
            message.put(field, JsonValues.readObject(mapper, value, field));
        }
    }
}
