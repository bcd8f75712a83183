package io.camelsegment.component.segment.publicapi;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.camelsegment.component.segment.SegmentApi;
import io.camelsegment.component.segment.SegmentOperation;
import io.camelsegment.component.segment.support.WireMockSegmentTestSupport;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Public API tests: one route {@code direct:<operation>} per operation, stubs whose bodies are checked against the
 * spec's response schemas, and, after each test, every request WireMock received checked against the spec.
 */
abstract class PublicApiTestSupport extends WireMockSegmentTestSupport {

    static final String SOURCE_ID = "rh5BDZp6QDHvXFCkibm1pR";
    static final String DESTINATION_ID = "fP7qoQw2HTWt9WdMr718gn";
    static final String RATE_LIMIT_RESET = "Wed, 21 Oct 2026 07:28:00 GMT";

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                for (SegmentOperation op : SegmentOperation.values()) {
                    if (op.getApi() == SegmentApi.PUBLIC) {
                        from("direct:" + op).to("segment:" + op + "?accessToken=RAW(" + ACCESS_TOKEN + ")"
                                                + endpointOptions());
                    }
                }
            }
        };
    }

    /** Extra URI options for every route, starting with '&'. */
    protected String endpointOptions() {
        return "";
    }

    /** A 200 answer as Segment sends it (the operation's media type, rate-limit headers), checked against the spec. */
    static ResponseDefinitionBuilder ok(SegmentOperation op, String path, String body) {
        return answer(op, path, 200, body);
    }

    /** An answer with any status, checked against the spec (errors use application/json, as the spec declares). */
    static ResponseDefinitionBuilder answer(SegmentOperation op, String path, int status, String body) {
        String contentType = status == 200 ? op.getAccept() : "application/json";
        if (op != SegmentOperation.removeSourceWriteKey && (status == 200 || status == 404 || status == 422
                                                            || status == 429)) {
            OpenApiContract.assertValidResponse(op.getMethod(), path, status, contentType, body);
        }
        return aResponse().withStatus(status).withHeader("Content-Type", contentType)
                .withHeader("X-RateLimit-Remaining", "97")
                .withHeader("X-RateLimit-Consumed", "3")
                .withHeader("X-RateLimit-Reset", RATE_LIMIT_RESET)
                .withBody(body);
    }

    static MappingBuilder request(SegmentOperation op, String path) {
        return com.github.tomakehurst.wiremock.client.WireMock.request(op.getMethod(),
                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo(path));
    }

    static String fixture(String name) {
        try (InputStream in = PublicApiTestSupport.class.getResourceAsStream("/publicapi/" + name + ".json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("fixture " + name + " missing", e);
        }
    }

    /** A page of connected warehouses ({@code ListConnectedWarehousesFromSourceV1Output}). */
    static String warehousesPage(String current, String next, List<String> ids, Integer totalEntries) {
        ObjectNode data = MAPPER.createObjectNode();
        ArrayNode warehouses = data.putArray("warehouses");
        for (String id : ids) {
            ObjectNode w = warehouses.addObject().put("id", id).put("workspaceId", "9aQ1Lj62S4bomZKLF4DPqW")
                    .put("enabled", true);
            ObjectNode md = w.putObject("metadata").put("id", "55d3d3aea3c").put("slug", "postgres")
                    .put("name", "Postgres").put("description", "Open source data warehouse");
            md.putObject("logos").put("default", "https://example.invalid/postgres.svg").put("mark", "").put("alt", "");
            md.putArray("options").addObject().put("name", "port").put("required", true).put("type", "string");
            w.putObject("settings");
        }
        pagination(data, current, next, totalEntries);
        return wrap(data);
    }

    /** A page of daily API-call usage ({@code GetDailyPerSourceAPICallsUsageV1Output}). */
    static String usagePage(String current, String next, int entries, Integer totalEntries) {
        ObjectNode data = MAPPER.createObjectNode();
        ArrayNode usage = data.putArray("dailyPerSourceAPICallsUsage");
        for (int i = 0; i < entries; i++) {
            usage.addObject().put("sourceId", SOURCE_ID).put("apiCalls", Integer.toString(100 + i))
                    .put("timestamp", String.format("2021-02-%02dT00:00:00.000Z", i + 1));
        }
        pagination(data, current, next, totalEntries);
        return wrap(data);
    }

    private static void pagination(ObjectNode data, String current, String next, Integer totalEntries) {
        ObjectNode p = data.putObject("pagination").put("current", current);
        if (next != null) {
            p.put("next", next);
        }
        if (totalEntries != null) {
            p.put("totalEntries", totalEntries);
        }
    }

    private static String wrap(ObjectNode data) {
        ObjectNode root = MAPPER.createObjectNode();
        root.set("data", data);
        return root.toString();
    }

    static String errors(String type, String message, String field) {
        ObjectNode e = MAPPER.createObjectNode().put("type", type).put("message", message);
        if (field != null) {
            e.put("field", field);
        }
        ObjectNode root = MAPPER.createObjectNode();
        root.putArray("errors").add(e);
        return root.toString();
    }

    List<LoggedRequest> received() {
        // WireMock lists the newest first.
        List<LoggedRequest> all = new ArrayList<>(wireMock.getAllServeEvents().stream().map(ServeEvent::getRequest)
                .toList());
        Collections.reverse(all);
        return all;
    }

    LoggedRequest onlyRequest() {
        List<LoggedRequest> all = received();
        assertEquals(1, all.size(), "requests received");
        return all.get(0);
    }

    /** Every request sent to an operation of the spec must conform to it (removeSourceWriteKey is not in it). */
    @AfterEach
    void everyRequestConformsToTheSpec() {
        if (wireMock == null) {
            return;
        }
        for (LoggedRequest request : received()) {
            SegmentOperation op = operationOf(request);
            if (op != SegmentOperation.removeSourceWriteKey) {
                OpenApiContract.assertValidRequest(request);
            }
        }
    }

    static SegmentOperation operationOf(LoggedRequest request) {
        String path = request.getUrl().split("\\?")[0];
        for (SegmentOperation op : SegmentOperation.values()) {
            if (op.getApi() == SegmentApi.PUBLIC && op.getMethod().equals(request.getMethod().getName())
                    && Pattern.matches(op.getPath().replaceAll("\\{[A-Za-z]+}", "[^/]+"), path)) {
                return op;
            }
        }
        throw new AssertionError("not a Public API request: " + request.getMethod() + " " + request.getUrl());
    }
}
