package io.camelsegment.component.segment.publicapi;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.camelsegment.component.segment.SegmentConstants;
import io.camelsegment.component.segment.SegmentOperation;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.junit.jupiter.api.Test;

import static io.camelsegment.component.segment.SegmentOperation.addLabelsToSource;
import static io.camelsegment.component.segment.SegmentOperation.deleteSource;
import static io.camelsegment.component.segment.SegmentOperation.getDailyPerSourceApiCallsUsage;
import static io.camelsegment.component.segment.SegmentOperation.getDestination;
import static io.camelsegment.component.segment.SegmentOperation.listConnectedWarehousesFromSource;
import static io.camelsegment.component.segment.SegmentOperation.listDeliveryMetricsSummaryFromDestination;
import static io.camelsegment.component.segment.SegmentOperation.listSchemaSettingsInSource;
import static io.camelsegment.component.segment.SegmentOperation.removeSourceWriteKey;
import static io.camelsegment.component.segment.SegmentOperation.updateSource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each of the nine operations: the exact request (method, path, query, headers, body) and the mapped response. */
class PublicApiOperationsTest extends PublicApiTestSupport {

    @Test
    void addLabelsToSourceSendsTheLabelsListOfTheBody() throws Exception {
        String path = "/sources/" + SOURCE_ID + "/labels";
        wireMock.stubFor(request(addLabelsToSource, path)
                .willReturn(ok(addLabelsToSource, path, fixture("add-labels-to-source"))));

        Exchange result = call(addLabelsToSource, e -> {
            e.getMessage().setHeader(SegmentConstants.SOURCE_ID, SOURCE_ID);
            e.getMessage().setBody(List.of(Map.of("key", "type", "value", "web")));
        });

        LoggedRequest r = onlyRequest();
        assertRequest(r, addLabelsToSource, path, true);
        assertEquals(MAPPER.readTree("{\"labels\":[{\"key\":\"type\",\"value\":\"web\"}]}"), json(r));
        Map<?, ?> body = result.getMessage().getBody(Map.class);
        assertEquals(List.of(Map.of("key", "type", "value", "web"), Map.of("key", "environment", "value", "prod")),
                body.get("labels"));
        assertRateLimitHeaders(result);
    }

    @Test
    void addLabelsToSourceTakesCompactLabelsFromOptionAndObjectBodyWithDescriptions() throws Exception {
        String path = "/sources/" + SOURCE_ID + "/labels";
        wireMock.stubFor(request(addLabelsToSource, path)
                .willReturn(ok(addLabelsToSource, path, fixture("add-labels-to-source"))));

        template.request("segment:addLabelsToSource?accessToken=RAW(" + ACCESS_TOKEN + ")&sourceId=" + SOURCE_ID
                         + "&labels=type:web,environment:prod", e -> e.getMessage().setBody(null));
        template.request("direct:addLabelsToSource", e -> e.getMessage().setBody(
                "{\"sourceId\":\"" + SOURCE_ID + "\",\"labels\":[{\"key\":\"team\",\"value\":\"growth\","
                + "\"description\":\"owner\"}]}"));

        List<LoggedRequest> requests = received();
        assertEquals(MAPPER.readTree("{\"labels\":[{\"key\":\"type\",\"value\":\"web\"},"
                                     + "{\"key\":\"environment\",\"value\":\"prod\"}]}"),
                json(requests.get(0)));
        assertEquals(MAPPER.readTree("{\"labels\":[{\"key\":\"team\",\"value\":\"growth\",\"description\":\"owner\"}]}"),
                json(requests.get(1)));
    }

    @Test
    void deleteSourceSendsDeleteWithoutBody() throws Exception {
        String path = "/sources/" + SOURCE_ID;
        wireMock.stubFor(request(deleteSource, path).willReturn(ok(deleteSource, path, fixture("delete-source"))));

        Exchange result = call(deleteSource, e -> e.getMessage().setHeader(SegmentConstants.SOURCE_ID, SOURCE_ID));

        assertRequest(onlyRequest(), deleteSource, path, false);
        assertEquals(Map.of("status", "SUCCESS"), result.getMessage().getBody());
        assertEquals(200, result.getMessage().getHeader(SegmentConstants.HTTP_STATUS));
    }

