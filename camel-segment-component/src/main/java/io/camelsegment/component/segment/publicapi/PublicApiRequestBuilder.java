package io.camelsegment.component.segment.publicapi;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelsegment.component.segment.SegmentApi;
import io.camelsegment.component.segment.SegmentConstants;
import io.camelsegment.component.segment.SegmentGranularity;
import io.camelsegment.component.segment.SegmentOperation;
import io.camelsegment.component.segment.SegmentValidationException;
import io.camelsegment.component.segment.http.SecretMasker;
import io.camelsegment.component.segment.http.SegmentHttpRequest;
import io.camelsegment.component.segment.json.JsonConversion;

/**
 * Turns an operation and its {@link PublicApiInputs} into the exact HTTP request of the Public API (API-NOTES B.8):
 * path parameters URL-encoded, query parameters (pagination in the documented dot form), JSON body, Bearer token,
 * the operation's versioned {@code Accept}. Every required input is checked before anything is sent.
 */
public final class PublicApiRequestBuilder {

    /**
     * Page size sent when none is given. The spec this component is tested against (36.2.0) requires pagination on
     * both list operations; the current API defaults to 200 when it is omitted, so sending 200 means the same to both.
     */
    public static final int DEFAULT_PAGE_SIZE = 200;

    private static final Pattern PATH_PARAM = Pattern.compile("\\{([A-Za-z]+)}");

    private final String baseUrl;
    private final String accessToken;
    private final String userAgent;
    private final ObjectMapper mapper;
    private final SecretMasker endpointSecrets;

