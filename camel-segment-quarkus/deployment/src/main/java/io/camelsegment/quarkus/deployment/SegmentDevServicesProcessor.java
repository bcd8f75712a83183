package io.camelsegment.quarkus.deployment;

import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Function;

import io.quarkus.deployment.IsDevServicesSupportedByLaunchMode;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.builditem.DevServicesResultBuildItem;
import io.quarkus.deployment.dev.devservices.DevServicesConfig;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * Dev Services for camel-segment: in dev and test mode (never in production mode, see the step's condition), when the
 * application does not say where events go, starts the test kit's receiver and points the component at it.
 */
class SegmentDevServicesProcessor {

    private static final Logger LOG = Logger.getLogger(SegmentDevServicesProcessor.class);

    static final String WRITE_KEY = "camel.component.segment.write-key";
    static final String TRACKING_URL = "camel.component.segment.tracking-url";
    /** Either spelling Camel accepts; an environment variable (CAMEL_COMPONENT_SEGMENT_WRITE_KEY) maps to the first. */
    private static final List<String> TARGET_PROPERTIES = List.of(WRITE_KEY, "camel.component.segment.writeKey",
            TRACKING_URL, "camel.component.segment.trackingUrl");

    @BuildStep(onlyIf = { IsDevServicesSupportedByLaunchMode.class, DevServicesConfig.Enabled.class })
    void startReceiver(SegmentBuildTimeConfig config, BuildProducer<DevServicesResultBuildItem> devServices) {
        if (!config.devservices().enabled()) {
            LOG.debug("Dev Services for Camel Segment are disabled (quarkus.camel.segment.devservices.enabled)");
            return;
        }
        Optional<String> configured = configuredTarget(ConfigProvider.getConfig());
        if (configured.isPresent()) {
            LOG.debugf("Dev Services for Camel Segment not started: %s is configured", configured.get());
            return;
        }
        Map<String, Function<SegmentDevReceiver, String>> settings = Map.of(
                TRACKING_URL, SegmentDevReceiver::trackingUrl,
                WRITE_KEY, SegmentDevReceiver::writeKey);
        devServices.produce(DevServicesResultBuildItem.<SegmentDevReceiver> owned()
                .feature(SegmentProcessor.FEATURE)
                .description("Segment-compatible Tracking API receiver (camel-segment-test)")
                .serviceConfig(config.devservices().enabled())
                .startable(SegmentDevReceiver::new)
                .postStartHook(SegmentDevReceiver::logWhereItListens)
                .configProvider(settings)
                .build());
    }

    /** The first property that already gives a write key or a tracking URL, if any. */
    static Optional<String> configuredTarget(Config config) {
        return TARGET_PROPERTIES.stream().filter(name -> isSet(config, name)).findFirst();
    }

    /**
     * Read raw: a value such as {@code ${SEGMENT_WRITE_KEY}} counts as set, even when its variable is only defined
     * where the application runs (expanding it at build time then fails, which also means it is set).
     */
    private static boolean isSet(Config config, String name) {
        try {
            String raw = config.getConfigValue(name).getRawValue();
            return raw != null && !raw.isBlank();
        } catch (NoSuchElementException | IllegalArgumentException unresolvable) {
            return true;
        }
    }
}
