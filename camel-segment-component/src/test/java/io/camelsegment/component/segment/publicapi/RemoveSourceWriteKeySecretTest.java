package io.camelsegment.component.segment.publicapi;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;

import io.camelsegment.component.segment.SegmentApiException;
import io.camelsegment.component.segment.SegmentConstants;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.camelsegment.component.segment.SegmentOperation.removeSourceWriteKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The write key removeSourceWriteKey puts in its URL path never shows: not in exception messages or response bodies
 * kept by exceptions, not in the envelope's error, not in endpoint strings, not in the log file.
 */
class RemoveSourceWriteKeySecretTest extends PublicApiTestSupport {

    /** Unique to this test, with a '+' so that its URL-encoded form differs too. */
    private static final String KEY = "wk_REMOVE+zz_7Q9xL2";
    private static final String ENCODED_KEY = "wk_REMOVE%2Bzz_7Q9xL2";
    private static final String PATH = "/sources/" + SOURCE_ID + "/writekey/" + ENCODED_KEY;

    @Test
    void theKeyIsMaskedInExceptionsEnvelopesEndpointsAndLogs() throws Exception {
        // 503 first (the retry is logged with the request line), then a 404 whose body echoes the key.
        wireMock.stubFor(request(removeSourceWriteKey, PATH).inScenario("s").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503).withBody("busy")).willSetStateTo("404"));
        wireMock.stubFor(request(removeSourceWriteKey, PATH).inScenario("s").whenScenarioStateIs("404")
                .willReturn(answer(removeSourceWriteKey, PATH, 404,
                        errors("NotFound", "write key " + KEY + " (" + ENCODED_KEY + ") not found", null))));
        String uri = "segment:removeSourceWriteKey?accessToken=RAW(" + ACCESS_TOKEN + ")&sourceId=" + SOURCE_ID
                     + "&writeKeyToRemove=RAW(" + KEY + ")";

        Exchange result = template.request(uri, e -> {
        });

        assertEquals(2, received().size(), "the key did reach the server, encoded in the path");
        SegmentApiException e = assertInstanceOf(SegmentApiException.class, result.getException());
        assertTrue(e.getMessage().contains("DELETE /sources/" + SOURCE_ID + "/writekey/xxxxxx answered HTTP 404"),
                e.getMessage());
        assertNoSecret(e.getMessage());
        assertNoSecret(e.getResponseBody());
        assertNoSecret(e.getErrors().toString());
        assertNoSecret(String.valueOf(e.getCause()));

        Exchange enveloped = template.request(uri + "&throwExceptionOnFailure=false", ex -> {
        });
        Map<?, ?> envelope = enveloped.getMessage().getBody(Map.class);
        assertEquals(false, envelope.get("successful"));
        assertNoSecret((String) envelope.get("error"));

        for (Endpoint endpoint : context.getEndpoints()) {
            assertNoSecret(endpoint.toString());
        }

        Path log = Paths.get("target", "test-logs.log");
        String logged = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(logged.contains("DELETE /sources/" + SOURCE_ID + "/writekey/xxxxxx: attempt 1 of 4 failed: HTTP 503"),
                "the retry must be logged, masked");
        assertNoSecret(logged);
    }

    @Test
    void theKeyFromAHeaderIsMaskedToo() throws Exception {
        wireMock.stubFor(request(removeSourceWriteKey, PATH).willReturn(answer(removeSourceWriteKey, PATH, 422,
                errors("ValidationFailure", "cannot remove the last write key " + KEY, "writeKey"))));

        Exchange result = template.request("direct:removeSourceWriteKey", e -> {
            e.getMessage().setHeader(SegmentConstants.SOURCE_ID, SOURCE_ID);
            e.getMessage().setHeader(SegmentConstants.WRITE_KEY_TO_REMOVE, KEY);
        });

        SegmentApiException e = assertInstanceOf(SegmentApiException.class, result.getException());
        assertEquals(422, e.getStatusCode());
        assertEquals("writeKey", e.getErrors().get(0).field());
        assertTrue(e.getErrors().get(0).message().endsWith("last write key xxxxxx"), e.getErrors().get(0).message());
        assertNoSecret(e.getMessage());
        // Camel's error handler has logged the failed exchange by now: still no key in the log.
        assertNoSecret(Files.readString(Paths.get("target", "test-logs.log"), StandardCharsets.UTF_8));
    }

    private static void assertNoSecret(String text) {
        assertFalse(text.contains(KEY), "write key leaked: " + text);
        assertFalse(text.contains(ENCODED_KEY), "encoded write key leaked: " + text);
        assertFalse(text.contains(ACCESS_TOKEN), "access token leaked: " + text);
    }
}
