package io.camelsegment.component.segment;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import io.camelsegment.component.segment.support.CapturedLog;
import io.camelsegment.component.segment.support.TrackingRequests;
import io.camelsegment.component.segment.support.WireMockSegmentTestSupport;
import org.apache.camel.Endpoint;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.util.URISupport;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The places the docs name where a key can still appear, outside the component's control: each is shown here, so
 * that the docs' claims stay true (if Camel or HttpClient start masking them, these tests say so).
 */
class WhereKeysStillAppearTest extends WireMockSegmentTestSupport {

    private static final String BASIC = Base64.getEncoder()
            .encodeToString((WRITE_KEY + ":").getBytes(StandardCharsets.UTF_8));

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:literal").routeId("literal")
                        .to("segment:track?event=E&userId=u&writeKey=RAW(" + WRITE_KEY + ")");
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
