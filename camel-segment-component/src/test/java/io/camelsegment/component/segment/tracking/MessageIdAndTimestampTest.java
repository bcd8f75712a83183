package io.camelsegment.component.segment.tracking;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Calendar;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.camelsegment.component.segment.SegmentConstants;
import io.camelsegment.component.segment.SegmentValidationException;
import io.camelsegment.component.segment.support.WireMockSegmentTestSupport;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static io.camelsegment.component.segment.support.TrackingRequests.acceptAll;
import static io.camelsegment.component.segment.support.TrackingRequests.all;
import static io.camelsegment.component.segment.support.TrackingRequests.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** messageId (deterministic, stable across redelivery) and timestamp normalisation. */
class MessageIdAndTimestampTest extends WireMockSegmentTestSupport {

    private static final String TRACK = "segment:track?writeKey=RAW(" + WRITE_KEY + ")&event=Signed Up&userId=u1";

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // Camel redelivers the same exchange; the component itself does not retry (maxRetries=0).
                from("direct:redelivered")
                        .errorHandler(defaultErrorHandler().maximumRedeliveries(2).redeliveryDelay(0))
                        .to(TRACK + "&maxRetries=0");
            }
        };
    }

    private String sentMessageId(int request) {
        return body(all(wireMock).get(request)).get("messageId").asText();
    }

    @Test
    void sameExchangeSentTwiceKeepsItsMessageId() {
        acceptAll(wireMock);
        Exchange exchange = createExchangeWithBody(Map.of("plan", "pro"));

        template.send(TRACK, exchange);
        template.send(TRACK, exchange);

        assertEquals(2, all(wireMock).size());
        assertEquals(sentMessageId(0), sentMessageId(1));
    }

    @Test
    void camelRedeliveryReusesTheMessageId() {
        wireMock.stubFor(post("/v1/track").inScenario("redelivery").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500)).willSetStateTo("recovered"));
        wireMock.stubFor(post("/v1/track").inScenario("redelivery").whenScenarioStateIs("recovered")
                .willReturn(aResponse().withStatus(200)));

        Exchange result = template.request("direct:redelivered", e -> e.getMessage().setBody(Map.of("plan", "pro")));

        assertNull(result.getException());
        List<LoggedRequest> requests = all(wireMock);
        assertEquals(2, requests.size());
        assertEquals(sentMessageId(0), sentMessageId(1));
        assertEquals(List.of(sentMessageId(1)), result.getMessage().getHeader(SegmentConstants.MESSAGE_IDS));
    }

    @Test
    void differentExchangesWithTheSameContentGetDifferentMessageIds() {
        acceptAll(wireMock);
        template.request(TRACK, e -> e.getMessage().setBody(Map.of("plan", "pro")));
        template.request(TRACK, e -> e.getMessage().setBody(Map.of("plan", "pro")));

        assertNotEquals(sentMessageId(0), sentMessageId(1));
        assertTrue(sentMessageId(0).length() <= 100);
    }

    @Test
    void givenMessageIdIsKeptFromHeaderOrBody() {
        acceptAll(wireMock);
        String hundred = "m".repeat(100);
        template.request(TRACK, e -> e.getMessage().setHeader(SegmentConstants.MESSAGE_ID, hundred));
        template.request(TRACK, e -> e.getMessage().setBody(Map.of("messageId", "from-body")));
        template.request(TRACK, e -> {
            e.getMessage().setBody(Map.of("messageId", "from-body"));
            e.getMessage().setHeader(SegmentConstants.MESSAGE_ID, "from-header");
        });

        assertEquals(hundred, sentMessageId(0));
        assertEquals("from-body", sentMessageId(1));
        assertEquals("from-header", sentMessageId(2));
    }

    @Test
    void identicalBatchItemsGetDistinctMessageIds() {
        acceptAll(wireMock);
        Map<String, Object> item = Map.of("type", "track", "userId", "u1", "event", "Clicked");

        Exchange result = template.request("segment:batch?writeKey=RAW(" + WRITE_KEY + ")",
                e -> e.getMessage().setBody(List.of(item, item)));

        assertNull(result.getException());
        List<?> ids = result.getMessage().getHeader(SegmentConstants.MESSAGE_IDS, List.class);
        assertEquals(2, ids.size());
        assertNotEquals(ids.get(0), ids.get(1));
    }

    private String sentTimestamp(Object timestamp) {
        wireMock.resetRequests();
        Exchange result = template.request(TRACK, e -> e.getMessage().setHeader(SegmentConstants.TIMESTAMP, timestamp));
        assertNull(result.getException(), () -> String.valueOf(result.getException()));
        return body(all(wireMock).get(0)).get("timestamp").asText();
    }

    @Test
    void timestampsAreNormalisedToIsoUtc() {
        acceptAll(wireMock);
        Instant instant = Instant.parse("2026-01-31T12:34:56.789Z");

        assertEquals("2026-01-31T12:34:56.789Z", sentTimestamp(instant));
        assertEquals("2026-01-31T12:34:56.789Z", sentTimestamp(Date.from(instant)));
        assertEquals("2026-01-31T12:34:56.789Z", sentTimestamp(instant.toEpochMilli()));
        assertEquals("2026-01-31T12:34:56.789Z",
                sentTimestamp(OffsetDateTime.ofInstant(instant, ZoneOffset.ofHours(2))));
        // text with an offset, or without milliseconds, is sent in UTC with milliseconds like every other form
        assertEquals("2026-01-31T12:34:56.000Z", sentTimestamp("2026-01-31T14:34:56+02:00"));
        assertEquals("2024-03-15T09:26:53.589Z", sentTimestamp("2024-03-15T10:26:53.589+01:00"));
        assertEquals("2026-01-31T12:34:56.000Z", sentTimestamp("2026-01-31T12:34:56Z"));
    }

    @Test
    void bodyTimestampAsEpochMillisIsNormalised() {
        acceptAll(wireMock);
        long millis = Instant.parse("2026-01-31T12:34:56.789Z").toEpochMilli();

        Exchange result = template.request(TRACK, e -> e.getMessage().setBody(
                Map.of("timestamp", millis, "properties", Map.of("plan", "pro"))));

        assertNull(result.getException(), () -> String.valueOf(result.getException()));
        assertEquals("2026-01-31T12:34:56.789Z", body(all(wireMock).get(0)).get("timestamp").asText());
    }

    /** Every form of a timestamp the body takes, with the instant it stands for (all 2026-01-31T12:34:56.789Z). */
    static Stream<Arguments> timestampForms() {
        Instant instant = Instant.parse("2026-01-31T12:34:56.789Z");
        Calendar paris = Calendar.getInstance(TimeZone.getTimeZone("Europe/Paris"));
        paris.setTimeInMillis(instant.toEpochMilli());
        return Stream.of(
                Arguments.of("Instant", instant),
                Arguments.of("Date", Date.from(instant)),
                Arguments.of("java.sql.Timestamp", new java.sql.Timestamp(instant.toEpochMilli())),
                Arguments.of("epoch millis", instant.toEpochMilli()),
                Arguments.of("OffsetDateTime", OffsetDateTime.ofInstant(instant, ZoneOffset.ofHours(2))),
                Arguments.of("ZonedDateTime", ZonedDateTime.ofInstant(instant, ZoneId.of("America/New_York"))),
                Arguments.of("LocalDateTime, read as UTC", LocalDateTime.ofInstant(instant, ZoneOffset.UTC)),
                Arguments.of("Calendar", paris),
                Arguments.of("text", "2026-01-31T13:34:56.789+01:00"),
                Arguments.of("JSON text node", JsonNodeFactory.instance.textNode("2026-01-31T12:34:56.789Z")),
                Arguments.of("JSON number node", JsonNodeFactory.instance.numberNode(instant.toEpochMilli())));
    }

    /** The CamelSegmentTimestamp header takes what a body's timestamp field takes: one rule for both. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("timestampForms")
    void headerAndBodyTakeTheSameTimestamps(String form, Object timestamp) {
        acceptAll(wireMock);

        assertEquals("2026-01-31T12:34:56.789Z", sentTimestamp(timestamp), "header");
        wireMock.resetRequests();
        Exchange result = template.request(TRACK, e -> e.getMessage().setBody(Map.of("timestamp", timestamp)));
        assertNull(result.getException(), () -> String.valueOf(result.getException()));
        assertEquals("2026-01-31T12:34:56.789Z", body(all(wireMock).get(0)).get("timestamp").asText(), "body");
    }

    /** Refused alike in the header and the body, naming what was given: an Instant is not text. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedTimestamps")
    void headerAndBodyRefuseTheSameTimestamps(String form, Object timestamp, String rule) {
        acceptAll(wireMock);
        Exchange fromHeader = template.request(TRACK,
                e -> e.getMessage().setHeader(SegmentConstants.TIMESTAMP, timestamp));
        Exchange fromBody = template.request(TRACK, e -> e.getMessage().setBody(Map.of("timestamp", timestamp)));

        for (Exchange result : List.of(fromHeader, fromBody)) {
            SegmentValidationException e = assertInstanceOf(SegmentValidationException.class, result.getException(),
                    () -> String.valueOf(result.getException()));
            assertEquals("timestamp", e.getField());
            assertTrue(e.getRule().endsWith(rule), e.getRule());
        }
        assertEquals(0, all(wireMock).size());
    }

    static Stream<Arguments> refusedTimestamps() {
        return Stream.of(
                Arguments.of("Instant in year 10000", Instant.parse("+10000-01-01T00:00:00Z"),
                        "was an Instant outside that range"),
                Arguments.of("LocalDateTime in year 0", LocalDateTime.of(0, 6, 1, 0, 0),
                        "was a LocalDateTime outside that range"),
                Arguments.of("LocalDate", java.time.LocalDate.of(2026, 1, 31), "was a LocalDate"),
                Arguments.of("text that is no date", "yesterday at noon", "is not one"));
    }

    @Test
    void invalidTimestampStringIsRejected() {
        acceptAll(wireMock);
        Exchange result = template.request(TRACK,
                e -> e.getMessage().setHeader(SegmentConstants.TIMESTAMP, "yesterday at noon"));

        SegmentValidationException e = assertInstanceOf(SegmentValidationException.class, result.getException());
        assertEquals("timestamp", e.getField());
        assertTrue(e.getRule().contains("ISO-8601"), e.getRule());
        assertEquals(0, all(wireMock).size());
    }
}
