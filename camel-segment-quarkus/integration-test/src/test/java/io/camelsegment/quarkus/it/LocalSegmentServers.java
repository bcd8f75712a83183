package io.camelsegment.quarkus.it;

import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * Starts a local server that answers as Segment's Tracking API and Public API would, and supplies the
 * {@code segment.*} properties the application's {@code application.properties} refers to.
 */
public class LocalSegmentServers implements QuarkusTestResourceLifecycleManager {

    static final String DESTINATION_ID = "dst-quarkus-1";

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        server.stubFor(post(urlEqualTo("/v1/track")).willReturn(ok("{\"success\":true}")));
        server.stubFor(post(urlEqualTo("/v1/batch")).willReturn(ok("{\"success\":true}")));
        server.stubFor(get(urlEqualTo("/destinations/" + DESTINATION_ID)).willReturn(ok(
                "{\"data\":{\"destination\":{\"id\":\"" + DESTINATION_ID + "\",\"name\":\"Warehouse\","
                        + "\"enabled\":true,\"sourceId\":\"src-1\"}}}")));
        return Map.of(
                "segment.write-key", "wk-" + UUID.randomUUID(),
                "segment.tracking-url", server.baseUrl() + "/v1",
                "segment.access-token", "token-" + UUID.randomUUID(),
                "segment.public-api-url", server.baseUrl());
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder ok(String json) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(json);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
