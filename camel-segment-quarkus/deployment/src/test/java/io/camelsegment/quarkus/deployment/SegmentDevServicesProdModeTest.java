package io.camelsegment.quarkus.deployment;

import io.camelsegment.component.segment.SegmentComponent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.test.QuarkusProdModeTest;
import jakarta.enterprise.event.Observes;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Production mode, with neither a write key nor a tracking URL: the packaged application runs with the component as
 * configured (no tracking URL of a local receiver), and no Dev Service is started or announced.
 */
class SegmentDevServicesProdModeTest {

    @RegisterExtension
    static final QuarkusProdModeTest APP = new QuarkusProdModeTest()
            .withApplicationRoot(jar -> jar.addClass(TrackingUrlReport.class))
            .setApplicationName("segment-prod-mode")
            .setApplicationVersion("0.1.0")
            .setRun(true);

    @Test
    void noReceiverInProductionMode() {
        String output = APP.getStartupConsoleOutput();
        assertTrue(output.contains("segment tracking URL in force: none"), output);
        assertFalse(output.contains("Dev Services for Camel Segment"), output);
    }

    /** Part of the packaged application: reports the component's tracking URL once Camel runs. */
    @jakarta.inject.Singleton
    public static class TrackingUrlReport {
        void report(@Observes StartupEvent started, CamelContext context) {
            String url = context.getComponent("segment", SegmentComponent.class).getConfiguration().getTrackingUrl();
            org.jboss.logging.Logger.getLogger(TrackingUrlReport.class)
                    .info("segment tracking URL in force: " + (url == null ? "none" : url));
        }
    }
}
