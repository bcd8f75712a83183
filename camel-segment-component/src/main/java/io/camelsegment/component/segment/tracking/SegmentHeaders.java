package io.camelsegment.component.segment.tracking;

import java.util.HashMap;
import java.util.Map;

import io.camelsegment.component.segment.HeaderText;
import io.camelsegment.component.segment.SegmentValidationException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * The {@code CamelSegment*} headers of one message, found in one pass over its headers. A route's exchange often carries
 * many headers of earlier steps (an HTTP request's, a Kafka record's); Camel's header map is a tree ordered without
 * case, where each of the dozen lookups a message needs compares names, most of them starting with "Camel", character
 * by character. Names match without case, as in Camel; text values of another type are converted as
 * {@link HeaderText} does.
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

    /** The header's value as text, as {@link HeaderText#of} reads it; null when absent. */
    String text(String name) throws SegmentValidationException {
        Object value = get(name);
        return value == null ? null : HeaderText.of(exchange, name, value);
    }
}
