package io.camelsegment.component.segment.tracking;

import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.camelsegment.component.segment.SegmentValidationException;
import io.camelsegment.component.segment.support.WireMockSegmentTestSupport;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.camelsegment.component.segment.support.TrackingRequests.acceptAll;
import static io.camelsegment.component.segment.support.TrackingRequests.all;
import static io.camelsegment.component.segment.support.TrackingRequests.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * messageIdKey and sourceTimestamp: a source record redelivered in a NEW exchange (as a durable source does after a
 * crash) gets the same messageId and timestamp again, so Segment can drop the duplicate.
 */
class SourceRecordKeyTest extends WireMockSegmentTestSupport {

    private static final String KAFKA_KEY = "${header.kafka.TOPIC}-${header.kafka.PARTITION}-${header.kafka.OFFSET}";
    private static final String TRACK = "segment:track?writeKey=RAW(" + WRITE_KEY + ")&event=Order Placed&userId=u1";

    @BeforeEach
    void accept() {
        acceptAll(wireMock);
    }

    /** A Kafka record as camel-kafka's consumer presents it: a new exchange on every delivery. */
    private Exchange kafkaRecord(String uri, long offset, long recordTime) {
        return template.request(uri, e -> {
            e.getMessage().setHeader("kafka.TOPIC", "orders");
            e.getMessage().setHeader("kafka.PARTITION", 3);
            e.getMessage().setHeader("kafka.OFFSET", offset);
            e.getMessage().setHeader("kafka.TIMESTAMP", recordTime);
            e.getMessage().setBody(Map.of("orderId", "o-" + offset));
        });
    }

    private ObjectNode sent(int request) {
        return body(all(wireMock).get(request));
    }

    @Test
    void aRecordDeliveredTwiceInNewExchangesKeepsMessageIdAndTimestamp() {
        String uri = TRACK + "&messageIdKey=" + KAFKA_KEY;

        kafkaRecord(uri, 42, 1_700_000_000_123L);
        kafkaRecord(uri, 42, 1_700_000_000_123L); // redelivered after a crash: another exchange, same record
        kafkaRecord(uri, 43, 1_700_000_000_456L);

        assertEquals(sent(0).get("messageId"), sent(1).get("messageId"));
        assertEquals("2023-11-14T22:13:20.123Z", sent(0).get("timestamp").asText(), "the record's own time");
        assertEquals(sent(0).get("timestamp"), sent(1).get("timestamp"));
        assertNotEquals(sent(0).get("messageId"), sent(2).get("messageId"), "another record, another id");
        assertEquals("2023-11-14T22:13:20.456Z", sent(2).get("timestamp").asText());
    }

    @Test
    void withoutAKeyEachExchangeGetsItsOwnMessageId() {
        kafkaRecord(TRACK, 42, 1_700_000_000_123L);
        kafkaRecord(TRACK, 42, 1_700_000_000_123L);

        assertNotEquals(sent(0).get("messageId"), sent(1).get("messageId"));
    }

    @Test
    void theOperationIsPartOfTheId() {
        kafkaRecord(TRACK + "&messageIdKey=" + KAFKA_KEY, 7, 1L);
        kafkaRecord("segment:page?writeKey=RAW(" + WRITE_KEY + ")&userId=u1&messageIdKey=" + KAFKA_KEY, 7, 1L);

        assertNotEquals(sent(0).get("messageId"), sent(1).get("messageId"));
    }

    @Test
    void batchItemsOfOneRecordDifferByIndexAndKeepTheirIdsWhenRedelivered() {
        String uri = "segment:batch?writeKey=RAW(" + WRITE_KEY + ")&messageIdKey=${header.JMSMessageID}";
        List<Map<String, Object>> items = List.of(
                Map.of("type", "track", "userId", "u1", "event", "A"),
                Map.of("type", "track", "userId", "u1", "event", "B"));
        for (int delivery = 0; delivery < 2; delivery++) {
            template.request(uri, e -> {
                e.getMessage().setHeader("JMSMessageID", "ID:broker-1-42");
                e.getMessage().setHeader("JMSTimestamp", 1_700_000_000_000L);
                e.getMessage().setBody(items);
            });
        }

        List<LoggedRequest> requests = all(wireMock);
        assertEquals(2, requests.size());
        var first = body(requests.get(0)).get("batch");
        var again = body(requests.get(1)).get("batch");
        assertNotEquals(first.get(0).get("messageId"), first.get(1).get("messageId"));
        for (int i = 0; i < 2; i++) {
            assertEquals(first.get(i).get("messageId"), again.get(i).get("messageId"));
            assertEquals("2023-11-14T22:13:20.000Z", again.get(i).get("timestamp").asText());
        }
    }

