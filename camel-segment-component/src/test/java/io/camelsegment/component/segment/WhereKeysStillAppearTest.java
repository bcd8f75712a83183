package io.camelsegment.component.segment;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Properties;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import io.camelsegment.component.segment.support.CapturedLog;
import io.camelsegment.component.segment.support.TrackingRequests;
import io.camelsegment.component.segment.support.WireMockSegmentTestSupport;
import org.apache.camel.Endpoint;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.test.junit5.TestExecutionConfiguration;
import org.apache.camel.util.URISupport;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The places the docs name where a key can still appear, outside the component's control: each is shown here, so
 * that the docs' claims stay true (if Camel or HttpClient start masking them, these tests say so).
 */
class WhereKeysStillAppearTest extends WireMockSegmentTestSupport {

    private static final String BASIC = Base64.getEncoder()
            .encodeToString((WRITE_KEY + ":").getBytes(StandardCharsets.UTF_8));

    /** A secret holding a ')', given inside RAW(...); the part after the ')' is what Camel's sanitizer shows. */
    private static final String PAREN_URI = "segment:batch?writeKey=RAW(wk_paren)KEY_TAIL)";

    @Override
    public void configureTest(TestExecutionConfiguration configuration) {
        super.configureTest(configuration);
        configuration.withJMX(true); // Camel's endpoint MBeans
    }

    /** A key given by placeholder. */
    private static final String PLACEHOLDER_KEY = "wk_FROM_PLACEHOLDER_q7";

