package io.camelsegment.component.segment;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import io.camelsegment.component.segment.support.WireMockSegmentTestSupport;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A server (or proxy) that answers an error with a body echoing the request must not make the component leak what it
 * sent: the access token, the write key, the key to remove, their Basic/Bearer forms and base64 credentials are masked
 * in the exception message, getResponseBody(), the {successful, data, error} envelope and Camel's error-handler log,
 * for both APIs.
 */
class EchoedSecretsTest extends WireMockSegmentTestSupport {

    private static final String KEY_TO_REMOVE = "wk_OLD_echo_5Yh2Qp";

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                String credentials = "accessToken=RAW(" + ACCESS_TOKEN + ")&writeKey=RAW(" + WRITE_KEY + ")";
                from("direct:public").routeId("echo-public")
                        .to("segment:getDestination?destinationId=d1&" + credentials);
                from("direct:remove").routeId("echo-remove")
                        .to("segment:removeSourceWriteKey?sourceId=s1&" + credentials);
                from("direct:tracking").routeId("echo-tracking")
                        .to("segment:track?event=E&userId=u&" + credentials);
                from("direct:publicEnvelope")
                        .to("segment:getDestination?destinationId=d1&throwExceptionOnFailure=false&" + credentials);
                from("direct:trackingEnvelope")
                        .to("segment:track?event=E&userId=u&throwExceptionOnFailure=false&" + credentials);
            }
        };
    }

    /** The credentials every endpoint knows, in the forms a server may echo them. */
    private static List<String> credentials() {
        return List.of(ACCESS_TOKEN, WRITE_KEY, base64(WRITE_KEY + ":"), base64(WRITE_KEY), base64(ACCESS_TOKEN));
    }

    /** What removeSourceWriteKey knows besides: the key it removes. */
    private static List<String> keyToRemove() {
        return List.of(KEY_TO_REMOVE, base64(KEY_TO_REMOVE + ":"));
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String echo() {
        return "{\"errors\":[{\"type\":\"Unauthorized\",\"message\":\"request auth=Bearer " + ACCESS_TOKEN + "\"}],"
               + "\"auth\":\"Bearer " + ACCESS_TOKEN + "\",\"basic\":\"Basic " + base64(WRITE_KEY + ":") + "\","
               + "\"writeKey\":\"" + WRITE_KEY + "\",\"raw64\":\"" + base64(WRITE_KEY) + "\",\"removed\":\""
               + KEY_TO_REMOVE + " " + base64(KEY_TO_REMOVE + ":") + "\",\"token64\":\"" + base64(ACCESS_TOKEN)
               + "\"}";
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = { 401, 404 })
    void echoedSecretsAreMaskedEverywhere(int status) throws Exception {
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(echo())));

        for (String route : List.of("direct:public", "direct:remove", "direct:tracking")) {
            Exchange result = template.request(route, e -> e.getMessage()
                    .setHeader(SegmentConstants.WRITE_KEY_TO_REMOVE, KEY_TO_REMOVE));
            SegmentHttpException e = assertInstanceOf(SegmentHttpException.class, result.getException(), route);
            assertEquals(status, e.getStatusCode());
            assertTrue(e.getMessage().contains("xxxxxx"), e.getMessage());
            assertNoSecret(route + " message", e.getMessage(), credentials());
            assertNoSecret(route + " response body", e.getResponseBody(), credentials());
            assertNoSecret(route + " toString", e.toString(), credentials());
            if (route.equals("direct:remove")) {
                assertNoSecret(route + " message", e.getMessage(), keyToRemove());
                assertNoSecret(route + " response body", e.getResponseBody(), keyToRemove());
            }
        }
        for (String route : List.of("direct:publicEnvelope", "direct:trackingEnvelope")) {
            Exchange result = template.request(route, e -> {
            });
            Map<?, ?> envelope = result.getMessage().getBody(Map.class);
            assertNotNull(envelope, route);
            assertEquals(false, envelope.get("successful"));
            assertNoSecret(route + " envelope", String.valueOf(envelope), credentials());
        }

        // Camel's default error handler logged each failed exchange (message, stack trace) by now.
        String logged = Files.readString(Path.of("target", "test-logs.log"), StandardCharsets.UTF_8);
        assertTrue(logged.contains("answered HTTP " + status), "the failures were logged");
        assertNoSecret("test log", logged, credentials());
    }

    private static void assertNoSecret(String where, String text, List<String> secrets) {
        assertNotNull(text, where);
        for (String secret : secrets) {
            String unpadded = secret.replaceAll("=+$", "");
            assertFalse(text.contains(unpadded), () -> where + " leaks " + secret + ": " + text);
        }
    }
}
