package io.camelsegment.quarkus.it;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.camelsegment.test.SegmentReceiver;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * Starts what stands in for Segment: the test kit's Tracking API receiver (accepting only the application's write
 * key) and a WireMock server answering one Public API call, and supplies the {@code segment.*} properties the
 * application's {@code application.properties} refers to. The receiver is injected into the test's
 * {@link Receiver}-annotated field.
 */
public class LocalSegmentServers implements QuarkusTestResourceLifecycleManager {

    static final String DESTINATION_ID = "dst-quarkus-1";

    /** Marks the test's field for the running receiver. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface Receiver {
    }

    private SegmentReceiver receiver;
    private WireMockServer publicApi;

    @Override
    public Map<String, String> start() {
        receiver = SegmentReceiver.start("wk-" + UUID.randomUUID());
        publicApi = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        publicApi.start();
        publicApi.stubFor(get(urlEqualTo("/destinations/" + DESTINATION_ID)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"data\":{\"destination\":{\"id\":\"" + DESTINATION_ID + "\",\"name\":\"Warehouse\","
                        + "\"enabled\":true,\"sourceId\":\"src-1\"}}}")));
        return Map.of(
                "segment.write-key", receiver.writeKey(),
                "segment.tracking-url", receiver.trackingUrl(),
                "segment.access-token", "token-" + UUID.randomUUID(),
                "segment.public-api-url", publicApi.baseUrl());
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(receiver, new TestInjector.AnnotatedAndMatchesType(Receiver.class,
                SegmentReceiver.class));
    }

    @Override
    public void stop() {
        if (publicApi != null) {
            publicApi.stop();
        }
        if (receiver != null) {
            receiver.close();
        }
    }
}
