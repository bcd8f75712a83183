package io.camelsegment.component.segment.support;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.camelsegment.component.segment.SegmentVersion;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

/** What the Tracking API tests read back from WireMock: requests, their JSON bodies, the expected auth header. */
public final class TrackingRequests {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private TrackingRequests() {
    }

    /** Segment's usual answer for every request. */
    public static void acceptAll(WireMockServer wireMock) {
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{\"success\":true}")));
    }

    /** Every request WireMock received, in arrival order. */
    public static List<LoggedRequest> all(WireMockServer wireMock) {
        List<LoggedRequest> requests = new ArrayList<>(wireMock.findAll(anyRequestedFor(anyUrl())));
        requests.sort((a, b) -> a.getLoggedDate().compareTo(b.getLoggedDate()));
        return requests;
    }

    /** The requests to one path, e.g. {@code /v1/batch}. */
    public static List<LoggedRequest> to(WireMockServer wireMock, String path) {
        return wireMock.findAll(anyRequestedFor(urlEqualTo(path)));
    }

    public static ObjectNode body(LoggedRequest request) {
        try {
            return (ObjectNode) MAPPER.readTree(request.getBody());
        } catch (Exception e) {
            throw new AssertionError("request body is not a JSON object: " + request.getBodyAsString(), e);
        }
    }

    /** The messageIds of the events a batch request carried. */
    public static List<String> batchMessageIds(LoggedRequest request) {
        List<String> ids = new ArrayList<>();
        for (JsonNode item : body(request).get("batch")) {
            ids.add(item.get("messageId").asText());
        }
        return ids;
    }

    /** {@code Basic base64(writeKey + ":")}: the write key as user name, empty password. */
    public static String basicAuth(String writeKey) {
        return "Basic " + Base64.getEncoder().encodeToString((writeKey + ":").getBytes(StandardCharsets.UTF_8));
    }

    /** {@code {"library":{"name":"camel-segment","version":<ours>}}}. */
    public static ObjectNode libraryContext() {
        ObjectNode context = MAPPER.createObjectNode();
        context.putObject("library").put("name", "camel-segment").put("version", SegmentVersion.get());
        return context;
    }

    public static ObjectNode parse(String json) {
        try {
            return (ObjectNode) MAPPER.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(json, e);
        }
    }
}
