package io.camelsegment.karaf.it;

import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.util.tracker.BundleTracker;

/**
 * The component bundles, chosen by the rules camel-karaf's activator applies: an active bundle that carries Camel
 * component descriptors ({@code META-INF/services/org/apache/camel/component/}) and whose imports of Camel's API
 * ({@code org.apache.camel} for components, {@code org.apache.camel.spi} for their generated configurers) are wired
 * to the Camel bundle in use, here this one. Each bundle is used through its own class loader, so its classes see
 * exactly the packages its manifest imports.
 */
final class ComponentBundles extends BundleTracker<Bundle> {

    static final String COMPONENT_DESCRIPTORS = "META-INF/services/org/apache/camel/component/";
    private static final List<String> CAMEL_API_PACKAGES = List.of("org.apache.camel", "org.apache.camel.spi");

    private final Map<Long, Bundle> bundles = new ConcurrentHashMap<>();

    ComponentBundles(BundleContext context) {
        super(context, Bundle.ACTIVE, null);
    }

    @Override
    public Bundle addingBundle(Bundle bundle, BundleEvent event) {
        if (bundle.getBundleId() != context.getBundle().getBundleId()
                && bundle.getEntry(COMPONENT_DESCRIPTORS) != null && importsCamelApiFromUs(bundle)) {
            bundles.put(bundle.getBundleId(), bundle);
            return bundle;
        }
        return null;
    }

    private boolean importsCamelApiFromUs(Bundle bundle) {
        BundleWiring wiring = bundle.adapt(BundleWiring.class);
        if (wiring == null) {
            return false;
        }
        List<BundleWire> wires = wiring.getRequiredWires(BundleRevision.PACKAGE_NAMESPACE);
        return CAMEL_API_PACKAGES.stream().allMatch(pkg -> wires.stream().anyMatch(wire ->
                pkg.equals(wire.getCapability().getAttributes().get(BundleRevision.PACKAGE_NAMESPACE))
                        && wire.getProvider().getBundle().getBundleId() == context.getBundle().getBundleId()));
    }

    @Override
    public void removedBundle(Bundle bundle, BundleEvent event, Bundle tracked) {
        bundles.remove(bundle.getBundleId());
    }

    /** The bundle that declares the component {@code scheme}, if one is active. */
    Optional<Bundle> declaring(String scheme) {
        return bundles.values().stream().filter(b -> b.getEntry(COMPONENT_DESCRIPTORS + scheme) != null).findFirst();
    }

    /** A resource of one of the component bundles (bundle entries only: no class loading, no imports followed). */
    Optional<URL> entry(String path) {
        String name = path.startsWith("/") ? path.substring(1) : path;
        return bundles.values().stream().map(b -> b.getEntry(name)).filter(u -> u != null).findFirst();
    }

    static ClassLoader classLoaderOf(Bundle bundle) {
        return bundle.adapt(BundleWiring.class).getClassLoader();
    }
}
