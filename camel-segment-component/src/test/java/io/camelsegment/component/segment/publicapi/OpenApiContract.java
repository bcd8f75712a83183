package io.camelsegment.component.segment.publicapi;

import java.net.URL;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Checks requests and responses against Segment's official Public API spec ({@code public-api-openapi.json}, 36.2.0),
 * kept as test data on the test classpath ({@code segment/public-api-openapi.json}; its origin and licence are in
 * the README beside it).
 * <p>
 * Each request is validated as it was sent (method, path, query, headers, {@code Content-Type} and body), with one
 * adaptation for a difference between that spec and the API as documented (API-NOTES B.7): the spec declares
 * pagination as a {@code deepObject} query parameter ({@code pagination[count]}); the documented form we send is
 * {@code pagination.count}. The dot form is rewritten to the bracket form before validation.
 */
final class OpenApiContract {

    private static final String SPEC_RESOURCE = "segment/public-api-openapi.json";

    private static OpenApiInteractionValidator validator;

    private OpenApiContract() {
    }

    static synchronized OpenApiInteractionValidator validator() {
        if (validator == null) {
            URL spec = OpenApiContract.class.getClassLoader().getResource(SPEC_RESOURCE);
            if (spec == null) {
                throw new IllegalStateException("Segment's Public API spec is missing from the test classpath: "
                                                + SPEC_RESOURCE);
            }
            validator = OpenApiInteractionValidator.createForSpecificationUrl(spec.toString()).build();
        }
        return validator;
    }

    /** Validates a request WireMock received; fails the test with the validator's messages. */
    static void assertValidRequest(LoggedRequest logged) {
        List<ValidationReport.Message> errors = requestErrors(logged);
        if (!errors.isEmpty()) {
            fail("Request " + logged.getMethod() + " " + logged.getUrl() + " violates the Public API spec:\n"
                 + describe(errors));
        }
    }

    /**
     * The validator's errors for a request. The validator does not convert the properties of a deepObject query
     * parameter to their schema types, so it reports every {@code pagination[count]} as "string, not number"; that
     * one message is replaced by our own check that the value is a number.
     */
    static List<ValidationReport.Message> requestErrors(LoggedRequest logged) {
        ValidationReport report = validator().validateRequest(toRequest(logged));
        List<ValidationReport.Message> errors = new ArrayList<>();
        for (ValidationReport.Message m : report.getMessages()) {
            if (m.getLevel() != ValidationReport.Level.ERROR) {
                continue;
            }
            boolean countAsText = m.getKey().equals("validation.request.parameter.schema.type")
                                  && m.getMessage().contains("[Path '/count'] Instance type (string)");
            if (!countAsText) {
                errors.add(m);
            }
        }
        List<String> counts = queryParams(query(logged)).getOrDefault("pagination.count", List.of());
        for (String count : counts) {
            if (!count.matches("\\d+")) {
                errors.add(ValidationReport.Message.create("pagination.count", "not a number: " + count).build());
            }
        }
        return errors;
    }

    /** Validates a stubbed response against the operation's response schema for its status. */
    static void assertValidResponse(String method, String path, int status, String contentType, String body) {
        SimpleResponse response = SimpleResponse.Builder.status(status).withContentType(contentType).withBody(body)
                .build();
        ValidationReport report = validator().validateResponse(path, Request.Method.valueOf(method), response);
        if (report.hasErrors()) {
            fail("Stubbed response " + status + " for " + method + " " + path + " violates the Public API spec:\n"
                 + describe(report));
        }
    }

    static String describe(ValidationReport report) {
        return describe(report.getMessages());
    }

    static String describe(List<ValidationReport.Message> messages) {
        StringBuilder sb = new StringBuilder();
        messages.forEach(m -> sb.append("  ").append(m.getLevel()).append(' ').append(m.getKey())
                .append(": ").append(m.getMessage()).append('\n'));
        return sb.toString();
    }

    private static SimpleRequest toRequest(LoggedRequest logged) {
        String url = logged.getUrl();
        int q = url.indexOf('?');
        String path = q < 0 ? url : url.substring(0, q);
        SimpleRequest.Builder builder = new SimpleRequest.Builder(logged.getMethod().getName(), path);
        for (Map.Entry<String, List<String>> param : queryParams(query(logged)).entrySet()) {
            builder.withQueryParam(deepObjectName(param.getKey()), param.getValue());
        }
        for (String header : logged.getHeaders().keys()) {
            builder.withHeader(header, logged.getHeaders().getHeader(header).values());
        }
        byte[] body = logged.getBody();
        if (body != null && body.length > 0) {
            builder.withBody(body);
        }
        return builder.build();
    }

    private static String query(LoggedRequest logged) {
        int q = logged.getUrl().indexOf('?');
        return q < 0 ? "" : logged.getUrl().substring(q + 1);
    }

    /** {@code pagination.count} becomes {@code pagination[count]} (the spec's deepObject style). */
    private static String deepObjectName(String name) {
        int dot = name.indexOf('.');
        return dot < 0 ? name : name.substring(0, dot) + "[" + name.substring(dot + 1) + "]";
    }

    private static Map<String, List<String>> queryParams(String query) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (query.isEmpty()) {
            return params;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return params;
    }
}