    @Test
    void getDailyPerSourceApiCallsUsageSendsPeriodAndPaginationFromAMapBody() throws Exception {
        String path = "/usage/api-calls/sources/daily";
        wireMock.stubFor(request(getDailyPerSourceApiCallsUsage, path)
                .willReturn(ok(getDailyPerSourceApiCallsUsage, path, usagePage("MA==", "MTA=", 10, 28))));

        Exchange result = call(getDailyPerSourceApiCallsUsage, e -> e.getMessage()
                .setBody(Map.of("period", "2021-02-01", "pagination", Map.of("count", 10))));

        assertRequest(onlyRequest(), getDailyPerSourceApiCallsUsage, path + "?period=2021-02-01&pagination.count=10",
                false);
        Map<?, ?> data = result.getMessage().getBody(Map.class);
        assertEquals(10, ((List<?>) data.get("dailyPerSourceAPICallsUsage")).size());
        assertEquals("MTA=", result.getMessage().getHeader(SegmentConstants.NEXT_CURSOR));
        assertEquals(28L, result.getMessage().getHeader(SegmentConstants.TOTAL_ENTRIES));
        assertNull(result.getMessage().getHeader(SegmentConstants.PREVIOUS_CURSOR));
    }

    /** Every ISO-8601 form of period is sent as given (URL-encoded), from a header, the body or the option. */
    @Test
    void getDailyPerSourceApiCallsUsageSendsEveryIsoFormOfPeriodAsGiven() {
        String path = "/usage/api-calls/sources/daily";
        wireMock.stubFor(request(getDailyPerSourceApiCallsUsage, path)
                .willReturn(ok(getDailyPerSourceApiCallsUsage, path, usagePage("MA==", null, 1, null))));
        Map<String, String> sent = new LinkedHashMap<>();
        sent.put("2021-02-01", "2021-02-01");
        sent.put("2021-02-01T00:00:00", "2021-02-01T00%3A00%3A00");
        sent.put("2021-02-01T00:00", "2021-02-01T00%3A00");
        sent.put("2021-02-01T00:00:00Z", "2021-02-01T00%3A00%3A00Z");
        sent.put("2021-02-01T00:00:00.000Z", "2021-02-01T00%3A00%3A00.000Z");
        sent.put("2021-02-01T01:00:00+01:00", "2021-02-01T01%3A00%3A00%2B01%3A00");
        sent.put("2021-02-01 00:00:00Z", "2021-02-01%2000%3A00%3A00Z");

        sent.keySet().forEach(period -> call(getDailyPerSourceApiCallsUsage,
                e -> e.getMessage().setHeader(SegmentConstants.PERIOD, period)));
        call(getDailyPerSourceApiCallsUsage, e -> e.getMessage().setBody(Map.of("period", "2021-02-01T00:00:00Z")));
        String option = "segment:getDailyPerSourceApiCallsUsage?accessToken=RAW(" + ACCESS_TOKEN
                        + ")&period=2021-02-01T00:00:00Z";
        assertNull(template.request(option, e -> {
        }).getException());

        List<String> expected = new ArrayList<>(sent.values());
        expected.add("2021-02-01T00%3A00%3A00Z");
        expected.add("2021-02-01T00%3A00%3A00Z");
        assertEquals(expected.stream().map(p -> path + "?period=" + p + "&pagination.count=200").toList(),
                received().stream().map(LoggedRequest::getUrl).toList());
    }

    @Test
    void getDailyPerSourceApiCallsUsageSendsTheDefaultPageSizeAndTheCursor() {
        String path = "/usage/api-calls/sources/daily";
        wireMock.stubFor(request(getDailyPerSourceApiCallsUsage, path)
                .willReturn(ok(getDailyPerSourceApiCallsUsage, path, usagePage("MTA=", null, 2, null))));

        Exchange result = call(getDailyPerSourceApiCallsUsage, e -> {
            e.getMessage().setHeader(SegmentConstants.PERIOD, "2021-02-01");
            e.getMessage().setHeader(SegmentConstants.PAGINATION_CURSOR, "MTA=");
            // a stale cursor from an earlier call must not survive
            e.getMessage().setHeader(SegmentConstants.NEXT_CURSOR, "stale");
        });

        assertEquals(path + "?period=2021-02-01&pagination.count=200&pagination.cursor=MTA%3D", onlyRequest().getUrl());
        assertNull(result.getMessage().getHeader(SegmentConstants.NEXT_CURSOR));
        assertNull(result.getMessage().getHeader(SegmentConstants.TOTAL_ENTRIES));
    }

