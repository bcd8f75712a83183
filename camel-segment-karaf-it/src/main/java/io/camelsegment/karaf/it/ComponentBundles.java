package io.camelsegment.karaf.it;

import java.net.URL;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.util.tracker.BundleTracker;

/**
 * The resolved bundles that carry Camel component descriptors ({@code META-INF/services/org/apache/camel/component/}),
 * the way camel-karaf's activator finds components in other bundles. Each bundle is used through its own class
 * loader, so its classes see exactly the packages its manifest imports.
 */
final class ComponentBundles extends BundleTracker<Bundle> {

    static final String COMPONENT_DESCRIPTORS = "META-INF/services/org/apache/camel/component/";

    private final Map<Long, Bundle> bundles = new ConcurrentHashMap<>();

    ComponentBundles(BundleContext context) {
        super(context, Bundle.RESOLVED | Bundle.STARTING | Bundle.ACTIVE, null);
    }

    @Override
    public Bundle addingBundle(Bundle bundle, BundleEvent event) {
        if (bundle.getBundleContext() != context && bundle.getEntry(COMPONENT_DESCRIPTORS) != null) {
            bundles.put(bundle.getBundleId(), bundle);
            return bundle;
        }
        return null;
    }

    @Override
    public void removedBundle(Bundle bundle, BundleEvent event, Bundle tracked) {
        bundles.remove(bundle.getBundleId());
    }

    /** The bundle that declares the component {@code scheme}, if one is resolved. */
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
