package io.camelsegment.component.segment.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.camelsegment.component.segment.SegmentComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * Camel test base with a WireMock server on loopback standing in for Segment. The component is pointed at it with a
 * fast retry policy, so that retry tests take milliseconds.
 */
public abstract class WireMockSegmentTestSupport extends CamelTestSupport {

    public static final String WRITE_KEY = "wk_TEST_s3cr3t_9f8e7d";
    public static final String ACCESS_TOKEN = "sgp_TEST_t0k3n_1a2b3c";
    protected static final ObjectMapper MAPPER = new ObjectMapper();

    protected WireMockServer wireMock;


    @Override
    protected CamelContext createCamelContext() throws Exception {
        if (wireMock == null) {
            wireMock = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
            wireMock.start();
        }
        CamelContext context = super.createCamelContext();
        SegmentComponent component = new SegmentComponent();
        component.getConfiguration().setTrackingUrl(trackingUrl());
        component.getConfiguration().setPublicApiUrl(publicApiUrl());
        component.getConfiguration().setRetryBackoffBase(1);
        component.getConfiguration().setRetryBackoffMax(5);
        component.getConfiguration().setMaxRetries(3);
        context.addComponent("segment", component);
        return context;
    }

    @AfterEach
    void stopWireMock() {
        if (wireMock != null) {
            wireMock.stop();
            wireMock = null;
        }
    }

    protected String trackingUrl() {
        return "http://127.0.0.1:" + wireMock.port() + "/v1";
    }

    protected String publicApiUrl() {
        return "http://127.0.0.1:" + wireMock.port();
    }

    protected static JsonNode json(LoggedRequest request) {
        try {
            return MAPPER.readTree(request.getBody());
        } catch (Exception e) {
            throw new AssertionError("request body is not JSON: " + request.getBodyAsString(), e);
        }
    }
}
