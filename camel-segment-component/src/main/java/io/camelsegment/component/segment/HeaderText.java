package io.camelsegment.component.segment;

import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.Exchange;
import org.apache.camel.TypeConversionException;

/**
 * A header that gives text (a message field such as userId, an id in a Public API path, the write key), converted as
 * Camel converts header values ({@code Message.getHeader(name, String.class)}), except values that have no text of
 * their own: a structure (Map, collection, array, JSON object or array, Optional) or an object whose only text is
 * Object.toString's ({@code Customer@1b6d3586}). Camel would turn those into text such as {@code {id=42}}, which would
 * be sent as an id or a name. Errors name the header and the type, never the value.
 */
public final class HeaderText {

    private HeaderText() {
    }

    /** @param value the header's value, not null */
    public static String of(Exchange exchange, String header, Object value) throws SegmentValidationException {
        if (value instanceof String text) {
            return text;
        }
        if (value instanceof JsonNode node && node.isValueNode()) {
            return node.isNull() ? null : node.asText();
        }
        if (value instanceof Map<?, ?> || value instanceof Iterable<?> || value instanceof Optional<?>
            || value.getClass().isArray() && !(value instanceof byte[]) && !(value instanceof char[])) {
            throw notText(header, value);
        }
        String text;
        try {
            text = exchange.getContext().getTypeConverter().convertTo(String.class, exchange, value);
        } catch (TypeConversionException e) {
            // not Camel's message, which quotes the value: what the conversion (its toString) threw, by its class
            throw new SegmentValidationException(header, "could not be converted to text: converting it threw "
                                                         + (e.getCause() != null ? e.getCause() : e).getClass().getName());
        }
        if (text == null || isIdentityText(value, text)) {
            throw notText(header, value);
        }
        return text;
    }

    private static boolean isIdentityText(Object value, String text) {
        String prefix = value.getClass().getName() + "@";
        return text.startsWith(prefix) && text.equals(prefix + Integer.toHexString(value.hashCode()));
    }

    private static SegmentValidationException notText(String header, Object value) {
        return new SegmentValidationException(header, "must be text (a String, or a number, UUID or bytes Camel "
                                                      + "converts to text), was a " + value.getClass().getTypeName());
    }
}
