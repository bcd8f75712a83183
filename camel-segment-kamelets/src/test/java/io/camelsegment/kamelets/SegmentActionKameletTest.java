package io.camelsegment.kamelets;

import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.camelsegment.component.segment.SegmentConstants;
import org.apache.camel.CamelContext;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * segment-action loaded by camel-kamelet from kamelets/segment-action.kamelet.yaml, as a step of YAML DSL routes,
 * calling a WireMock server that stands in for Segment's Public API.
 */
class SegmentActionKameletTest extends CamelTestSupport {

    private static final String TOKEN = "sgp_KAMELET_t0k3n";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static WireMockServer publicApi;

    @BeforeAll
    static void startPublicApi() {
        publicApi = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        publicApi.start();
    }

    @AfterAll
    static void stopPublicApi() {
        publicApi.stop();
    }

    @BeforeEach
    void forgetRequests() {
        publicApi.resetAll();
    }

    @Override
    protected Properties useOverridePropertiesWithPropertiesComponent() {
        Properties properties = new Properties();
        properties.put("segment.access-token", TOKEN);
        properties.put("segment.public-api-url", "http://127.0.0.1:" + publicApi.port());
        return properties;
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        KameletRoutes.load(context, "routes/segment-action-routes.camel.yaml");
        return context;
    }

    @Test
    void callsTheOperationAndContinuesWithItsResultAsJson() throws Exception {
        MockEndpoint result = answerAndExpect(get(urlPathEqualTo("/destinations/dest-1")),
                "{\"data\":{\"destination\":{\"id\":\"dest-1\",\"name\":\"Warehouse\",\"enabled\":true}}}",
                "mock:destination", 1);

        template.sendBodyAndHeader("direct:destination", null, SegmentConstants.DESTINATION_ID, "dest-1");

        result.assertIsSatisfied();
        String body = result.getExchanges().get(0).getMessage().getBody(String.class);
        assertEquals(MAPPER.readTree("{\"destination\":{\"id\":\"dest-1\",\"name\":\"Warehouse\",\"enabled\":true}}"),
                MAPPER.readTree(body));
        LoggedRequest request = onlyRequest();
        assertEquals("GET", request.getMethod().getName());
        assertEquals("Bearer " + TOKEN, request.getHeader("Authorization"));
        assertEquals("application/vnd.segment.v1+json", request.getHeader("Accept"));
    }

    @Test
    void passesTheKameletsPropertiesAsTheOperationsInputs() throws Exception {
        MockEndpoint result = answerAndExpect(post(urlPathEqualTo("/sources/src-1/labels")),
                "{\"data\":{\"labels\":[{\"key\":\"environment\",\"value\":\"prod\"},"
                + "{\"key\":\"team\",\"value\":\"growth\"}]}}",
                "mock:labelled", 1);

        template.sendBody("direct:label", null);

        result.assertIsSatisfied();
        LoggedRequest request = onlyRequest();
        assertEquals(MAPPER.readTree("{\"labels\":[{\"key\":\"environment\",\"value\":\"prod\"},"
                                     + "{\"key\":\"team\",\"value\":\"growth\"}]}"),
                MAPPER.readTree(request.getBodyAsString()));
        JsonNode body = MAPPER.readTree(result.getExchanges().get(0).getMessage().getBody(String.class));
        assertEquals("growth", body.at("/labels/1/value").asText());
    }

    /** The key to revoke comes from the writeKeyToRemove property, or from its header when the property is unset. */
    @Test
    void removesTheWriteKeyGivenAsPropertyOrHeader() throws Exception {
        MockEndpoint result = answerAndExpect(delete(urlPathMatching("/sources/src-1/writekey/.*")),
                "{\"data\":{\"status\":\"SUCCESS\"}}",
                "mock:removed", 2);

        template.sendBody("direct:removeKeyFromProperty", null);
        template.sendBodyAndHeader("direct:removeKeyFromHeader", null, SegmentConstants.WRITE_KEY_TO_REMOVE,
                "old-key-2");

        result.assertIsSatisfied();
        var requests = publicApi.findAll(anyRequestedFor(anyUrl()));
        assertEquals(2, requests.size(), requests.toString());
        assertEquals("DELETE", requests.get(0).getMethod().getName());
        assertEquals("/sources/src-1/writekey/old-key-1", requests.get(0).getUrl());
        assertEquals("/sources/src-1/writekey/old-key-2", requests.get(1).getUrl());
    }

    /** Segment answers this request with the JSON, and the mock endpoint expects this many messages. */
    private MockEndpoint answerAndExpect(MappingBuilder request, String json, String mock, int messages) {
        publicApi.stubFor(request.willReturn(
                aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(json)));
        MockEndpoint result = getMockEndpoint(mock);
        result.expectedMessageCount(messages);
        return result;
    }

    private static LoggedRequest onlyRequest() {
        var requests = publicApi.findAll(anyRequestedFor(anyUrl()));
        assertEquals(1, requests.size(), requests.toString());
        return requests.get(0);
    }
}
