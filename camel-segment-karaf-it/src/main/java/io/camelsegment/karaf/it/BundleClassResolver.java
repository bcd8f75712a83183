package io.camelsegment.karaf.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.engine.DefaultClassResolver;

/**
 * Camel's class resolver, extended to the component bundles: Camel's factory finder reads a scheme's descriptor
 * through {@link #loadResourceAsStream} and loads the class it names through {@link #resolveClass}, which also
 * searches the class loaders added with {@link #addClassLoader} (each component bundle's own).
 */
final class BundleClassResolver extends DefaultClassResolver {

    private final ComponentBundles bundles;

    BundleClassResolver(CamelContext camelContext, ComponentBundles bundles) {
        super(camelContext);
        this.bundles = bundles;
    }

    @Override
    public InputStream loadResourceAsStream(String uri) {
        InputStream own = super.loadResourceAsStream(uri);
        if (own != null) {
            return own;
        }
        URL url = loadResourceAsURL(uri);
        try {
            return url == null ? null : url.openStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public URL loadResourceAsURL(String uri) {
        URL own = super.loadResourceAsURL(uri);
        return own != null ? own : bundles.entry(uri).orElse(null);
    }
}
