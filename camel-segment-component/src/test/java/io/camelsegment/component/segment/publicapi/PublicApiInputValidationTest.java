package io.camelsegment.component.segment.publicapi;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.camelsegment.component.segment.SegmentConstants;
import io.camelsegment.component.segment.SegmentValidationException;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Missing or malformed inputs fail with a SegmentValidationException naming the field, before any request. */
class PublicApiInputValidationTest extends PublicApiTestSupport {

    @Test
    void everyRequiredInputIsNamedWhenMissing() {
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{\"data\":{}}")));

        assertRejected("direct:addLabelsToSource", e -> e.getMessage().setBody(List.of(Map.of("key", "a", "value", "b"))),
                "sourceId", "is required: set the sourceId option, the CamelSegmentSourceId header or a sourceId field");
        assertRejected("direct:addLabelsToSource", e -> e.getMessage().setHeader(SegmentConstants.SOURCE_ID, "s1"),
                "labels", "is required");
        assertRejected("direct:addLabelsToSource", e -> {
            e.getMessage().setHeader(SegmentConstants.SOURCE_ID, "s1");
            e.getMessage().setBody(List.of());
        }, "labels", "at least one label");
        assertRejected("direct:deleteSource", e -> {
        }, "sourceId", "is required");
        assertRejected("direct:getDailyPerSourceApiCallsUsage", e -> {
        }, "period", "is required");
        assertRejected("direct:getDestination", e -> {
        }, "destinationId", "is required");
        assertRejected("direct:listConnectedWarehousesFromSource", e -> {
        }, "sourceId", "is required");
        assertRejected("direct:listDeliveryMetricsSummaryFromDestination",
                e -> e.getMessage().setHeader(SegmentConstants.SOURCE_ID, "s1"), "destinationId", "is required");
        assertRejected("direct:listDeliveryMetricsSummaryFromDestination",
                e -> e.getMessage().setHeader(SegmentConstants.DESTINATION_ID, "d1"), "sourceId", "is required");
        assertRejected("direct:listSchemaSettingsInSource", e -> {
        }, "sourceId", "is required");
        assertRejected("direct:removeSourceWriteKey", e -> e.getMessage().setHeader(SegmentConstants.SOURCE_ID, "s1"),
                "writeKeyToRemove", "is required");
        assertRejected("direct:updateSource", e -> e.getMessage().setHeader(SegmentConstants.SOURCE_ID, "s1"),
                "name/slug/enabled/settings", "at least one");

        assertEquals(0, received().size(), "nothing may be sent");
    }

    @Test
    void malformedInputsAreRejectedWithTheRule() {
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{\"data\":{}}")));

        assertRejected("direct:addLabelsToSource", e -> {
            e.getMessage().setHeader(SegmentConstants.SOURCE_ID, "s1");
            e.getMessage().setHeader(SegmentConstants.LABELS, "type:web,broken");
        }, "CamelSegmentLabels[1]", "must be key:value");
        assertRejected("direct:addLabelsToSource", e -> {
            e.getMessage().setHeader(SegmentConstants.SOURCE_ID, "s1");
            e.getMessage().setBody(List.of(Map.of("key", "type")));
        }, "body[0].value", "is required");
        assertRejected("direct:getDailyPerSourceApiCallsUsage", e -> {
            e.getMessage().setHeader(SegmentConstants.PERIOD, "2021-02-01");
            e.getMessage().setHeader(SegmentConstants.PAGINATION_COUNT, 5000);
        }, "CamelSegmentPaginationCount", "between 1 and 1000, was 5000");
        assertRejected("direct:getDailyPerSourceApiCallsUsage",
                e -> e.getMessage().setHeader(SegmentConstants.PERIOD, "February"), "period",
                "ISO-8601 date such as 2021-02-01");
        assertRejected("direct:listDeliveryMetricsSummaryFromDestination", e -> {
            e.getMessage().setHeader(SegmentConstants.DESTINATION_ID, "d1");
            e.getMessage().setHeader(SegmentConstants.SOURCE_ID, "s1");
            e.getMessage().setHeader(SegmentConstants.GRANULARITY, "WEEK");
        }, "granularity", "one of DAY, HOUR, MINUTE");
        assertRejected("direct:listDeliveryMetricsSummaryFromDestination", e -> {
            e.getMessage().setHeader(SegmentConstants.DESTINATION_ID, "d1");
            e.getMessage().setHeader(SegmentConstants.SOURCE_ID, "s1");
            e.getMessage().setHeader(SegmentConstants.START_TIME, "yesterday");
        }, "startTime", "ISO-8601");
        assertRejected("direct:getDestination", e -> e.getMessage().setHeader(SegmentConstants.DESTINATION_ID,
                "d".repeat(256)), "destinationId", "at most 255 characters, was 256");
        assertRejected("direct:updateSource", e -> {
            e.getMessage().setHeader(SegmentConstants.SOURCE_ID, "s1");
            e.getMessage().setHeader(SegmentConstants.SOURCE_ENABLED, "maybe");
        }, "enabled", "true or false");
        assertRejected("direct:updateSource", e -> {
            e.getMessage().setHeader(SegmentConstants.SOURCE_ID, "s1");
            e.getMessage().setBody("{\"name\": ");
        }, "body", "not valid JSON");
        assertRejected("direct:updateSource", e -> {
            e.getMessage().setHeader(SegmentConstants.SOURCE_ID, "s1");
            e.getMessage().setBody(Map.of("settings", List.of(1)));
        }, "body.settings", "must be a JSON object");
        assertRejected("direct:updateSource", e -> {
            e.getMessage().setHeader(SegmentConstants.SOURCE_ID, "s1");
            e.getMessage().setBody(Map.of("settings", Map.of("ratio", Double.NaN)));
        }, "body.settings.ratio", "must be a finite number, was NaN");

        assertEquals(0, received().size(), "nothing may be sent");
    }

    /**
     * URL-encoding leaves '.' and '..' as they are, and a proxy or server removing dot segments would turn
     * DELETE /sources/s1/writekey/.. into DELETE /sources/s1/ (deleteSource): every id put in a path refuses them.
     */
    @Test
    void dotSegmentsAreRefusedAsPathParameters() {
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{\"data\":{}}")));

        for (String dots : List.of(".", "..")) {
            assertRejected("direct:removeSourceWriteKey", e -> {
                e.getMessage().setHeader(SegmentConstants.SOURCE_ID, "s1");
                e.getMessage().setHeader(SegmentConstants.WRITE_KEY_TO_REMOVE, dots);
            }, "writeKeyToRemove", "must not be '.' or '..'");
            assertRejected("direct:removeSourceWriteKey", e -> {
                e.getMessage().setHeader(SegmentConstants.SOURCE_ID, dots);
                e.getMessage().setHeader(SegmentConstants.WRITE_KEY_TO_REMOVE, "wk1");
            }, "sourceId", "must not be '.' or '..'");
            // the option and the JSON body are read through the same checks as the header
            String keyOption = "segment:removeSourceWriteKey?accessToken=RAW(" + ACCESS_TOKEN + ")&sourceId=s1"
                               + "&writeKeyToRemove=" + dots;
            assertRejected(keyOption, e -> {
            }, "writeKeyToRemove", "must not be '.' or '..'");
            assertRejected("direct:deleteSource", e -> e.getMessage().setBody(Map.of("sourceId", dots)),
                    "sourceId", "must not be '.' or '..'");
            assertRejected("direct:addLabelsToSource", e -> {
                e.getMessage().setHeader(SegmentConstants.SOURCE_ID, dots);
                e.getMessage().setHeader(SegmentConstants.LABELS, "type:web");
            }, "sourceId", "must not be '.' or '..'");
            assertRejected("direct:listConnectedWarehousesFromSource",
                    e -> e.getMessage().setHeader(SegmentConstants.SOURCE_ID, dots), "sourceId",
                    "must not be '.' or '..'");
            assertRejected("direct:listSchemaSettingsInSource",
                    e -> e.getMessage().setHeader(SegmentConstants.SOURCE_ID, dots), "sourceId",
                    "must not be '.' or '..'");
            assertRejected("direct:updateSource", e -> {
                e.getMessage().setHeader(SegmentConstants.SOURCE_ID, dots);
                e.getMessage().setHeader(SegmentConstants.SOURCE_NAME, "renamed");
            }, "sourceId", "must not be '.' or '..'");
            assertRejected("direct:getDestination",
                    e -> e.getMessage().setHeader(SegmentConstants.DESTINATION_ID, dots), "destinationId",
                    "must not be '.' or '..'");
            assertRejected("direct:listDeliveryMetricsSummaryFromDestination", e -> {
                e.getMessage().setHeader(SegmentConstants.DESTINATION_ID, dots);
                e.getMessage().setHeader(SegmentConstants.SOURCE_ID, "s1");
            }, "destinationId", "must not be '.' or '..'");
        }

        assertEquals(0, received().size(), "nothing may be sent");
    }

    /** URL-encoding turns a lone surrogate into '?' (%3F): the request would name another resource. */
    @Test
    void loneSurrogatesAreRefusedInIdsAndKeys() {
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{\"data\":{}}")));
        String rule = "holds a lone surrogate (half of a UTF-16 pair) at index 2: not valid Unicode; URL-encoded it "
                      + "would be sent as '?', naming another resource";

        assertRejected("direct:deleteSource", e -> e.getMessage().setHeader(SegmentConstants.SOURCE_ID, "ab\uD800cd"),
                "sourceId", rule);
        assertRejected("direct:deleteSource", e -> e.getMessage().setBody(Map.of("sourceId", "ab\uDC00")), "sourceId",
                rule);
        assertRejected("direct:getDestination",
                e -> e.getMessage().setHeader(SegmentConstants.DESTINATION_ID, "d1\uDC00\uD800"), "destinationId",
                rule);
        assertRejected("direct:listDeliveryMetricsSummaryFromDestination", e -> {
            e.getMessage().setHeader(SegmentConstants.DESTINATION_ID, "d1");
            e.getMessage().setHeader(SegmentConstants.SOURCE_ID, "s1\uD83D"); // a query parameter here
        }, "sourceId", rule);
        Exchange result = template.request("direct:removeSourceWriteKey", e -> {
            e.getMessage().setHeader(SegmentConstants.SOURCE_ID, "s1");
            e.getMessage().setHeader(SegmentConstants.WRITE_KEY_TO_REMOVE, "wk\uD800secret");
        });
        SegmentValidationException e = assertInstanceOf(SegmentValidationException.class, result.getException());
        assertEquals("writeKeyToRemove", e.getField());
        assertEquals(rule, e.getRule());
        assertFalse(e.getMessage().contains("secret"), "the key is not quoted");
        assertRejected("direct:listConnectedWarehousesFromSource", m -> {
            m.getMessage().setHeader(SegmentConstants.SOURCE_ID, "s1");
            m.getMessage().setHeader(SegmentConstants.PAGINATION_CURSOR, "Mw\uD800==");
        }, "paginationCursor", "holds a lone surrogate (half of a UTF-16 pair) at index 2: not valid Unicode; "
                               + "URL-encoded it would be sent as '?', naming another page");

        assertEquals(0, received().size(), "nothing may be sent");
    }

    /** A header holding a structure would be sent as Camel's text of it ({name=Shop}): a new name, another id. */
    @Test
    void textHeadersWithoutATextFormAreRefused() {
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{\"data\":{}}")));
        String rule = "must be text (a String, or a number, UUID or bytes Camel converts to text), was a ";

        assertRejected("direct:updateSource", e -> {
            e.getMessage().setHeader(SegmentConstants.SOURCE_ID, "s1");
            e.getMessage().setHeader(SegmentConstants.SOURCE_NAME, Map.of("name", "Shop"));
        }, SegmentConstants.SOURCE_NAME, rule + "java.util.ImmutableCollections$Map1");
        assertRejected("direct:deleteSource", e -> e.getMessage().setHeader(SegmentConstants.SOURCE_ID,
                new String[] { "s1" }), SegmentConstants.SOURCE_ID, rule + "java.lang.String[]");
        assertRejected("direct:listConnectedWarehousesFromSource", m -> {
            m.getMessage().setHeader(SegmentConstants.SOURCE_ID, "s1");
            m.getMessage().setHeader(SegmentConstants.PAGINATION_CURSOR, List.of("Mw=="));
        }, SegmentConstants.PAGINATION_CURSOR, rule + "java.util.ImmutableCollections$List12");

        assertEquals(0, received().size(), "nothing may be sent");
    }

    /** Ids that merely contain dots are ordinary segments and are sent. */
    @Test
    void idsWithDotsThatAreNotDotSegmentsAreSent() {
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{\"data\":{}}")));

        template.request("direct:deleteSource", e -> e.getMessage().setHeader(SegmentConstants.SOURCE_ID, "..."));
        template.request("direct:getDestination", e -> e.getMessage().setHeader(SegmentConstants.DESTINATION_ID, "a.b"));

        assertEquals(List.of("/sources/...", "/destinations/a.b"), received().stream().map(LoggedRequest::getUrl).toList());
    }

    /** period is parsed as an ISO-8601 date or date-time, not matched by shape. */
    @Test
    void periodMustBeARealIsoDateOrDateTime() {
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{\"data\":{}}")));

        for (String period : List.of("2021-02-01Tfoo", "2021-02-01 whatever", "2021-13-45", "2021-02-30",
                "2021-02-01T25:00:00", "2021-02-01T00:00:00+25:00", "2021-02-01T", "2021-02-01 ", " 2021-02-01",
                "2021-2-1", "20210201", "+12021-02-01", "-0001-01-01", "2021-02-01T00:00:00Z[UTC]")) {
            assertRejected("direct:getDailyPerSourceApiCallsUsage",
                    e -> e.getMessage().setHeader(SegmentConstants.PERIOD, period), "period",
                    "must be an ISO-8601 date such as 2021-02-01 or a date-time such as 2021-02-01T00:00:00Z, "
                                                                                             + "was '" + period + "'");
        }
        // the body and the option are read through the same check as the header
        assertRejected("direct:getDailyPerSourceApiCallsUsage",
                e -> e.getMessage().setBody(Map.of("period", "2021-13-45")), "period", "was '2021-13-45'");
        String option = "segment:getDailyPerSourceApiCallsUsage?accessToken=RAW(" + ACCESS_TOKEN
                        + ")&period=2021-02-01Tfoo";
        assertRejected(option, e -> {
        }, "period", "was '2021-02-01Tfoo'");

        assertEquals(0, received().size(), "nothing may be sent");
    }

    /** Settings built in code as a JsonNode pass no parser limit: copying them is bounded, not a stack overflow. */
    @Test
    void settingsNestedDeeperThanJacksonsLimitAreRefused() {
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{\"data\":{}}")));
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ObjectNode current = body.putObject("settings");
        for (int i = 0; i < 100_000; i++) {
            current = current.putObject("a");
        }

        assertRejected("direct:updateSource", e -> {
            e.getMessage().setHeader(SegmentConstants.SOURCE_ID, "s1");
            e.getMessage().setHeader(SegmentConstants.SETTINGS, body.get("settings"));
        }, SegmentConstants.SETTINGS, "nests deeper than 1000 levels");
        assertRejected("direct:updateSource", e -> {
            e.getMessage().setHeader(SegmentConstants.SOURCE_ID, "s1");
            e.getMessage().setBody(body);
        }, "body.settings", "nests deeper than 1000 levels");

        assertEquals(0, received().size(), "nothing may be sent");
    }

    /** Settings holding one Map or bean twice at each of 60 levels (2^60 values) are refused, not expanded. */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = { "Maps", "beans" })
    void settingsHoldingAValueManyTimesOverAreRefused(String held) {
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{\"data\":{}}")));
        Object settings = "Maps".equals(held) ? new java.util.LinkedHashMap<>(java.util.Map.of("x", 1)) : 1;
        for (int i = 0; i < 60; i++) {
            if ("Maps".equals(held)) {
                java.util.Map<String, Object> above = new java.util.LinkedHashMap<>();
                above.put("a", settings);
                above.put("b", settings);
                settings = above;
            } else {
                settings = new Pair(settings, settings);
            }
        }
        Object header = settings;

        assertRejected("direct:updateSource", e -> {
            e.getMessage().setHeader(SegmentConstants.SOURCE_ID, "s1");
            e.getMessage().setHeader(SegmentConstants.SETTINGS, header);
        }, SegmentConstants.SETTINGS, "holds more than 1000000 values");
        assertRejected("direct:updateSource", e -> {
            e.getMessage().setHeader(SegmentConstants.SOURCE_ID, "s1");
            e.getMessage().setBody(java.util.Map.of("settings", header));
        }, "body", "holds more than 1000000 values");
        assertEquals(0, received().size(), "nothing may be sent");
    }

    /** A bean holding two values. */
    public record Pair(Object a, Object b) {
    }

    /** A bad input is quoted by its first 40 characters at most (times not at all), however long the header was. */
    @Test
    void longBadInputsAreQuotedShort() {
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{\"data\":{}}")));
        String garbage = "x".repeat(100_000);

        assertRejected("direct:getDailyPerSourceApiCallsUsage",
                e -> e.getMessage().setHeader(SegmentConstants.PERIOD, garbage), "period",
                "2021-02-01T00:00:00Z, was '" + "x".repeat(40) + "…' (100000 characters)");
        assertRejected("direct:addLabelsToSource", e -> {
            e.getMessage().setHeader(SegmentConstants.SOURCE_ID, "s1");
            e.getMessage().setHeader(SegmentConstants.LABELS, "type:web," + garbage);
        }, "CamelSegmentLabels[1]", "was '" + "x".repeat(40) + "…' (100000 characters)");
        assertRejected("direct:listDeliveryMetricsSummaryFromDestination", e -> {
            e.getMessage().setHeader(SegmentConstants.DESTINATION_ID, "d1");
            e.getMessage().setHeader(SegmentConstants.SOURCE_ID, "s1");
            e.getMessage().setHeader(SegmentConstants.START_TIME, garbage);
        }, "startTime", "must be an ISO-8601 date-time such as 2026-01-31T12:00:00.000Z; the text given (100000 "
                        + "characters) is not one");

        assertEquals(0, received().size(), "nothing may be sent");
    }

    @Test
    void aMissingAccessTokenIsReportedBeforeSending() {
        Exchange result = template.request("segment:deleteSource?sourceId=s1", e -> {
        });

        SegmentValidationException e = assertInstanceOf(SegmentValidationException.class, result.getException());
        assertEquals("accessToken", e.getField());
        assertEquals(0, received().size());
    }

    @Test
    void plainTextBodiesFromEarlierStepsAreNotInputs() {
        String path = "/sources/" + SOURCE_ID;
        wireMock.stubFor(request(io.camelsegment.component.segment.SegmentOperation.deleteSource, path)
                .willReturn(ok(io.camelsegment.component.segment.SegmentOperation.deleteSource, path,
                        fixture("delete-source"))));

        Exchange result = template.request("direct:deleteSource", e -> {
            e.getMessage().setHeader(SegmentConstants.SOURCE_ID, SOURCE_ID);
            e.getMessage().setBody("a line from a file");
        });

        assertEquals(null, result.getException());
        assertEquals(1, received().size());
    }

    private void assertRejected(String uri, Processor processor, String field, String ruleFragment) {
        Exchange result = template.request(uri, processor);
        SegmentValidationException e = assertInstanceOf(SegmentValidationException.class, result.getException(),
                uri + " must be rejected for " + field);
        assertEquals(field, e.getField(), e.getMessage());
        assertTrue(e.getRule().contains(ruleFragment), e.getMessage());
    }
}