    /**
     * @param endpointSecrets the secrets of the endpoint (access token, write key): every call masks them, and its own
     *                        key to remove, in what it builds from a response
     */
    public PublicApiRequestBuilder(String baseUrl, String accessToken, String libraryVersion, ObjectMapper mapper,
                                   SecretMasker endpointSecrets) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.accessToken = accessToken;
        this.userAgent = "camel-segment/" + libraryVersion;
        this.mapper = mapper;
        this.endpointSecrets = endpointSecrets.with(accessToken);
    }

    public PublicApiCall build(SegmentOperation operation, PublicApiInputs in) throws SegmentValidationException {
        if (operation.getApi() != SegmentApi.PUBLIC) {
            throw new IllegalArgumentException(operation + " is not a Public API operation");
        }
        if (accessToken == null || accessToken.isBlank()) {
            throw new SegmentValidationException("accessToken", "is required for the Public API operation "
                                                                + operation + ": set the accessToken option");
        }
        Map<String, String> pathParams = new LinkedHashMap<>();
        Map<String, String> query = new LinkedHashMap<>();
        ObjectNode body = null;
        String secret = null;
        switch (operation) {
            case addLabelsToSource -> {
                pathParams.put("sourceId", require(in.sourceId(), "sourceId", SegmentConstants.SOURCE_ID));
                ArrayNode labels = require(in.labels(), "labels", SegmentConstants.LABELS);
                if (labels.isEmpty()) {
                    throw new SegmentValidationException("labels", "must contain at least one label");
                }
                body = mapper.createObjectNode();
                body.set("labels", labels);
            }
            case deleteSource, listSchemaSettingsInSource ->
                pathParams.put("sourceId", require(in.sourceId(), "sourceId", SegmentConstants.SOURCE_ID));
            case getDailyPerSourceApiCallsUsage -> {
                query.put("period", require(in.period(), "period", SegmentConstants.PERIOD));
                addPagination(in, query);
            }
            case getDestination ->
                pathParams.put("destinationId", require(in.destinationId(), "destinationId",
                        SegmentConstants.DESTINATION_ID));
            case listConnectedWarehousesFromSource -> {
                pathParams.put("sourceId", require(in.sourceId(), "sourceId", SegmentConstants.SOURCE_ID));
                addPagination(in, query);
            }
            case listDeliveryMetricsSummaryFromDestination -> {
                pathParams.put("destinationId", require(in.destinationId(), "destinationId",
                        SegmentConstants.DESTINATION_ID));
                query.put("sourceId", require(in.sourceId(), "sourceId", SegmentConstants.SOURCE_ID));
                putIfPresent(query, "startTime", in.startTime());
                putIfPresent(query, "endTime", in.endTime());
                SegmentGranularity granularity = in.granularity();
                putIfPresent(query, "granularity", granularity == null ? null : granularity.name());
            }
            case removeSourceWriteKey -> {
                pathParams.put("sourceId", require(in.sourceId(), "sourceId", SegmentConstants.SOURCE_ID));
                secret = in.writeKeyToRemove();
                if (secret == null) {
                    // Never the writeKey option or CamelSegmentWriteKey header: they hold the route's own tracking key.
                    throw new SegmentValidationException("writeKeyToRemove", "is required: set the writeKeyToRemove "
                            + "option, the " + SegmentConstants.WRITE_KEY_TO_REMOVE + " header or a writeKeyToRemove "
                            + "field in the JSON body (the writeKey option and the " + SegmentConstants.WRITE_KEY
                            + " header are credentials and never name the key to remove)");
                }
                pathParams.put("writeKey", secret);
            }
            case updateSource -> {
                pathParams.put("sourceId", require(in.sourceId(), "sourceId", SegmentConstants.SOURCE_ID));
                body = updateSourceBody(in);
            }
            default -> throw new IllegalArgumentException("No request mapping for " + operation);
        }
        return new PublicApiCall(operation, toHttpRequest(operation, pathParams, query, body, secret),
                endpointSecrets.with(secret));
    }

    private SegmentHttpRequest toHttpRequest(
            SegmentOperation operation, Map<String, String> pathParams, Map<String, String> query, ObjectNode body,
            String secret) throws SegmentValidationException {
        StringBuilder path = new StringBuilder();
        StringBuilder displayPath = new StringBuilder();
        Matcher m = PATH_PARAM.matcher(operation.getPath());
        int last = 0;
        while (m.find()) {
            String literal = operation.getPath().substring(last, m.start());
            String value = pathParams.get(m.group(1));
            path.append(literal).append(encode(value));
            displayPath.append(literal).append(value.equals(secret) ? SecretMasker.MASK : encode(value));
            last = m.end();
        }
        path.append(operation.getPath().substring(last));
        displayPath.append(operation.getPath().substring(last));
        String queryString = queryString(query);
        path.append(queryString);
        displayPath.append(queryString);

        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + accessToken);
        headers.put("Accept", operation.getAccept());
        headers.put("User-Agent", userAgent);
        byte[] bytes = null;
        if (body != null) {
            // The body's media type is the operation's version, like its Accept (both the spec and the API take it).
            headers.put("Content-Type", operation.getAccept());
            bytes = JsonConversion.writeValueAsBytes(mapper, body, "body");
            if (bytes.length > MAX_BODY_BYTES) {
                throw new SegmentValidationException("body", "is " + bytes.length + " bytes as sent, over the Public "
                                                             + "API's limit of " + MAX_BODY_BYTES
                                                             + " bytes (25 MB) per request");
            }
        }
        return new SegmentHttpRequest(operation.getMethod(), URI.create(baseUrl + path), displayPath.toString(),
                headers, bytes);
    }

    /** The Public API's payload limit: "bodies containing up to 25mb (26,214,400 bytes)"; over it Segment answers 413. */
    static final int MAX_BODY_BYTES = 26_214_400;

    private ObjectNode updateSourceBody(PublicApiInputs in) throws SegmentValidationException {
        ObjectNode body = mapper.createObjectNode();
        String name = in.sourceName();
        if (name != null) {
            body.put("name", name);
        }
        String slug = in.slug();
        if (slug != null) {
            body.put("slug", slug);
        }
        Boolean enabled = in.sourceEnabled();
        if (enabled != null) {
            body.put("enabled", enabled);
        }
        ObjectNode settings = in.settings();
        if (settings != null) {
            body.set("settings", settings);
        }
        if (body.isEmpty()) {
            // An empty PATCH changes nothing: almost certainly a route that lost its input.
            throw new SegmentValidationException("name/slug/enabled/settings", "updateSource needs at least one of "
                                                                               + "them (options sourceName/slug/"
                                                                               + "sourceEnabled, CamelSegmentSource"
                                                                               + "Name/Slug/SourceEnabled/Settings "
                                                                               + "headers or "
                                                                               + "fields of the JSON body)");
        }
        return body;
    }

    private static void addPagination(PublicApiInputs in, Map<String, String> query)
            throws SegmentValidationException {
        Integer count = in.paginationCount();
        query.put("pagination.count", Integer.toString(count != null ? count : DEFAULT_PAGE_SIZE));
        putIfPresent(query, "pagination.cursor", in.paginationCursor());
    }

    private static void putIfPresent(Map<String, String> query, String name, String value) {
        if (value != null && !value.isEmpty()) {
            query.put(name, value);
        }
    }

    private static <T> T require(T value, String field, String header) throws SegmentValidationException {
        if (value == null) {
            throw new SegmentValidationException(field, "is required: set the " + field + " option, the " + header
                                                        + " header or a " + field + " field in the JSON body");
        }
        return value;
    }

    private static String queryString(Map<String, String> query) {
        if (query.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("?");
        query.forEach((name, value) -> {
            if (sb.length() > 1) {
                sb.append('&');
            }
            sb.append(name).append('=').append(encode(value));
        });
        return sb.toString();
    }

    /** Percent-encodes one path segment or query value (a space becomes %20, never '+'). */
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
