package io.camelsegment.component.segment.tracking;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelsegment.component.segment.SegmentValidationException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.TypeConversionException;

/**
 * The {@code CamelSegment*} headers of one message, found in one pass over its headers. A route's exchange often carries
 * many headers of earlier steps (an HTTP request's, a Kafka record's); Camel's header map is a tree ordered without
 * case, where each of the dozen lookups a message needs compares names, most of them starting with "Camel", character
 * by character. Names match without case, as in Camel; text values of another type are converted with Camel's type
 * converters, as {@code Message.getHeader(name, String.class)} does, except those with no text form of their own.
 */
final class SegmentHeaders {

    private static final String PREFIX = "CamelSegment";
    private static final SegmentHeaders NONE = new SegmentHeaders(null, Map.of());

    private final Exchange exchange;
    /** By name as the message has it: usually the constant itself. */
    private final Map<String, Object> values;

    private SegmentHeaders(Exchange exchange, Map<String, Object> values) {
        this.exchange = exchange;
        this.values = values;
    }

    static SegmentHeaders of(Exchange exchange) {
        Message in = exchange.getMessage();
        if (!in.hasHeaders()) {
            return NONE;
        }
        Map<String, Object> found = null;
        for (Map.Entry<String, Object> header : in.getHeaders().entrySet()) {
            String name = header.getKey();
            if (name != null && name.length() > PREFIX.length() && header.getValue() != null
                && name.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
                if (found == null) {
                    found = new HashMap<>();
                }
                found.put(name, header.getValue());
            }
        }
        return found == null ? NONE : new SegmentHeaders(exchange, found);
    }

    /** The header's value, or null. */
    Object get(String name) {
        if (values.isEmpty()) {
            return null;
        }
        Object value = values.get(name);
        if (value != null) {
            return value;
        }
        for (Map.Entry<String, Object> header : values.entrySet()) {
            if (header.getKey().equalsIgnoreCase(name)) {
                return header.getValue();
            }
        }
        return null;
    }

    /**
     * The header's value as text (a message field such as userId, or the write key), converted as Camel converts header
     * values; null when absent. A structure (Map, collection, array, JSON object or array, Optional) or an object
     * whose only text is Object.toString's ({@code Customer@1b6d3586}) is refused: Camel would turn it into text
     * such as {@code {id=42}} that Segment takes as an id. Errors name the header and the type, never the value.
     */
    String text(String name) throws SegmentValidationException {
        Object value = get(name);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        if (value instanceof JsonNode node && node.isValueNode()) {
            return node.isNull() ? null : node.asText();
        }
        if (value instanceof Map<?, ?> || value instanceof Iterable<?> || value instanceof Optional<?>
            || value.getClass().isArray() && !(value instanceof byte[]) && !(value instanceof char[])) {
            throw notText(name, value);
        }
        String text;
        try {
            text = exchange.getContext().getTypeConverter().convertTo(String.class, exchange, value);
        } catch (TypeConversionException e) {
            // not Camel's message, which quotes the value
            throw new SegmentValidationException(name, "could not be converted to text: "
                                                       + (e.getCause() != null ? e.getCause() : e).getClass().getName());
        }
        if (text == null || isIdentityText(value, text)) {
            throw notText(name, value);
        }
        return text;
    }

    private static boolean isIdentityText(Object value, String text) {
        String prefix = value.getClass().getName() + "@";
        return text.startsWith(prefix) && text.equals(prefix + Integer.toHexString(value.hashCode()));
    }

    private static SegmentValidationException notText(String name, Object value) {
        return new SegmentValidationException(name, "must be text (a String, or a number, UUID or bytes Camel converts "
                                                    + "to text), was a " + value.getClass().getTypeName());
    }
}