    @Test
    void getDestinationEncodesThePathParameter() throws Exception {
        String id = "dest id+1";
        String path = "/destinations/dest%20id%2B1";
        wireMock.stubFor(request(getDestination, path)
                .willReturn(ok(getDestination, "/destinations/" + DESTINATION_ID, fixture("get-destination"))));

        Exchange result = template.request("segment:getDestination?accessToken=RAW(" + ACCESS_TOKEN
                                           + ")&destinationId=RAW(" + id + ")", e -> {
                                           });

        assertRequest(onlyRequest(), getDestination, path, false);
        Map<?, ?> destination = (Map<?, ?>) result.getMessage().getBody(Map.class).get("destination");
        assertEquals(DESTINATION_ID, destination.get("id"));
        assertEquals("google-analytics", ((Map<?, ?>) destination.get("metadata")).get("slug"));
    }

    @Test
    void listConnectedWarehousesFromSourceSendsPaginationInDotForm() {
        String path = "/sources/" + SOURCE_ID + "/connected-warehouses";
        wireMock.stubFor(request(listConnectedWarehousesFromSource, path)
                .willReturn(ok(listConnectedWarehousesFromSource, path,
                        warehousesPage("MA==", "Mg==", List.of("kjU72LCJexvrqL7G4TMHHN", "v1e6FCE8P9EvQmCLWpKtJ3"), 5))));

        Exchange result = template.request("segment:listConnectedWarehousesFromSource?accessToken=RAW(" + ACCESS_TOKEN
                                           + ")&paginationCount=2&paginationCursor=MA==", e -> e.getMessage()
                                                   .setHeader(SegmentConstants.SOURCE_ID, SOURCE_ID));

        assertRequest(onlyRequest(), listConnectedWarehousesFromSource,
                path + "?pagination.count=2&pagination.cursor=MA%3D%3D", false);
        List<?> warehouses = (List<?>) result.getMessage().getBody(Map.class).get("warehouses");
        assertEquals("kjU72LCJexvrqL7G4TMHHN", ((Map<?, ?>) warehouses.get(0)).get("id"));
        assertEquals("Mg==", result.getMessage().getHeader(SegmentConstants.NEXT_CURSOR));
        assertEquals(5L, result.getMessage().getHeader(SegmentConstants.TOTAL_ENTRIES));
    }

    @Test
    void listDeliveryMetricsSummaryFromDestinationAsksForBetaWithTimeRange() {
        String path = "/destinations/" + DESTINATION_ID + "/delivery-metrics";
        wireMock.stubFor(request(listDeliveryMetricsSummaryFromDestination, path)
                .willReturn(ok(listDeliveryMetricsSummaryFromDestination, path,
                        fixture("list-delivery-metrics-summary-from-destination"))));

        Exchange result = template.request("segment:listDeliveryMetricsSummaryFromDestination?accessToken=RAW("
                                           + ACCESS_TOKEN + ")&destinationId=" + DESTINATION_ID
                                           + "&granularity=HOUR&endTime=2026-01-03T00:00:00.000Z",
                e -> {
                    e.getMessage().setHeader(SegmentConstants.SOURCE_ID, SOURCE_ID);
                    e.getMessage().setHeader(SegmentConstants.START_TIME, Instant.parse("2026-01-01T00:00:00Z"));
                });

        assertRequest(onlyRequest(), listDeliveryMetricsSummaryFromDestination, path + "?sourceId=" + SOURCE_ID
                                                                                 + "&startTime=2026-01-01T00%3A00%3A00.000Z"
                                                                                 + "&endTime=2026-01-03T00%3A00%3A00.000Z"
                                                                                 + "&granularity=HOUR",
                false);
        Map<?, ?> summary = (Map<?, ?>) result.getMessage().getBody(Map.class).get("deliveryMetricsSummary");
        assertEquals("54521fd725e721e32a72eebb", summary.get("destinationMetadataId"));
        assertEquals(5, ((List<?>) summary.get("metrics")).size());
    }

