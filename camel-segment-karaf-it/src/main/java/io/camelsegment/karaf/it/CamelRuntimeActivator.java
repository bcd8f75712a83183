package io.camelsegment.karaf.it;

import java.io.File;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stands in for camel-karaf in the Karaf integration test: Camel 4.18's core is embedded in this bundle, and once a
 * bundle declaring the {@code segment} scheme is resolved, a CamelContext runs a timer route into {@code segment:track},
 * configured from {@code etc/io.camelsegment.karaf.it.cfg}. The component, its configurers and its URI factory are
 * loaded through the segment bundle's class loader, so they run on what that bundle's manifest imports.
 */
public final class CamelRuntimeActivator implements BundleActivator {

    static final String CONFIG_FILE = "io.camelsegment.karaf.it.cfg";
    private static final Logger LOG = LoggerFactory.getLogger(CamelRuntimeActivator.class);
    private static final Duration WAIT_FOR_COMPONENT = Duration.ofMinutes(3);

    private ComponentBundles bundles;
    private Thread starter;
    private volatile CamelContext camel;

    @Override
    public void start(BundleContext context) {
        bundles = new ComponentBundles(context);
        bundles.open();
        // Features start bundles in dependency order but the segment bundle may resolve after this one starts.
        starter = new Thread(this::startCamelOnceSegmentIsResolved, "camel-segment-karaf-it");
        starter.setDaemon(true);
        starter.start();
    }

    private void startCamelOnceSegmentIsResolved() {
        try {
            Optional<Bundle> segment = awaitSegmentBundle();
            if (segment.isEmpty()) {
                LOG.error("KARAF-IT no resolved bundle declares the segment scheme after {}", WAIT_FOR_COMPONENT);
                return;
            }
            DefaultCamelContext context = new DefaultCamelContext(false);
            context.getCamelContextExtension().setName("camel-segment-karaf-it");
            BundleClassResolver resolver = new BundleClassResolver(context, bundles);
            resolver.addClassLoader(ComponentBundles.classLoaderOf(segment.get()));
            context.setClassResolver(resolver);
            context.getPropertiesComponent().setLocation(
                    "file:" + new File(System.getProperty("karaf.etc"), CONFIG_FILE).getAbsolutePath());
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("timer:karaf-it?period=200&includeMetadata=true&repeatCount={{it.events}}").routeId("karaf-it")
                            .setBody(simple("{\"userId\": \"karaf-user\", \"event\": \"Karaf Event ${exchangeProperty.CamelTimerCounter}\"}"))
                            .to("segment:track?trackingUrl={{segment.tracking-url}}&writeKey=RAW({{segment.write-key}})")
                            .log("KARAF-IT sent ${exchangeProperty.CamelTimerCounter}");
                }
            });
            context.start();
            camel = context;
            Component component = context.getComponent("segment");
            Bundle loadedBy = FrameworkUtil.getBundle(component.getClass());
            LOG.info("KARAF-IT started: {} loaded by bundle {} {}", component.getClass().getName(),
                    loadedBy == null ? "none" : loadedBy.getSymbolicName(),
                    loadedBy == null ? "" : loadedBy.getVersion());
        } catch (Exception | LinkageError e) {
            LOG.error("KARAF-IT failed to start the route", e);
        }
    }

    private Optional<Bundle> awaitSegmentBundle() throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT_FOR_COMPONENT);
        Optional<Bundle> segment = bundles.declaring("segment");
        while (segment.isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            segment = bundles.declaring("segment");
        }
        return segment;
    }

    @Override
    public void stop(BundleContext context) throws Exception {
        starter.interrupt();
        CamelContext running = camel;
        if (running != null) {
            running.stop();
        }
        bundles.close();
    }
}