    @Override
    protected Properties useOverridePropertiesWithPropertiesComponent() {
        Properties properties = new Properties();
        properties.setProperty("segment.writeKey", PLACEHOLDER_KEY);
        return properties;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:literal").routeId("literal")
                        .to("segment:track?event=E&userId=u&writeKey=RAW(" + WRITE_KEY + ")");
                from("direct:paren").routeId("paren").to(PAREN_URI); // endpoints of routes get an MBean
                from("direct:placeholder").routeId("placeholder")
                        .to("segment:track?event=E&userId=u&writeKey=RAW({{segment.writeKey}})");
            }
        };
    }

    @Test
    void endpointUriKeyAndRouteDumpHoldALiteralKeyEvenInsideRaw() throws Exception {
        Endpoint endpoint = context.getEndpoint("segment:track?writeKey=RAW(" + WRITE_KEY + ")");

        assertTrue(endpoint.getEndpointUri().contains(WRITE_KEY), endpoint.getEndpointUri());
        assertTrue(endpoint.getEndpointKey().contains(WRITE_KEY), endpoint.getEndpointKey());
        assertFalse(URISupport.sanitizeUri(endpoint.getEndpointUri()).contains(WRITE_KEY), "sanitized: masked");
        assertFalse(endpoint.toString().contains(WRITE_KEY), "toString: masked");
        String dump = PluginHelper.getModelToXMLDumper(context).dumpModelAsXml(context,
                ((ModelCamelContext) context).getRouteDefinition("literal"));
        assertTrue(dump.contains(WRITE_KEY), dump);
    }

    @Test
    void endpointUriAndKeyHoldAKeyGivenByPlaceholderResolvedRouteDumpsDoNot() throws Exception {
        Endpoint endpoint = context.getEndpoints().stream()
                .filter(e -> e.getEndpointUri().contains(PLACEHOLDER_KEY)).findFirst().orElseThrow();
        assertTrue(endpoint.getEndpointKey().contains(PLACEHOLDER_KEY), endpoint.getEndpointKey());
        assertFalse(endpoint.toString().contains(PLACEHOLDER_KEY), "toString: masked");
        String dump = PluginHelper.getModelToXMLDumper(context).dumpModelAsXml(context,
                ((ModelCamelContext) context).getRouteDefinition("placeholder"));
        assertTrue(dump.contains("{{segment.writeKey}}") && !dump.contains(PLACEHOLDER_KEY), dump);
    }

    /**
     * Camel's sanitizer ends a RAW(...) value at its first ')'. Where Camel prints an endpoint URI itself through it
     * (its DEBUG lines on creating an endpoint, ResolveEndpointFailedException, the endpoint MBeans' names and
     * EndpointUri), a secret holding a ')' shows from there on.
     */
    @Test
    void camelsSanitizerShowsTheRestOfASecretAfterAParenthesisInsideRaw() throws Exception {
        try (CapturedLog log = CapturedLog.debug("org.apache.camel.support.DefaultComponent",
                "org.apache.camel.impl.engine.AbstractCamelContext")) {
            Endpoint endpoint = context.getEndpoint(PAREN_URI + "&maxRetries=1"); // a new one: the route's exists
            assertFalse(endpoint.toString().contains("KEY_TAIL"), "toString: masked by the component");
            String text = log.text();
            assertTrue(text.contains("Creating endpoint uri=[segment://batch?maxRetries=1&writeKey=xxxxxxKEY_TAIL)]"),
                    text);
            assertTrue(text.contains("segment://batch?maxRetries=1&writeKey=xxxxxxKEY_TAIL) converted to endpoint"),
                    text);
        }

        ResolveEndpointFailedException invalid = assertThrows(ResolveEndpointFailedException.class,
                () -> context.getEndpoint(PAREN_URI + "&batchSize=0"));
        assertTrue(invalid.getMessage().contains("writeKey=xxxxxxKEY_TAIL)"), invalid.getMessage());

        MBeanServer server = context.getManagementStrategy().getManagementAgent().getMBeanServer();
        ObjectName mbean = server.queryNames(new ObjectName("org.apache.camel:type=endpoints,*"), null).stream()
                .filter(name -> name.toString().contains("KEY_TAIL")).findFirst().orElseThrow();
        assertTrue(server.getAttribute(mbean, "EndpointUri").toString().contains("KEY_TAIL"), mbean::toString);
    }

    /** Camel's sanitizer masks extra keywords (writeKey: the component's) once per URI, the first match only. */
    @Test
    void camelsSanitizerMasksOnlyTheFirstOptionNamedLikeWriteKey() {
        String uri = "segment:removeSourceWriteKey?sourceId=s1&accessToken=RAW(" + ACCESS_TOKEN + ")&writeKey=RAW("
                     + WRITE_KEY + ")&writeKeyToRemove=wk_REMOVED_z";
        try (CapturedLog log = CapturedLog.debug("org.apache.camel.support.DefaultComponent")) {
            Endpoint endpoint = context.getEndpoint(uri);
            assertFalse(endpoint.toString().contains("wk_REMOVED_z"), "toString: masked by the component");
            assertTrue(log.text().contains("writeKey=xxxxxx&writeKeyToRemove=wk_REMOVED_z"), log.text());
        }
    }

    /**
     * An option Camel does not know (here a misspelt writeKey) is no secret to its sanitizer, and Camel wraps the
     * component's errors in an exception that prints the URI through it: the value shows, in the URI and in the list
     * of unknown parameters.
     */
    @Test
    void aMisspeltOptionShowsItsValueInCamelsError() {
        String value = "wk_MISSPELT_Qz41";
        try (CapturedLog log = CapturedLog.debug("org.apache.camel.support.DefaultComponent")) {
            ResolveEndpointFailedException e = assertThrows(ResolveEndpointFailedException.class,
                    () -> context.getEndpoint("segment:track?event=E&userId=u&wirteKey=" + value));
            assertTrue(e.getMessage().contains("&wirteKey=" + value + " due to"), e.getMessage());
            assertTrue(e.getMessage().contains("Unknown parameters=[{wirteKey=" + value + "}]"), e.getMessage());
            assertTrue(log.text().contains("wirteKey=" + value), log.text());
        }
    }

    /** At TRACE, Camel prints the options of every endpoint it creates with their values, also within RAW(...). */
    @Test
    void camelAtTracePrintsEveryEndpointOptionWithItsValue() {
        try (CapturedLog log = CapturedLog.trace("org.apache.camel.support.DefaultComponent")) {
            context.getEndpoint("segment:track?maxRetries=1&writeKey=RAW(" + WRITE_KEY + ")");
            assertTrue(log.text().contains("writeKey=" + WRITE_KEY), log.text());
        }
    }

    @Test
    void httpClientHeadersLoggerAtDebugPrintsTheCredentialsAndTheKeyToRemove() {
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{\"data\":{}}")));
        String keyToRemove = "wk_to_remove_Zx81";
        try (CapturedLog log = CapturedLog.debug("org.apache.hc.client5.http.headers")) {
            template.request("direct:literal", e -> e.getMessage().setBody(Map.of("a", 1)));
            template.request("segment:removeSourceWriteKey?sourceId=s1&accessToken=RAW(" + ACCESS_TOKEN + ")",
                    e -> e.getMessage().setHeader(SegmentConstants.WRITE_KEY_TO_REMOVE, keyToRemove));

            String text = log.text();
            assertTrue(text.contains("Authorization: Basic " + BASIC), text);
            assertTrue(text.contains("Authorization: Bearer " + ACCESS_TOKEN), text);
            assertTrue(text.contains("/writekey/" + keyToRemove), text);
        }
    }

    @Test
    void camelMainAtDebugPrintsTheAccessTokenItBinds() throws Exception {
        Main main = new Main();
        main.addInitialProperty("camel.component.segment.access-token", ACCESS_TOKEN);
        main.addInitialProperty("camel.component.segment.tracking-url", trackingUrl());
        try (CapturedLog log = CapturedLog.debug("org.apache.camel.main", "org.apache.camel.main.BaseMainSupport",
                "org.apache.camel.main.MainHelper")) {
            main.start();
            main.stop();
            assertTrue(log.text().contains(ACCESS_TOKEN), log.text());
        }
        TrackingRequests.acceptAll(wireMock); // (the Main never sent anything)
    }
}