    /** java.sql.Date and Time (what camel-sql and JDBC rows carry) throw on toInstant(): read by their millis. */
    @Test
    void listDeliveryMetricsSummaryFromDestinationTakesJdbcTimes() {
        String path = "/destinations/" + DESTINATION_ID + "/delivery-metrics";
        wireMock.stubFor(request(listDeliveryMetricsSummaryFromDestination, path)
                .willReturn(ok(listDeliveryMetricsSummaryFromDestination, path,
                        fixture("list-delivery-metrics-summary-from-destination"))));
        long start = Instant.parse("2026-01-01T00:00:00.250Z").toEpochMilli();

        Exchange result = template.request("segment:listDeliveryMetricsSummaryFromDestination?accessToken=RAW("
                                           + ACCESS_TOKEN + ")&destinationId=" + DESTINATION_ID, e -> {
                                               e.getMessage().setHeader(SegmentConstants.SOURCE_ID, SOURCE_ID);
                                               e.getMessage().setHeader(SegmentConstants.START_TIME,
                                                       new java.sql.Date(start));
                                               e.getMessage().setHeader(SegmentConstants.END_TIME,
                                                       new java.sql.Time(start + 86_400_000L));
                                           });

        assertNull(result.getException());
        assertRequest(onlyRequest(), listDeliveryMetricsSummaryFromDestination, path + "?sourceId=" + SOURCE_ID
                                                                                 + "&startTime=2026-01-01T00%3A00%3A00.250Z"
                                                                                 + "&endTime=2026-01-02T00%3A00%3A00.250Z",
                false);
    }

    @Test
    void listSchemaSettingsInSourceReturnsTheSettings() {
        String path = "/sources/" + SOURCE_ID + "/settings";
        wireMock.stubFor(request(listSchemaSettingsInSource, path)
                .willReturn(ok(listSchemaSettingsInSource, path, fixture("list-schema-settings-in-source"))));

        Exchange result = template.request("segment:listSchemaSettingsInSource?accessToken=RAW(" + ACCESS_TOKEN
                                           + ")&sourceId=" + SOURCE_ID, e -> {
                                           });

        assertRequest(onlyRequest(), listSchemaSettingsInSource, path, false);
        Map<?, ?> settings = (Map<?, ?>) result.getMessage().getBody(Map.class).get("settings");
        assertEquals("ALLOW", ((Map<?, ?>) settings.get("track")).get("commonEventOnViolations"));
    }

    @Test
    void removeSourceWriteKeySendsAlphaDeleteMatchingApiNotes() {
        // Not in the 36.2.0 spec: checked by hand against API-NOTES B.8 #8.
        String key = "4czIPB0pGAv89HEJZDYUa5XomDi5dj4E";
        String path = "/sources/" + SOURCE_ID + "/writekey/" + key;
        wireMock.stubFor(request(removeSourceWriteKey, path)
                .willReturn(ok(removeSourceWriteKey, path, fixture("remove-source-write-key"))));

        Exchange result = call(removeSourceWriteKey, e -> {
            e.getMessage().setHeader(SegmentConstants.SOURCE_ID, SOURCE_ID);
            e.getMessage().setHeader(SegmentConstants.WRITE_KEY_TO_REMOVE, key);
        });

        LoggedRequest r = onlyRequest();
        assertRequest(r, removeSourceWriteKey, path, false);
        assertEquals("application/vnd.segment.v1alpha+json", r.getHeader("Accept"));
        assertEquals(Map.of("status", "SUCCESS"), result.getMessage().getBody());
    }

    @Test
    void updateSourceSendsOnlyTheGivenFields() throws Exception {
        String path = "/sources/" + SOURCE_ID;
        wireMock.stubFor(request(updateSource, path).willReturn(ok(updateSource, path, fixture("update-source"))));

        Exchange result = call(updateSource, e -> {
            e.getMessage().setHeader(SegmentConstants.SOURCE_ID, SOURCE_ID);
            e.getMessage().setHeader(SegmentConstants.SOURCE_NAME, "My updated source");
            e.getMessage().setHeader(SegmentConstants.SOURCE_ENABLED, "false");
        });

        LoggedRequest r = onlyRequest();
        assertRequest(r, updateSource, path, true);
        assertEquals(MAPPER.readTree("{\"name\":\"My updated source\",\"enabled\":false}"), json(r));
        Map<?, ?> source = (Map<?, ?>) result.getMessage().getBody(Map.class).get("source");
        assertEquals("My updated source", source.get("name"));
        assertEquals(false, source.get("enabled"));
    }

