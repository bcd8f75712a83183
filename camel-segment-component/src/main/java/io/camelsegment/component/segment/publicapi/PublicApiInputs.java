package io.camelsegment.component.segment.publicapi;

import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelsegment.component.segment.HeaderText;
import io.camelsegment.component.segment.SegmentConfiguration;
import io.camelsegment.component.segment.SegmentConstants;
import io.camelsegment.component.segment.SegmentGranularity;
import io.camelsegment.component.segment.SegmentValidationException;
import io.camelsegment.component.segment.json.JsonProblems;
import io.camelsegment.component.segment.json.Utf16;
import io.camelsegment.component.segment.tracking.JsonBodies;
import io.camelsegment.component.segment.tracking.SegmentTimestamps;
import org.apache.camel.Message;

/**
 * The inputs of one Public API call, each read from (in this order of precedence) its {@code CamelSegment*} header, the
 * field of the same name in a JSON body, or the endpoint option. Values are checked here (type, format, length); which
 * of them an operation requires is the {@link PublicApiRequestBuilder}'s job.
 */
public final class PublicApiInputs {

    /** Path parameters and ids: Segment accepts 1 to 255 characters. */
    static final int MAX_ID_LENGTH = 255;
    /** Characters of a bad input that an error quotes. */
    static final int MAX_QUOTED = 40;
    /** pagination.count: 1..1000 in the current API (1..200 in older spec versions). */
    static final int MAX_PAGE_SIZE = 1000;
    /** period: a date, a date-time without an offset, a date-time with one (Z, +01:00). All resolve strictly. */
    private static final List<DateTimeFormatter> PERIOD_FORMATS = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ISO_LOCAL_DATE_TIME, DateTimeFormatter.ISO_OFFSET_DATE_TIME);

    private final Message message;
    private final JsonNode body;
    private final SegmentConfiguration options;
    private final ObjectMapper mapper;
    private final String cursorOverride;

    private PublicApiInputs(Message message, JsonNode body, SegmentConfiguration options, ObjectMapper mapper,
                            String cursorOverride) {
        this.message = message;
        this.body = body;
        this.options = options;
        this.mapper = mapper;
        this.cursorOverride = cursorOverride;
    }

    /** Reads the inputs of the message; the body is looked at only if it is JSON (an object or an array). */
    public static PublicApiInputs of(Message message, SegmentConfiguration options, ObjectMapper mapper)
            throws SegmentValidationException {
        return new PublicApiInputs(message, readBody(message, mapper), options, mapper, null);
    }

    /** The same inputs asking for another page (pagination.cursor replaced). */
    PublicApiInputs withCursor(String cursor) {
        return new PublicApiInputs(message, body, options, mapper, cursor);
    }

    public String sourceId() throws SegmentValidationException {
        return id("sourceId", SegmentConstants.SOURCE_ID, options.getSourceId());
    }

    public String destinationId() throws SegmentValidationException {
        return id("destinationId", SegmentConstants.DESTINATION_ID, options.getDestinationId());
    }

    /**
     * removeSourceWriteKey: the write key to remove, from the {@code CamelSegmentWriteKeyToRemove} header, a
     * {@code writeKeyToRemove} field of the JSON body or the writeKeyToRemove option; never from the credentials
     * (writeKey, CamelSegmentWriteKey), so that a route that forgot it cannot revoke its own tracking key. A secret:
     * never put it in a message.
     */
    public String writeKeyToRemove() throws SegmentValidationException {
        String key = text("writeKeyToRemove", SegmentConstants.WRITE_KEY_TO_REMOVE, options.getWriteKeyToRemove());
        if (key != null && key.length() > MAX_ID_LENGTH) {
            throw new SegmentValidationException("writeKeyToRemove", "must be at most " + MAX_ID_LENGTH
                                                                     + " characters, was " + key.length());
        }
        checkPathSegment("writeKeyToRemove", key);
        return key;
    }

    /** addLabelsToSource: the labels as a JSON array of {key, value[, description]}; null when none given. */
    public ArrayNode labels() throws SegmentValidationException {
        Object header = message.getHeader(SegmentConstants.LABELS);
        if (header != null) {
            return LabelsParser.parse(mapper, header, SegmentConstants.LABELS);
        }
        if (body != null && body.isArray()) {
            return LabelsParser.parse(mapper, body, "body");
        }
        JsonNode field = bodyField("labels");
        if (field != null) {
            return LabelsParser.parse(mapper, field, "body.labels");
        }
        return options.getLabels() == null ? null : LabelsParser.parse(mapper, options.getLabels(), "labels");
    }

    /**
     * getDailyPerSourceApiCallsUsage: the usage month's start, an ISO-8601 date (2021-02-01) or date-time (with or
     * without an offset), sent as given. A space may stand for the 'T', as it always could here.
     */
    public String period() throws SegmentValidationException {
        String period = text("period", SegmentConstants.PERIOD, options.getPeriod());
        if (period != null && !isIsoDateOrDateTime(period)) {
            throw new SegmentValidationException("period", "must be an ISO-8601 date such as 2021-02-01 or a "
                                                           + "date-time such as 2021-02-01T00:00:00Z, was "
                                                           + quote(period));
        }
        return period;
    }

    /**
     * Parsed, not matched by shape, so that 2021-13-45 or 2021-02-01Tfoo never reach Segment. The year must be four
     * digits, without a sign: java.time also reads +12021-02-01 and -0001-01-01.
     */
    private static boolean isIsoDateOrDateTime(String value) {
        if (value.isEmpty() || value.charAt(0) < '0' || value.charAt(0) > '9') {
            return false;
        }
        String iso = value.length() > 10 && value.charAt(10) == ' '
                ? value.substring(0, 10) + 'T' + value.substring(11) : value;
        for (DateTimeFormatter format : PERIOD_FORMATS) {
            try {
                format.parse(iso);
                return true;
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        return false;
    }

    /** pagination.count: from the header, the body's {@code pagination.count}, or the paginationCount option. */
    public Integer paginationCount() throws SegmentValidationException {
        Object value = message.getHeader(SegmentConstants.PAGINATION_COUNT);
        String field = SegmentConstants.PAGINATION_COUNT;
        if (value == null) {
            JsonNode node = bodyField("pagination", "count");
            value = node == null ? null : node.isNumber() ? node.numberValue() : node.asText();
            field = "pagination.count";
        }
        if (value == null) {
            value = options.getPaginationCount();
            field = "paginationCount";
        }
        if (value == null) {
            return null;
        }
        int count;
        try {
            count = value instanceof Number n && n.doubleValue() == n.intValue()
                    ? n.intValue() : Integer.parseInt(value.toString().trim());
        } catch (NumberFormatException e) {
            throw new SegmentValidationException(field, "must be an integer, was " + quote(value));
        }
        if (count < 1 || count > MAX_PAGE_SIZE) {
            throw new SegmentValidationException(field, "must be between 1 and " + MAX_PAGE_SIZE + ", was " + count);
        }
        return count;
    }

    /**
     * pagination.cursor: the page to fetch; null (or empty) for the first page. A cursor with a lone surrogate (from
     * the route, or from a page's answer) is refused: URL-encoded it would be sent as '?', asking for another page.
     */
    public String paginationCursor() throws SegmentValidationException {
        if (cursorOverride != null) {
            requireWellFormed("paginationCursor", cursorOverride, "another page");
            return cursorOverride;
        }
        String cursor = headerText(SegmentConstants.PAGINATION_CURSOR);
        if (cursor == null) {
            JsonNode node = bodyField("pagination", "cursor");
            cursor = node == null || node.isNull() ? null : node.asText();
        }
        if (cursor == null) {
            cursor = options.getPaginationCursor();
        }
        if (cursor != null) {
            requireWellFormed("paginationCursor", cursor, "another page");
        }
        return cursor == null || cursor.isEmpty() ? null : cursor;
    }

    public String startTime() throws SegmentValidationException {
        return time("startTime", SegmentConstants.START_TIME, options.getStartTime());
    }

    public String endTime() throws SegmentValidationException {
        return time("endTime", SegmentConstants.END_TIME, options.getEndTime());
    }

    public SegmentGranularity granularity() throws SegmentValidationException {
        Object value = headerOrBodyField(SegmentConstants.GRANULARITY, "granularity");
        if (value == null) {
            return options.getGranularity();
        }
        if (value instanceof SegmentGranularity g) {
            return g;
        }
        try {
            return SegmentGranularity.valueOf(value.toString().trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new SegmentValidationException("granularity", "must be one of DAY, HOUR, MINUTE, was "
                                                                + quote(value));
        }
    }

    /**
     * updateSource: the new name, from the {@code CamelSegmentSourceName} header, the body's {@code name} field or the
     * sourceName option; never from the page/screen name (name option, CamelSegmentName header).
     */
    public String sourceName() throws SegmentValidationException {
        String value = headerText(SegmentConstants.SOURCE_NAME);
        return value != null ? nonBlank("sourceName", value) : text("name", null, options.getSourceName());
    }

    /** updateSource: the new slug. */
    public String slug() throws SegmentValidationException {
        return text("slug", SegmentConstants.SLUG, options.getSlug());
    }

    /**
     * updateSource: whether the Source may send data, from the CamelSegmentSourceEnabled header, the body's enabled
     * field or the sourceEnabled option.
     */
    public Boolean sourceEnabled() throws SegmentValidationException {
        Object value = headerOrBodyField(SegmentConstants.SOURCE_ENABLED, "enabled");
        if (value == null) {
            return options.getSourceEnabled();
        }
        if (value instanceof Boolean b) {
            return b;
        }
        String text = value.toString().trim();
        if ("true".equalsIgnoreCase(text) || "false".equalsIgnoreCase(text)) {
            return Boolean.valueOf(text);
        }
        throw new SegmentValidationException("enabled", "must be true or false, was " + quote(value));
    }

    /** updateSource: the settings object (no endpoint option: settings are structured). */
    public ObjectNode settings() throws SegmentValidationException {
        Object header = message.getHeader(SegmentConstants.SETTINGS);
        if (header != null) {
            return JsonBodies.toObject(mapper, header, SegmentConstants.SETTINGS);
        }
        JsonNode field = bodyField("settings");
        return field == null ? null : JsonBodies.toObject(mapper, field, "body.settings");
    }

    private String id(String name, String header, String option) throws SegmentValidationException {
        String id = text(name, header, option);
        if (id != null && id.length() > MAX_ID_LENGTH) {
            throw new SegmentValidationException(name, "must be at most " + MAX_ID_LENGTH + " characters, was "
                                                       + id.length());
        }
        checkPathSegment(name, id);
        return id;
    }

    /**
     * Refuses what would name another resource once URL-encoded: "." and "..", which encoding leaves as they are and
     * any proxy or server on the way may remove as dot segments (RFC 3986, 5.2.4): {@code DELETE
     * /sources/abc/writekey/..} would become {@code DELETE /sources/abc/}, deleting the Source; and a lone surrogate,
     * which UTF-8 encoding turns into '?' ({@code %3F}), another id. No Segment id is either. The rules never quote
     * the value, as it may be a write key.
     */
    private static void checkPathSegment(String name, String value) throws SegmentValidationException {
        if (value == null) {
            return;
        }
        if (".".equals(value) || "..".equals(value)) {
            throw new SegmentValidationException(name, "must not be '.' or '..': in a URL path they name another "
                                                       + "resource (dot segments)");
        }
        requireWellFormed(name, value, "another resource");
    }

    /** Refuses a lone surrogate, which URL-encoding turns into '?' ({@code %3F}): the request would name another thing. */
    private static void requireWellFormed(String name, String value, String other) throws SegmentValidationException {
        int lone = Utf16.firstLoneSurrogate(value, 0, value.length());
        if (lone >= 0) {
            throw new SegmentValidationException(name, "holds a lone surrogate (half of a UTF-16 pair) at index " + lone
                                                       + ": not valid Unicode; URL-encoded it would be sent as '?', "
                                                       + "naming " + other);
        }
    }

    private String text(String name, String header, String option) throws SegmentValidationException {
        String value = header == null ? null : headerText(header);
        if (value == null) {
            JsonNode node = bodyField(name);
            if (node != null && !node.isNull()) {
                if (!node.isValueNode()) {
                    throw new SegmentValidationException("body." + name, "must be a string, was "
                                                                         + node.getNodeType().name()
                                                                                 .toLowerCase(Locale.ROOT));
                }
                value = node.asText();
            }
        }
        if (value == null) {
            value = option;
        }
        return nonBlank(name, value);
    }

    /** A header's text: a Map or a POJO is refused, never sent as Camel's toString of it ({id=42}). */
    private String headerText(String header) throws SegmentValidationException {
        Object value = message.getHeader(header);
        return value == null ? null : HeaderText.of(message.getExchange(), header, value);
    }

    /**
     * A value as errors quote it: its first {@value #MAX_QUOTED} characters, so that a message stays short whatever a
     * header held. Only for inputs that are not secrets (never an id, a key or the body).
     */
    static String quote(Object value) {
        String text = String.valueOf(value);
        if (text.length() <= MAX_QUOTED) {
            return "'" + text + "'";
        }
        int end = Character.isHighSurrogate(text.charAt(MAX_QUOTED - 1)) ? MAX_QUOTED - 1 : MAX_QUOTED;
        return "'" + text.substring(0, end) + "…' (" + text.length() + " characters)";
    }

    private static String nonBlank(String name, String value) throws SegmentValidationException {
        if (value != null && value.isBlank()) {
            throw new SegmentValidationException(name, "must not be blank");
        }
        return value;
    }

    private String time(String name, String header, String option) throws SegmentValidationException {
        Object value = headerOrBodyField(header, name);
        if (value == null) {
            value = option;
        }
        return value == null ? null : SegmentTimestamps.normalize(value, name);
    }

    /** The header's value, else the body field's scalar (a Boolean stays one, anything else as text); null if neither. */
    private Object headerOrBodyField(String header, String field) {
        Object value = message.getHeader(header);
        if (value != null) {
            return value;
        }
        JsonNode node = bodyField(field);
        return node == null || node.isNull() ? null : node.isBoolean() ? node.booleanValue() : node.asText();
    }

    private JsonNode bodyField(String... path) {
        JsonNode node = body;
        for (String step : path) {
            if (node == null || !node.isObject()) {
                return null;
            }
            node = node.get(step);
        }
        return node;
    }

    /**
     * The body as JSON when it is meant as input: a Map, Collection or JsonNode, or text holding a JSON object or
     * array. Anything else (no body, plain text from an earlier step) carries no inputs.
     */
    private static JsonNode readBody(Message message, ObjectMapper mapper) throws SegmentValidationException {
        Object body = message.getBody();
        if (body == null) {
            return null;
        }
        if (body instanceof JsonNode node) {
            return node;
        }
        if (body instanceof Map || body instanceof Collection) {
            return JsonBodies.toTree(mapper, body, "body"); // nesting and values counted, as for every input
        }
        String text = message.getBody(String.class);
        String trimmed = text == null ? "" : text.trim();
        if (!trimmed.startsWith("{") && !trimmed.startsWith("[")) {
            return null;
        }
        try {
            return mapper.readTree(trimmed);
        } catch (JsonProcessingException e) {
            throw JsonProblems.reading("body", e); // never quotes the body: it may hold a key
        }
    }
}
