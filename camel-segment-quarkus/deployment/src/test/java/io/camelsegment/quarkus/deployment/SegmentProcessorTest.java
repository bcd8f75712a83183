package io.camelsegment.quarkus.deployment;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import io.quarkus.builder.BuildContext;
import io.quarkus.builder.item.MultiBuildItem;
import io.quarkus.deployment.builditem.DevServicesResultBuildItem;
import io.quarkus.deployment.builditem.FeatureBuildItem;
import io.quarkus.deployment.builditem.ServiceStartBuildItem;
import io.quarkus.deployment.builditem.nativeimage.NativeImageResourceBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveClassBuildItem;
import io.quarkus.test.QuarkusUnitTest;
import org.apache.camel.quarkus.core.deployment.spi.CamelServiceBuildItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Builds an empty application with the extension and checks the build items that reach the native-image and Camel
 * build steps: the feature, the Camel services found at build time, and the reflection and resource registrations.
 * (Camel Quarkus binds the component itself into its registry in recorded bytecode, with no build item to check:
 * the integration test's application shows it resolved.)
 * The items are taken by a build step of the test's own, which writes them to system properties (the test runs in
 * another class loader than the build).
 */
class SegmentProcessorTest {

    private static final String PACKAGE = "io.camelsegment.component.segment.";
    private static final String PREFIX = "segment.test.items.";

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withEmptyApplication()
            .overrideConfigKey("quarkus.camel.segment.devservices.enabled", "false")
            .addBuildChainCustomizer(chain -> chain.addBuildStep(SegmentProcessorTest::record)
                    .consumes(FeatureBuildItem.class)
                    .consumes(CamelServiceBuildItem.class)
                    .consumes(ReflectiveClassBuildItem.class)
                    .consumes(NativeImageResourceBuildItem.class)
                    .consumes(DevServicesResultBuildItem.class)
                    .produces(ServiceStartBuildItem.class)
                    .build());

    private static void record(BuildContext context) {
        save(context, "features", FeatureBuildItem.class, item -> List.of(item.getName()));
        save(context, "services", CamelServiceBuildItem.class, item -> List.of(item.path.toString().replace('\\', '/')
                + "=" + item.type));
        save(context, "reflective", ReflectiveClassBuildItem.class, item -> List.copyOf(item.getClassNames()));
        save(context, "resources", NativeImageResourceBuildItem.class, NativeImageResourceBuildItem::getResources);
        save(context, "dev-services", DevServicesResultBuildItem.class, item -> List.of(item.getName()));
        context.produce(new ServiceStartBuildItem("segment-build-items-recorded"));
    }

    private static <T extends MultiBuildItem> void save(BuildContext context, String name, Class<T> type,
            Function<T, List<String>> values) {
        Set<String> all = new TreeSet<>();
        context.consumeMulti(type).forEach(item -> all.addAll(values.apply(item)));
        System.setProperty(PREFIX + name, String.join("\n", all));
    }

    private static Set<String> recorded(String name) {
        return new TreeSet<>(Arrays.asList(System.getProperty(PREFIX + name, "").split("\n")));
    }

    /** What was recorded about the component's own classes (the rest of Camel's list is long). */
    private static Set<String> recordedOfComponent(String name) {
        Set<String> ours = new TreeSet<>();
        recorded(name).stream().filter(value -> value.contains(PACKAGE)).forEach(ours::add);
        return ours;
    }

    @Test
    void registersTheFeature() {
        assertTrue(recorded("features").contains("camel-segment"), () -> "features: " + recorded("features"));
    }

    @Test
    void camelResolvesTheConfigurersAndUriFactoryFromBuildTimeDiscovery() {
        Set<String> services = new TreeSet<>();
        recordedOfComponent("services").forEach(service -> services.add(
                service.substring(service.indexOf("META-INF/services/org/apache/camel/"))));
        assertEquals(Set.of(
                "META-INF/services/org/apache/camel/configurer/segment-component=" + PACKAGE
                        + "SegmentComponentConfigurer",
                "META-INF/services/org/apache/camel/configurer/segment-endpoint=" + PACKAGE
                        + "SegmentEndpointConfigurer",
                "META-INF/services/org/apache/camel/urifactory/segment-endpoint=" + PACKAGE
                        + "SegmentEndpointUriFactory"), services);
    }

    @Test
    void registersForReflectionTheClassesCamelCreatesByNameAndTheOptionFields() {
        // Nothing else in the component is reached by reflection: Jackson only sees Map, List and JsonNode, and the
        // component reads only SegmentConfiguration's @UriParam fields (to check option text).
        assertEquals(Set.of(PACKAGE + "SegmentComponent", PACKAGE + "SegmentEndpoint", PACKAGE + "SegmentProducer",
                PACKAGE + "SegmentComponentConfigurer", PACKAGE + "SegmentEndpointConfigurer",
                PACKAGE + "SegmentEndpointUriFactory", PACKAGE + "SegmentConfiguration"),
                recordedOfComponent("reflective"));
    }

    @Test
    void addsTheVersionFileAndTheComponentModelToANativeImage() {
        Set<String> resources = recorded("resources");
        assertTrue(resources.contains("io/camelsegment/component/segment/camel-segment-version.properties"),
                () -> "resources: " + resources);
        assertTrue(resources.contains("META-INF/io/camelsegment/component/segment/segment.json"),
                () -> "resources: " + resources);
    }

    @Test
    void startsNoDevServiceWhenSwitchedOff() {
        // This application sets quarkus.camel.segment.devservices.enabled=false (and no write key).
        assertTrue(!recorded("dev-services").contains("camel-segment"), () -> "dev services: " + recorded("dev-services"));
    }
}
