package io.camelsegment.component.segment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import com.github.tomakehurst.wiremock.http.Fault;
import io.camelsegment.component.segment.monitor.DeliveryMonitor;
import io.camelsegment.component.segment.support.WireMockSegmentTestSupport;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Producer;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.console.DevConsole;
import org.apache.camel.console.DevConsoleRegistry;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.util.URISupport;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The write key never shows in endpoint strings, route dumps, exception messages, toString() or logs. */
class SecretsTest extends WireMockSegmentTestSupport {

    private static final String BASIC_CREDENTIALS
            = Base64.getEncoder().encodeToString((WRITE_KEY + ":").getBytes(StandardCharsets.UTF_8));

    @Override
    protected Properties useOverridePropertiesWithPropertiesComponent() {
        Properties p = new Properties();
        p.setProperty("segment.writeKey", WRITE_KEY);
        return p;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:raw").routeId("raw").to("segment:track?writeKey=RAW(" + WRITE_KEY + ")&event=E&userId=u");
                from("direct:plain").routeId("plain").to("segment:track?writeKey=" + WRITE_KEY + "&event=E&userId=u");
                from("direct:placeholder").routeId("placeholder")
                        .to("segment:track?writeKey={{segment.writeKey}}&event=E&userId=u");
            }
        };
    }

    private static void assertNoSecret(String where, String text) {
        assertNotNull(text, where);
        assertFalse(text.contains(WRITE_KEY), () -> where + " shows the write key: " + text);
        assertFalse(text.contains(WRITE_KEY.substring(0, 10)), () -> where + " shows part of the write key: " + text);
        assertFalse(text.contains(BASIC_CREDENTIALS), () -> where + " shows the Basic credentials: " + text);
    }

    /**
     * The log file starts empty in each test JVM (log4j2-test.properties: append=false), so that lines of an earlier
     * run, a failing one included, never fail {@link #logsNeverContainTheWriteKey} of this one.
     */
    @Test
    void theLogFileHoldsOnlyThisJvmsLines() throws IOException {
        org.apache.logging.log4j.LogManager.getLogger(SecretsTest.class).info("a line of this JVM");

        String first = Files.readAllLines(Path.of("target", "test-logs.log")).get(0);
        java.time.Instant written = java.time.LocalDateTime.parse(first.substring(0, 23),
                java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS"))
                .atZone(java.time.ZoneId.systemDefault()).toInstant();
        java.time.Instant jvmStart = java.time.Instant.ofEpochMilli(
                java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime());
        assertFalse(written.isBefore(jvmStart), () -> "the first line was written before this JVM started: " + first);
    }

    @Test
    void endpointStringsMaskTheWriteKey() {
        for (String uri : List.of("segment:track?writeKey=RAW(" + WRITE_KEY + ")",
                "segment:identify?writeKey=" + WRITE_KEY + "&userId=u",
                "segment:batch?maxRetries=1&writeKey=" + WRITE_KEY,
                "segment:removeSourceWriteKey?sourceId=s1&writeKeyToRemove=" + WRITE_KEY)) {
            Endpoint endpoint = context.getEndpoint(uri);
            assertNoSecret("toString of " + uri, endpoint.toString());
            assertNoSecret("sanitized URI of " + uri, URISupport.sanitizeUri(endpoint.getEndpointUri()));
            assertNoSecret("endpoint key", URISupport.sanitizeUri(endpoint.getEndpointKey()));
        }
        context.getEndpoints().forEach(e -> assertNoSecret("registry endpoint", e.toString()));
        context.getRoutes().forEach(r -> assertNoSecret("route " + r.getId(), r.toString()));
    }

    /**
     * Camel's sanitizer ends a RAW(...) value at its first ')', and masks only the first option named like writeKey:
     * what the component shows (endpoint and producer toString, the senders' endpoints in JMX and the dev console)
     * must hide all of every secret.
     */
    @Test
    void aParenthesisInsideRawShowsNoPartOfTheSecret() throws Exception {
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{\"data\":{}}")));
        String proxy = "&proxyHost=127.0.0.1&proxyPort=" + wireMock.port() + "&proxyUsername=u";
        List<String> uris = List.of(
                "segment:track?event=E&userId=u&writeKey=RAW(wk_paren)KEY_TAIL)",
                "segment:identify?userId=u&writeKey=RAW(" + WRITE_KEY + ")" + proxy
                        + "&proxyPassword=RAW(pr0xy)PASSWORD_TAIL)",
                "segment:getDestination?destinationId=d1&accessToken=RAW(sgp_paren)TOKEN_TAIL)",
                "segment:removeSourceWriteKey?sourceId=s1&accessToken=RAW(" + ACCESS_TOKEN + ")&writeKey=RAW("
                        + WRITE_KEY + ")&writeKeyToRemove=RAW(wk_old)REMOVED_TAIL)");
        StringBuilder shown = new StringBuilder();
        for (String uri : uris) {
            SegmentEndpoint endpoint = context.getEndpoint(uri, SegmentEndpoint.class);
            Exchange result = template.request(uri, e -> e.getMessage().setBody(Map.of("a", 1)));
            assertNull(result.getException(), uri);
            Producer producer = endpoint.createProducer();
            shown.append(endpoint).append('\n').append(producer).append('\n');
        }
        for (DeliveryMonitor monitor : context.getComponent("segment", SegmentComponent.class).getDeliveryMonitors()
                .all()) {
            shown.append(monitor.endpoints()).append('\n'); // what the sender MBeans' Endpoints attribute shows
        }
        DevConsole console = DevConsoleRegistry.get(context).resolveById("segment");
        shown.append(console.call(DevConsole.MediaType.TEXT)).append(console.call(DevConsole.MediaType.JSON));

        String text = shown.toString();
        assertTrue(text.contains("writeKey=xxxxxx") && text.contains("proxyPassword=xxxxxx")
                   && text.contains("accessToken=xxxxxx") && text.contains("writeKeyToRemove="), text);
        for (String part : List.of("wk_paren", "KEY_TAIL", "pr0xy", "PASSWORD_TAIL", "sgp_paren", "TOKEN_TAIL",
                "wk_old", "REMOVED_TAIL")) {
            assertFalse(text.contains(part), () -> "shows " + part + ": " + text);
        }
        assertNoSecret("endpoint strings", text);
    }

    @Test
    void routeDumpWithPlaceholderDoesNotResolveTheKey() throws Exception {
        RouteDefinition route = ((ModelCamelContext) context).getRouteDefinition("placeholder");
        assertNoSecret("XML dump", PluginHelper.getModelToXMLDumper(context).dumpModelAsXml(context, route));
    }

    @Test
    void configurationToStringMasksCredentials() {
        SegmentConfiguration configuration = new SegmentConfiguration();
        configuration.setWriteKey(WRITE_KEY);
        configuration.setAccessToken(ACCESS_TOKEN);
        String text = configuration.toString();
        assertNoSecret("SegmentConfiguration.toString", text);
        assertFalse(text.contains(ACCESS_TOKEN), text);
        assertTrue(text.contains("writeKey=xxxxxx"), text);
        SegmentEndpoint endpoint = context.getEndpoint("segment:track?writeKey=" + WRITE_KEY, SegmentEndpoint.class);
        assertNoSecret("endpoint configuration", endpoint.getConfiguration().toString());
    }

    @Test
    void errorResponseEchoingTheKeyIsMasked() {
        wireMock.stubFor(post("/v1/track").willReturn(aResponse().withStatus(401)
                .withBody("{\"error\":\"invalid write key " + WRITE_KEY + "\",\"auth\":\"Basic " + BASIC_CREDENTIALS
                          + "\"}")));

        Exchange result = template.request("direct:raw", e -> e.getMessage().setBody(Map.of("a", 1)));

        SegmentHttpException e = assertInstanceOf(SegmentHttpException.class, result.getException());
        assertTrue(e.getMessage().contains("HTTP 401"), e.getMessage());
        assertNoSecret("exception message", e.getMessage());
        assertNoSecret("exception response body", e.getResponseBody());
    }

    @Test
    void keyCutByTruncationIsStillMasked() {
        // the key starts just before the 1000-character cut: a masked-after-truncation key would leave its head
        String body = "x".repeat(SegmentHttpException.MAX_BODY_CHARS - 10) + WRITE_KEY + " and more";
        wireMock.stubFor(post("/v1/track").willReturn(aResponse().withStatus(400).withBody(body)));

        Exchange result = template.request("direct:plain", e -> e.getMessage().setBody(Map.of("a", 1)));

        SegmentHttpException e = assertInstanceOf(SegmentHttpException.class, result.getException());
        assertNoSecret("exception message", e.getMessage());
        assertNoSecret("exception response body", e.getResponseBody());
    }

    @Test
    void invalidJsonBodyErrorDoesNotQuoteTheBody() {
        // an unquoted key is an "unrecognized token": JSON parsers like to quote it back
        Exchange result = template.request("direct:placeholder",
                e -> e.getMessage().setBody("{\"writeKey\": " + WRITE_KEY + ", \"userId\": \"u\"}"));

        SegmentValidationException e = assertInstanceOf(SegmentValidationException.class, result.getException());
        assertNoSecret("validation message", e.getMessage());
    }

    @Test
    void batchFailureMessagesMaskTheKey() {
        wireMock.stubFor(post("/v1/batch").willReturn(aResponse().withStatus(403).withBody("key " + WRITE_KEY)));

        Exchange result = template.request("segment:batch?writeKey=RAW(" + WRITE_KEY + ")",
                e -> e.getMessage().setBody(List.of(Map.of("type", "identify", "userId", "u"))));

        SegmentBatchException e = assertInstanceOf(SegmentBatchException.class, result.getException());
        assertNoSecret("batch exception", e.getMessage());
        e.getFailures().forEach(f -> assertNoSecret("batch item failure", f.reason()));
    }

    /**
     * Runs failing calls of every kind (key in URI, header, body; error statuses, resets, exhausted retries, Camel's
     * error handler logging the exhausted exchange), then reads every log line the test JVM wrote so far.
     */
    @Test
    void logsNeverContainTheWriteKey() throws IOException {
        wireMock.stubFor(post("/v1/track").willReturn(aResponse().withStatus(401).withBody("bad key " + WRITE_KEY)));
        wireMock.stubFor(post("/v1/identify").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        wireMock.stubFor(post("/v1/batch").willReturn(aResponse().withStatus(503).withBody("busy " + WRITE_KEY)));

        template.request("direct:raw", e -> e.getMessage().setBody(Map.of("a", 1)));
        template.request("direct:plain", e -> e.getMessage().setBody(Map.of("a", 1)));
        template.request("direct:placeholder", e -> e.getMessage().setBody(Map.of("a", 1)));
        template.request("segment:identify?userId=u",
                e -> e.getMessage().setHeader(SegmentConstants.WRITE_KEY, WRITE_KEY));
        template.request("segment:track", e -> e.getMessage().setBody(
                Map.of("writeKey", WRITE_KEY, "userId", "u", "event", "E")));
        template.request("segment:batch", e -> e.getMessage().setBody(
                Map.of("writeKey", WRITE_KEY, "batch", List.of(Map.of("type", "identify", "userId", "u")))));
        context.getEndpoint("segment:page?writeKey=" + WRITE_KEY + "&userId=u");

        Path log = Path.of("target", "test-logs.log");
        assertTrue(Files.exists(log), "log4j2-test.properties writes " + log.toAbsolutePath());
        String logs = Files.readString(log);
        assertTrue(logs.contains("DeliveryAttemptLog"), "our retry lines are captured");
        assertNoSecret("test logs", logs);
    }
}
