package io.camelsegment.quarkus.deployment;

import io.camelsegment.component.segment.SegmentConfiguration;
import io.camelsegment.component.segment.SegmentVersion;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.builditem.FeatureBuildItem;
import io.quarkus.deployment.builditem.IndexDependencyBuildItem;
import io.quarkus.deployment.builditem.nativeimage.NativeImageResourceBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveClassBuildItem;

/**
 * Build steps of the camel-segment extension.
 * <p>
 * What Camel Quarkus core already does for the component, once its jar is indexed: it reads
 * {@code META-INF/services/org/apache/camel/{component,configurer,urifactory}/segment*} at build time (the component
 * is put in the registry, the configurers and URI factory are resolved without classpath lookups at run time),
 * registers those classes for reflection, and adds {@code segment.json} to a native image while the runtime catalog
 * is enabled (its default). The component binds no types of its own with Jackson (bodies become {@code Map},
 * {@code List} or {@code JsonNode}); POJO bodies are the application's to register ({@code @RegisterForReflection}).
 * What this extension registers itself: the fields of {@link SegmentConfiguration}, whose {@code @UriParam}
 * annotations the component reads to check option text (a number, a duration, a boolean) before Camel converts it.
 */
class SegmentProcessor {

    static final String FEATURE = "camel-segment";
    static final String COMPONENT_GROUP_ID = "io.camelsegment";
    static final String COMPONENT_ARTIFACT_ID = "camel-segment";
    /** Read by {@link SegmentVersion} with getResourceAsStream (User-Agent and context.library.version). */
    static final String VERSION_RESOURCE = SegmentVersion.class.getPackageName().replace('.', '/')
            + "/camel-segment-version.properties";

    @BuildStep
    FeatureBuildItem feature() {
        return new FeatureBuildItem(FEATURE);
    }

    /** The component's classes and generated metadata are found in its index, whether or not the jar carries one. */
    @BuildStep
    IndexDependencyBuildItem indexComponent() {
        return new IndexDependencyBuildItem(COMPONENT_GROUP_ID, COMPONENT_ARTIFACT_ID);
    }

    /** The options' declared types, read reflectively when endpoint option text is checked. */
    @BuildStep
    ReflectiveClassBuildItem configurationFields() {
        return ReflectiveClassBuildItem.builder(SegmentConfiguration.class).fields()
                .reason("camel-segment reads the @UriParam fields of SegmentConfiguration to check option text")
                .build();
    }

    @BuildStep
    NativeImageResourceBuildItem versionResource() {
        return new NativeImageResourceBuildItem(VERSION_RESOURCE);
    }
}
