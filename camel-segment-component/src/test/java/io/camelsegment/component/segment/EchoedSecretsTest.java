package io.camelsegment.component.segment;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import io.camelsegment.component.segment.support.CapturedLogs;
import io.camelsegment.component.segment.support.WireMockSegmentTestSupport;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
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
 * for both APIs, also when the server's JSON encoder escapes them differently from Jackson.
 */
class EchoedSecretsTest extends WireMockSegmentTestSupport {

    private static final String KEY_TO_REMOVE = "wk_OLD_echo_5Yh2Qp";

    /** Characters JSON encoders escape in different ways: '/', '&', '<', '>'. */
    private static final String ODD_TOKEN = "sgp_ODD/tok&<en>";
    /** The same, and 'é'; the base64 of its Basic credential has a '/' too. */
    private static final String ODD_KEY = "wk_ODD/key&\u00e9_??";

    /** Valid JSON escapings of a string other than Jackson's (which leaves '/', '&', '<', '>' and 'é' as they are). */
    enum JsonEscaping {
        /** Go's encoding/json (Segment's servers): '&', '<', '>' as backslash-u escapes, lower-case hex. */
        GO(c -> "&<>".indexOf(c) >= 0 ? String.format("\\u%04x", c) : null),
        /** PHP's json_encode: '/' as a backslash-slash, non-ASCII as backslash-u escapes. */
        PHP(c -> c == '/' ? "\\/" : c > 127 ? String.format("\\u%04x", c) : null),
        /** Every character as a backslash-u escape, upper-case hex. */
        EVERY_CHARACTER(c -> String.format("\\u%04X", c)),
        /** PHP's escaped slash in a JSON document quoted in a JSON string: its backslash escaped once more. */
        QUOTED_TWICE(c -> c == '/' ? "\\\\\\/" : null);

        private final IntFunction<String> escape;

        JsonEscaping(IntFunction<String> escape) {
            this.escape = escape;
        }

        String apply(String text) {
            StringBuilder out = new StringBuilder();
            text.chars().forEach(c -> {
                String escaped = escape.apply(c);
                out.append(escaped != null ? escaped : String.valueOf((char) c));
            });
            return out.toString();
        }
    }

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
                String odd = "accessToken=RAW(" + ODD_TOKEN + ")&writeKey=RAW(" + ODD_KEY + ")";
                from("direct:oddPublic").to("segment:getDestination?destinationId=d1&" + odd);
                from("direct:oddTracking").to("segment:track?event=E&userId=u&" + odd);
                from("direct:oddPublicEnvelope")
                        .to("segment:getDestination?destinationId=d1&throwExceptionOnFailure=false&" + odd);
                from("direct:oddTrackingEnvelope")
                        .to("segment:track?event=E&userId=u&throwExceptionOnFailure=false&" + odd);
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

    @ParameterizedTest
    @EnumSource(JsonEscaping.class)
    void secretsEchoedInAnotherJsonEscapingAreMasked(JsonEscaping escaping) {
        String basic = base64(ODD_KEY + ":");
        assertTrue(basic.contains("/"), basic);
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"errors\":[{\"type\":\"Unauthorized\",\"message\":\"invalid token "
                          + escaping.apply(ODD_TOKEN) + "\",\"field\":\"" + escaping.apply(ODD_KEY) + "\"}],"
                          + "\"error\":\"invalid write key " + escaping.apply(ODD_KEY) + "\",\"auth\":\"Basic "
                          + escaping.apply(basic) + "\",\"bearer\":\"Bearer " + escaping.apply(ODD_TOKEN) + "\"}")));
        // "ODD": no part of the token or the key, in any escaping or half-decoded
        List<String> secrets = List.of("ODD", basic, escaping.apply(ODD_TOKEN), escaping.apply(ODD_KEY),
                escaping.apply(basic));

        try (CapturedLogs logs = new CapturedLogs()) {
            for (String route : List.of("direct:oddPublic", "direct:oddTracking")) {
                Exchange result = template.request(route, e -> {
                });
                SegmentHttpException e = assertInstanceOf(SegmentHttpException.class, result.getException(), route);
                assertTrue(e.getMessage().contains("xxxxxx"), e.getMessage());
                assertNoSecret(route + " message", e.getMessage(), secrets);
                assertNoSecret(route + " response body", e.getResponseBody(), secrets);
                if (e instanceof SegmentApiException api) {
                    assertEquals(1, api.getErrors().size(), api.getErrors()::toString);
                    assertNoSecret(route + " errors", api.getErrors().toString(), secrets);
                }
            }
            for (String route : List.of("direct:oddPublicEnvelope", "direct:oddTrackingEnvelope")) {
                Map<?, ?> envelope = template.request(route, e -> {
                }).getMessage().getBody(Map.class);
                assertEquals(false, envelope.get("successful"), route);
                assertNoSecret(route + " envelope", String.valueOf(envelope), secrets);
            }
            assertTrue(logs.allText().contains("answered HTTP 401"), "Camel's error handler logged the failures");
            assertNoSecret("logs", logs.allText(), secrets);
        }
    }

    /** A server or proxy may echo a key URL-encoded with lower-case hex digits (%2f), as RFC 3986 allows. */
    @Test
    void secretsEchoedUrlEncodedInLowerCaseAreMasked() {
        String encoded = java.net.URLEncoder.encode(ODD_KEY, StandardCharsets.UTF_8);
        String lowerCase = java.util.regex.Pattern.compile("%[0-9A-F]{2}").matcher(encoded)
                .replaceAll(m -> m.group().toLowerCase(java.util.Locale.ROOT));
        assertTrue(lowerCase.contains("%2f"), lowerCase);
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(401)
                .withBody("invalid write key " + lowerCase + " in /v1/track?key=" + lowerCase)));

        Exchange result = template.request("direct:oddTracking", e -> {
        });

        SegmentHttpException e = assertInstanceOf(SegmentHttpException.class, result.getException());
        assertTrue(e.getMessage().contains("invalid write key xxxxxx"), e.getMessage());
        assertNoSecret("message", e.getMessage(), List.of("ODD", lowerCase));
        assertNoSecret("response body", e.getResponseBody(), List.of("ODD", lowerCase));
    }

    private static void assertNoSecret(String where, String text, List<String> secrets) {
        assertNotNull(text, where);
        for (String secret : secrets) {
            String unpadded = secret.replaceAll("=+$", "");
            assertFalse(text.contains(unpadded), () -> where + " leaks " + secret + ": " + text);
        }
    }
}