    @Test
    void updateSourceInputsFollowHeaderThenBodyThenOption() throws Exception {
        String path = "/sources/" + SOURCE_ID;
        wireMock.stubFor(request(updateSource, path).willReturn(ok(updateSource, path, fixture("update-source"))));
        String uri = "segment:updateSource?accessToken=RAW(" + ACCESS_TOKEN + ")&sourceId=" + SOURCE_ID
                     + "&sourceName=fromOption&slug=option-slug&sourceEnabled=true";

        template.request(uri, e -> {
            e.getMessage().setHeader(SegmentConstants.SOURCE_NAME, "fromHeader");
            e.getMessage().setBody(Map.of("name", "fromBody", "slug", "body-slug",
                    "settings", Map.of("website", "https://example.com")));
        });
        template.request(uri, e -> e.getMessage().setHeader(SegmentConstants.SETTINGS,
                "{\"website\":\"https://example.org\"}"));

        List<LoggedRequest> requests = received();
        assertEquals(MAPPER.readTree("{\"name\":\"fromHeader\",\"slug\":\"body-slug\",\"enabled\":true,"
                                     + "\"settings\":{\"website\":\"https://example.com\"}}"),
                json(requests.get(0)));
        assertEquals(MAPPER.readTree("{\"name\":\"fromOption\",\"slug\":\"option-slug\",\"enabled\":true,"
                                     + "\"settings\":{\"website\":\"https://example.org\"}}"),
                json(requests.get(1)));
    }

    @Test
    void responseTypeJsonNodeGivesTheDataAsJsonNode() {
        String path = "/sources/" + SOURCE_ID;
        wireMock.stubFor(request(deleteSource, path).willReturn(ok(deleteSource, path, fixture("delete-source"))));

        Exchange result = template.request("segment:deleteSource?responseType=jsonNode&accessToken=RAW("
                                           + ACCESS_TOKEN + ")&sourceId=" + SOURCE_ID, e -> {
                                           });

        JsonNode data = assertInstanceOf(JsonNode.class, result.getMessage().getBody());
        assertEquals("SUCCESS", data.get("status").asText());
    }

    @Test
    void theOperationHeaderSwitchesWithinThePublicApiOnly() {
        String path = "/sources/" + SOURCE_ID + "/settings";
        wireMock.stubFor(request(listSchemaSettingsInSource, path)
                .willReturn(ok(listSchemaSettingsInSource, path, fixture("list-schema-settings-in-source"))));

        Exchange switched = call(getDestination, e -> {
            e.getMessage().setHeader(SegmentConstants.OPERATION, "listSchemaSettingsInSource");
            e.getMessage().setHeader(SegmentConstants.SOURCE_ID, SOURCE_ID);
        });
        Exchange crossing = template.request("direct:getDestination",
                e -> e.getMessage().setHeader(SegmentConstants.OPERATION, "track"));

        assertRequest(onlyRequest(), listSchemaSettingsInSource, path, false);
        assertTrue(switched.getMessage().getBody(Map.class).containsKey("settings"));
        assertInstanceOf(io.camelsegment.component.segment.SegmentValidationException.class, crossing.getException());
    }

    @Test
    void anUnknownResponseTypeFailsWhenTheProducerStarts() {
        Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
                () -> template.request("segment:deleteSource?responseType=xml&accessToken=RAW(" + ACCESS_TOKEN
                                       + ")&sourceId=" + SOURCE_ID, ex -> {
                                       }));
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        assertEquals("responseType must be map or jsonNode, was xml", root.getMessage());
        assertEquals(0, received().size());
    }

    private Exchange call(SegmentOperation op, Processor processor) {
        Exchange result = template.request("direct:" + op, processor);
        if (result.getException() != null) {
            throw new AssertionError("exchange failed", result.getException());
        }
        return result;
    }

    /** Method, exact URL (path and query), and the headers every Public API request carries. */
    static void assertRequest(LoggedRequest r, SegmentOperation op, String url, boolean hasBody) {
        assertEquals(op.getMethod(), r.getMethod().getName());
        assertEquals(url, r.getUrl());
        assertEquals("Bearer " + ACCESS_TOKEN, r.getHeader("Authorization"));
        assertEquals(op.getAccept(), r.getHeader("Accept"));
        assertTrue(r.getHeader("User-Agent").startsWith("camel-segment/"), r.getHeader("User-Agent"));
        if (hasBody) {
            // the same versioned media type as Accept (API-NOTES B.3: the spec and the API take it)
            assertEquals(op.getAccept(), r.getHeader("Content-Type"));
        } else {
            assertFalse(r.containsHeader("Content-Type"), "no Content-Type without a body");
            assertEquals(0, r.getBody().length);
        }
    }

    static void assertRateLimitHeaders(Exchange result) {
        assertEquals("97", result.getMessage().getHeader(SegmentConstants.RATE_LIMIT_REMAINING));
        assertEquals("3", result.getMessage().getHeader(SegmentConstants.RATE_LIMIT_CONSUMED));
        assertEquals(RATE_LIMIT_RESET, result.getMessage().getHeader(SegmentConstants.RATE_LIMIT_RESET));
    }
}
