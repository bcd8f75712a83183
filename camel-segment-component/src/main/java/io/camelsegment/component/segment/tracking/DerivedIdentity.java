package io.camelsegment.component.segment.tracking;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelsegment.component.segment.SegmentConfiguration;
import io.camelsegment.component.segment.SegmentValidationException;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Expression;
import org.apache.camel.spi.Language;

/**
 * The messageId and timestamp of messages that carry none. Without {@code messageIdKey} they come from the exchange
 * (its id, and the time it was created): stable across Camel's own redelivery of that exchange, new when a source
 * redelivers the record in a new exchange (after a crash). With {@code messageIdKey} the messageId comes from the
 * source record's key, the operation and the item's index, and the timestamp from the record
 * ({@code sourceTimestamp}, else the source's own record-time header), so a redelivered record gets both again.
 */
public final class DerivedIdentity {

    /** Record-time headers of Camel's Kafka, JMS and file consumers, tried in this order with messageIdKey. */
    public static final List<String> SOURCE_TIME_HEADERS = List.of("kafka.TIMESTAMP", "JMSTimestamp",
            "CamelFileLastModified");

    /** Ids and timestamps from the exchange (no messageIdKey). */
    public static final DerivedIdentity PER_EXCHANGE = new DerivedIdentity(null, null);

    private final Expression key;
    private final Expression sourceTimestamp;

    private DerivedIdentity(Expression key, Expression sourceTimestamp) {
        this.key = key;
        this.sourceTimestamp = sourceTimestamp;
    }

    /**
     * Compiles the endpoint's {@code messageIdKey} and {@code sourceTimestamp} (Simple language).
     *
     * @throws IllegalArgumentException naming the option when an expression does not compile
     */
    public static DerivedIdentity of(CamelContext context, SegmentConfiguration configuration) {
        if (configuration.getMessageIdKey() == null && configuration.getSourceTimestamp() == null) {
            return PER_EXCHANGE;
        }
        Language simple = context.resolveLanguage("simple");
        return new DerivedIdentity(compile(simple, "messageIdKey", configuration.getMessageIdKey()),
                compile(simple, "sourceTimestamp", configuration.getSourceTimestamp()));
    }

    private static Expression compile(Language simple, String option, String text) {
        if (text == null) {
            return null;
        }
        if (text.isBlank()) {
            throw new IllegalArgumentException(option + " must be a Simple expression, was blank");
        }
        try {
            return simple.createExpression(text);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(option + " is not a valid Simple expression: " + e.getMessage(), e);
        }
    }

    /**
     * A name-based (version 3) UUID: of the record key, scope and index with messageIdKey; else of the exchange id,
     * scope, index and the message's content.
     *
     * @param scope the operation (single events) or "batch:" and the item's type (batch items)
     * @param index the item's index in a batch body, 0 for single events
     * @param item  what the message is, for errors ({@code batch[3]}; empty for a single message)
     */
    String messageId(Exchange exchange, String scope, int index, TrackingMessage message, String item,
                     ObjectMapper mapper)
            throws SegmentValidationException {
        String seed;
        if (key == null) {
            seed = exchange.getExchangeId() + '|' + scope + '|' + index + '|' + message.contentHash(mapper, item);
        } else {
            String recordKey = key.evaluate(exchange, String.class);
            if (recordKey == null || recordKey.isBlank()) {
                throw new SegmentValidationException("messageIdKey", "evaluated to an empty key for this exchange; "
                                                                     + "each source record needs a key of its own");
            }
            seed = "key|" + recordKey + '|' + scope + '|' + index;
        }
        return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** The timestamp of a message that has none, formatted for Segment. */
    String timestamp(Exchange exchange) throws SegmentValidationException {
        if (sourceTimestamp != null) {
            Object value = sourceTimestamp.evaluate(exchange, Object.class);
            if (value == null || value instanceof String text && text.isBlank()) {
                throw new SegmentValidationException("sourceTimestamp", "evaluated to nothing for this exchange");
            }
            return normalize(value, "sourceTimestamp");
        }
        if (key != null) {
            for (String header : SOURCE_TIME_HEADERS) {
                Object value = exchange.getMessage().getHeader(header);
                if (value != null) {
                    return normalize(value, header);
                }
            }
        }
        return SegmentTimestamps.format(Instant.ofEpochMilli(exchange.getClock().getCreated()));
    }

    /** As {@link SegmentTimestamps#normalize}, and epoch millis given as digits (a header read as text). */
    private static String normalize(Object value, String field) throws SegmentValidationException {
        if (value instanceof String text && !text.isEmpty() && text.length() <= 18 && text.chars().allMatch(Character::isDigit)) {
            return SegmentTimestamps.normalize(Long.parseLong(text), field); // range-checked as a Long is
        }
        return SegmentTimestamps.normalize(value, field);
    }
}
