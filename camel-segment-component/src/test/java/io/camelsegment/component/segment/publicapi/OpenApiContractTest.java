package io.camelsegment.component.segment.publicapi;

import java.util.List;

import com.atlassian.oai.validator.report.ValidationReport;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static io.camelsegment.component.segment.support.WireMockSegmentTestSupport.ACCESS_TOKEN;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The spec check bites: requests and responses that break the spec are caught (so a passing check means something). */
class OpenApiContractTest {

    private static final String V1 = "application/vnd.segment.v1+json";

    @Test
    void missingRequiredPaginationIsCaught() {
        List<ValidationReport.Message> errors = OpenApiContract.requestErrors(
                logged(RequestMethod.GET, "/usage/api-calls/sources/daily?period=2021-02-01", null));
        assertFalse(errors.isEmpty(), "pagination is required by the 36.2.0 spec");
    }

    @Test
    void wellFormedRequestPassesAndNonNumericCountIsCaught() {
        assertTrue(OpenApiContract.requestErrors(logged(RequestMethod.GET,
                "/usage/api-calls/sources/daily?period=2021-02-01&pagination.count=10", null)).isEmpty());
        assertFalse(OpenApiContract.requestErrors(logged(RequestMethod.GET,
                "/usage/api-calls/sources/daily?period=2021-02-01&pagination.count=ten", null)).isEmpty());
    }

    @Test
    void labelsBodyWithoutValueIsCaught() {
        assertFalse(OpenApiContract.requestErrors(logged(RequestMethod.POST, "/sources/abc/labels",
                "{\"labels\":[{\"key\":\"type\"}]}")).isEmpty());
        assertTrue(OpenApiContract.requestErrors(logged(RequestMethod.POST, "/sources/abc/labels",
                "{\"labels\":[{\"key\":\"type\",\"value\":\"web\"}]}")).isEmpty());
    }

    @Test
    void theContentTypeIsValidatedAsSent() {
        // The spec lists only the versioned media types for request bodies: a plain application/json body is caught.
        assertFalse(OpenApiContract.requestErrors(logged(RequestMethod.POST, "/sources/abc/labels",
                "{\"labels\":[{\"key\":\"type\",\"value\":\"web\"}]}", "application/json")).isEmpty());
    }

    @Test
    void responseMissingRequiredDataIsCaught() {
        assertThrows(AssertionError.class, () -> OpenApiContract.assertValidResponse("DELETE", "/sources/abc", 200, V1,
                "{\"data\":{}}"));
        assertDoesNotThrow(() -> OpenApiContract.assertValidResponse("DELETE", "/sources/abc", 200, V1,
                "{\"data\":{\"status\":\"SUCCESS\"}}"));
    }

    /** A request as WireMock would log it, made by sending it to a throw-away WireMock on loopback. */
    private static LoggedRequest logged(RequestMethod method, String url, String body) {
        return logged(method, url, body, V1);
    }

    private static LoggedRequest logged(RequestMethod method, String url, String body, String contentType) {
        com.github.tomakehurst.wiremock.WireMockServer server = new com.github.tomakehurst.wiremock.WireMockServer(
                com.github.tomakehurst.wiremock.core.WireMockConfiguration.options().dynamicPort()
                        .bindAddress("127.0.0.1"));
        server.start();
        try {
            server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
            java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://127.0.0.1:" + server.port() + url))
                    .header("Authorization", "Bearer " + ACCESS_TOKEN).header("Accept", V1)
                    .method(method.getName(), body == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
                            : java.net.http.HttpRequest.BodyPublishers.ofString(body));
            if (body != null) {
                request.header("Content-Type", contentType);
            }
            java.net.http.HttpClient.newHttpClient().send(request.build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding());
            return server.getAllServeEvents().get(0).getRequest();
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            server.stop();
        }
    }
}
