package io.camelsegment.component.segment;

import java.util.List;
import java.util.Map;
import java.util.Properties;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.camelsegment.component.segment.support.WireMockSegmentTestSupport;
import org.apache.camel.Exchange;
import org.apache.camel.support.PluginHelper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.camelsegment.component.segment.support.TrackingRequests.acceptAll;
import static io.camelsegment.component.segment.support.TrackingRequests.all;
import static io.camelsegment.component.segment.support.TrackingRequests.basicAuth;
import static io.camelsegment.component.segment.support.TrackingRequests.batchMessageIds;
import static io.camelsegment.component.segment.support.TrackingRequests.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** YAML DSL routes with segment: endpoints load (options and headers resolve) and run. */
class YamlDslRoutesTest extends WireMockSegmentTestSupport {

    @Override
    protected Properties useOverridePropertiesWithPropertiesComponent() {
        Properties p = new Properties();
        p.setProperty("segment.writeKey", WRITE_KEY);
        return p;
    }

    @BeforeEach
    void loadYamlRoutes() throws Exception {
        acceptAll(wireMock);
        PluginHelper.getRoutesLoader(context).loadRoutes(
                PluginHelper.getResourceLoader(context).resolveResource("classpath:routes/segment-routes.yaml"));
    }

    @Test
    void yamlTrackRouteSends() {
        Exchange result = template.request("direct:yaml-track",
                e -> e.getMessage().setBody(Map.of("customerId", "c-42", "revenue", 99)));

        assertNull(result.getException());
        LoggedRequest request = all(wireMock).get(0);
        assertEquals("/v1/track", request.getUrl());
        assertEquals(basicAuth(WRITE_KEY), request.getHeader("Authorization"));
        ObjectNode sent = body(request);
        assertEquals("c-42", sent.get("userId").asText());
        assertEquals("Order Completed", sent.get("event").asText());
        assertEquals(99, sent.at("/properties/revenue").asInt());
    }

    @Test
    void yamlBatchRouteSends() {
        Exchange result = template.request("direct:yaml-batch", e -> e.getMessage().setBody(List.of(
                Map.of("type", "identify", "userId", "u1", "messageId", "y1"),
                Map.of("type", "track", "userId", "u1", "event", "E", "messageId", "y2"),
                Map.of("type", "page", "userId", "u1", "name", "Home", "messageId", "y3"))));

        assertNull(result.getException());
        List<LoggedRequest> requests = all(wireMock);
        assertEquals(2, requests.size(), "batchSize=2 from the YAML URI");
        assertEquals(List.of("y1", "y2"), batchMessageIds(requests.get(0)));
        assertEquals(List.of("y3"), batchMessageIds(requests.get(1)));
    }
}
