package io.camelsegment.component.segment.http;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.camelsegment.component.segment.SegmentComponent;
import io.camelsegment.component.segment.support.WireMockSegmentTestSupport;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * The SegmentHttpClientConfigurer hook: autowired when the registry holds exactly one, or named per endpoint; it sees
 * the builders of the client and pool the component builds, and what it adds reaches Segment.
 */
class HttpClientConfigurerTest extends WireMockSegmentTestSupport {

    private static final String TRACK = "segment:track?writeKey=RAW(" + WRITE_KEY + ")&event=Signed Up&userId=u1";

    /** Adds a header to every request and counts the clients it configured. */
    static final class TaggingConfigurer implements SegmentHttpClientConfigurer {
        final String tag;
        final List<String> configured = new CopyOnWriteArrayList<>();

        TaggingConfigurer(String tag) {
            this.tag = tag;
        }

        @Override
        public void configureConnectionManager(PoolingHttpClientConnectionManagerBuilder builder) {
            configured.add("pool");
        }

        @Override
        public void configureHttpClient(HttpClientBuilder builder) {
            configured.add("client");
            builder.addRequestInterceptorFirst((request, entity, context) -> request.setHeader("X-Tag", tag));
        }
    }

    private final TaggingConfigurer autowired = new TaggingConfigurer("autowired");

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        // As in an application: the bean is in the registry before Camel creates the component (on first use).
        context.removeComponent("segment");
        context.getRegistry().bind("theOnlyConfigurer", autowired);
        return context;
    }

    private Exchange track(String options) {
        wireMock.stubFor(post("/v1/track").willReturn(aResponse().withStatus(200).withBody("{\"success\":true}")));
        return template.request(TRACK + "&trackingUrl=" + trackingUrl() + options, e -> e.getMessage().setBody(Map.of("plan", "pro")));
    }

    @Test
    void theOnlyConfigurerInTheRegistryIsAutowired() {
        assertSame(autowired, context.getComponent("segment", SegmentComponent.class).getConfiguration()
                .getHttpClientConfigurer());

        assertNull(track("").getException());
        assertNull(track("&userId=u2").getException());

        wireMock.verify(2, postRequestedFor(urlEqualTo("/v1/track")).withHeader("X-Tag", equalTo("autowired")));
        assertEquals(List.of("pool", "client"), autowired.configured, "one client, configured once");
    }

    @Test
    void anEndpointCanNameItsOwnConfigurerAndGetsItsOwnClient() {
        assertNull(track("").getException()); // creates the component: one configurer in the registry, autowired
        TaggingConfigurer own = new TaggingConfigurer("own");
        context.getRegistry().bind("ownConfigurer", own);

        assertNull(track("&httpClientConfigurer=#ownConfigurer").getException());

        wireMock.verify(1, postRequestedFor(urlEqualTo("/v1/track")).withHeader("X-Tag", equalTo("own")));
        wireMock.verify(1, postRequestedFor(urlEqualTo("/v1/track")).withHeader("X-Tag", equalTo("autowired")));
        assertEquals(List.of("pool", "client"), own.configured);
    }
}
