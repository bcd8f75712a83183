package io.camelsegment.quarkus.deployment;

import io.camelsegment.component.segment.SegmentComponent;
import io.camelsegment.component.segment.SegmentConfiguration;
import io.quarkus.builder.BuildContext;
import io.quarkus.deployment.builditem.DevServicesResultBuildItem;
import io.quarkus.deployment.builditem.ServiceStartBuildItem;
import io.quarkus.test.QuarkusUnitTest;
import jakarta.inject.Inject;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Test mode with a write key configured: no Dev Service, and the component keeps the application's settings (its
 * tracking URL stays the region's). The Dev Services that the build produced are written to a system property by a
 * build step of the test's own (the build runs in another class loader).
 */
class SegmentDevServicesNotStartedTest {

    private static final String DEV_SERVICES = "segment.test.not-started.dev-services";

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withEmptyApplication()
            .overrideConfigKey("camel.component.segment.write-key", "the-application-key")
            .addBuildChainCustomizer(chain -> chain.addBuildStep(SegmentDevServicesNotStartedTest::record)
                    .consumes(DevServicesResultBuildItem.class)
                    .produces(ServiceStartBuildItem.class)
                    .build());

    @Inject
    CamelContext context;

    private static void record(BuildContext context) {
        System.setProperty(DEV_SERVICES, String.join(",", context.consumeMulti(DevServicesResultBuildItem.class)
                .stream().map(DevServicesResultBuildItem::getName).toList()));
        context.produce(new ServiceStartBuildItem("segment-dev-services-recorded"));
    }

    @Test
    void noReceiverIsStartedWhenAWriteKeyIsSet() {
        assertEquals("", System.getProperty(DEV_SERVICES));
        SegmentConfiguration configuration = context.getComponent("segment", SegmentComponent.class).getConfiguration();
        assertEquals("the-application-key", configuration.getWriteKey());
        assertNull(configuration.getTrackingUrl());
    }
}
