package io.camelsegment.quarkus.deployment;

import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Build-time settings of the camel-segment extension. */
@ConfigMapping(prefix = "quarkus.camel.segment")
@ConfigRoot(phase = ConfigPhase.BUILD_TIME)
public interface SegmentBuildTimeConfig {

    /** Dev Services: a local Segment-compatible receiver in dev and test mode. */
    DevServices devservices();

    interface DevServices {

        /**
         * Whether, in dev and test mode, a local Segment-compatible Tracking API receiver is started and the
         * component pointed at it when neither {@code camel.component.segment.write-key} nor
         * {@code camel.component.segment.tracking-url} is configured. Never in production mode.
         */
        @WithDefault("true")
        boolean enabled();
    }
}