    @Test
    void sourceTimestampGivesTheTimeOfRecordsOfAnySource() {
        String uri = TRACK + "&messageIdKey=${header.recordId}&sourceTimestamp=${header.recordTime}";
        for (String time : List.of("2024-03-15T10:26:53.589Z", "1710498413589")) {
            template.request(uri, e -> {
                e.getMessage().setHeader("recordId", "r-1");
                e.getMessage().setHeader("recordTime", time);
                e.getMessage().setBody(Map.of("plan", "pro"));
            });
        }

        assertEquals("2024-03-15T10:26:53.589Z", sent(0).get("timestamp").asText());
        assertEquals("2024-03-15T10:26:53.589Z", sent(1).get("timestamp").asText());
        assertEquals(sent(0).get("messageId"), sent(1).get("messageId"));
    }

    /** Epoch millis given as digits (a header read as text) get the same range check as a number. */
    @Test
    void aRecordTimeInDigitsOutsideYears1To9999IsRefused() {
        String uri = TRACK + "&messageIdKey=${header.recordId}&sourceTimestamp=${header.recordTime}";

        Exchange result = template.request(uri, e -> {
            e.getMessage().setHeader("recordId", "r-1");
            e.getMessage().setHeader("recordTime", "99999999999999999"); // year 3170843
            e.getMessage().setBody(Map.of("plan", "pro"));
        });

        SegmentValidationException e = assertInstanceOf(SegmentValidationException.class, result.getException());
        assertEquals("sourceTimestamp", e.getField());
        assertTrue(e.getRule().startsWith("must be between 0001-01-01T00:00:00.000Z and 9999-12-31T23:59:59.999Z"),
                e.getRule());
        assertEquals(List.of(), all(wireMock));
    }

    @Test
    void aMessageIdOrTimestampGivenByTheRouteWins() {
        template.request(TRACK + "&messageIdKey=${header.recordId}", e -> {
            e.getMessage().setHeader("recordId", "r-1");
            e.getMessage().setBody(Map.of("messageId", "given-id", "timestamp", "2020-01-01T00:00:00.000Z",
                    "properties", Map.of("plan", "pro")));
        });

        assertEquals("given-id", sent(0).get("messageId").asText());
        assertEquals("2020-01-01T00:00:00.000Z", sent(0).get("timestamp").asText());
    }

    @Test
    void anEmptyKeyFailsThatExchangeNamingTheOption() {
        Exchange result = template.request(TRACK + "&messageIdKey=${header.recordId}",
                e -> e.getMessage().setBody(Map.of("plan", "pro")));

        SegmentValidationException e = assertInstanceOf(SegmentValidationException.class, result.getException());
        assertTrue(e.getMessage().contains("messageIdKey"), e.getMessage());
        assertEquals(List.of(), all(wireMock));
    }

    @Test
    void bufferedDeliveryUsesTheKeyToo() {
        String uri = TRACK + "&batching=true&flushInterval=10&messageIdKey=" + KAFKA_KEY;
        // acknowledged (the default): each request returns once Segment accepted the event's batch
        kafkaRecord(uri, 5, 1_700_000_000_000L);
        kafkaRecord(uri, 5, 1_700_000_000_000L);

        assertEquals(2, all(wireMock).stream().mapToInt(r -> body(r).get("batch").size()).sum());
        List<String> ids = all(wireMock).stream()
                .flatMap(r -> StreamSupport.stream(body(r).get("batch").spliterator(), false))
                .map(event -> event.get("messageId").asText()).distinct().toList();
        assertEquals(1, ids.size(), ids.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = { "messageIdKey=${header.unclosed", "sourceTimestamp=${header.unclosed",
            "messageIdKey=${header.x}&operation=getDestination" })
    void badExpressionsOrOperationsFailWhenTheEndpointIsCreated(String options) {
        String uri = options.contains("getDestination") ? "segment:getDestination?accessToken=t&destinationId=d&"
                                                          + options.replace("&operation=getDestination", "")
                : TRACK + "&" + options;
        Exception e = assertThrows(Exception.class, () -> context.getEndpoint(uri));
        String text = String.valueOf(e.getCause() != null ? e.getCause().getMessage() : e.getMessage());
        assertTrue(text.contains(options.substring(0, options.indexOf('='))), text);
    }
}
