package io.camelsegment.component.segment;

import io.camelsegment.component.segment.http.HttpClientSettings;
import io.camelsegment.component.segment.http.RetryPolicy;
import io.camelsegment.component.segment.publicapi.PublicApiOperationHandler;
import io.camelsegment.component.segment.tracking.DerivedIdentity;
import io.camelsegment.component.segment.tracking.TrackingClient;
import io.camelsegment.component.segment.tracking.TrackingMessageFactory;
import io.camelsegment.component.segment.tracking.TrackingOperationHandler;
import io.camelsegment.component.segment.tracking.buffer.BatchingSettings;
import io.camelsegment.component.segment.monitor.DeliveryMonitor;
import io.camelsegment.component.segment.monitor.DeliveryStatistics;
import org.apache.camel.api.management.ManagedOperation;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;
import org.apache.camel.util.URISupport;
import org.apache.camel.util.function.Suppliers;

/**
 * Sends customer data to Twilio Segment (Tracking API: identify, track, page, screen, group, alias, batch) and manages
 * Segment workspaces (Public API: Sources, Destinations, usage).
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "segment", title = "Segment", syntax = "segment:operation",
             producerOnly = true, category = { Category.API, Category.CLOUD, Category.SAAS },
             headersClass = SegmentConstants.class)
@ManagedResource(description = "Segment endpoint; the counters of its sender are on the segment-sender-<id> service MBean")
public class SegmentEndpoint extends DefaultEndpoint implements EndpointServiceLocation {

    @UriPath(description = "The operation to perform")
    @Metadata(required = true)
    private SegmentOperation operation;

    @UriParam
    private SegmentConfiguration configuration;

    public SegmentEndpoint(String uri, SegmentComponent component, SegmentOperation operation,
                           SegmentConfiguration configuration) {
        super(uri, component);
        this.operation = operation;
        this.configuration = configuration;
    }

    @Override
    public SegmentComponent getComponent() {
        return (SegmentComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() throws Exception {
        return new SegmentProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        throw new UnsupportedOperationException("The segment component only sends (producer only): " + getOperation()
                                                + " cannot be used in from()");
    }

    /** Compiles the Simple expressions of messageIdKey and sourceTimestamp once, so a bad one fails here. */
    void validateExpressions() {
        if (configuration.getMessageIdKey() != null || configuration.getSourceTimestamp() != null) {
            DerivedIdentity.of(getCamelContext(), configuration);
        }
    }

    /** Builds the handler of this endpoint's API (operations may be switched by header, but never across APIs). */
    SegmentOperationHandler createHandler() {
        SegmentComponent component = getComponent();
        RetryPolicy retryPolicy = new RetryPolicy(configuration.getMaxRetries(), configuration.getRetryBackoffBase(),
                configuration.getRetryBackoffMax(), configuration.getMaxRetryAfter(),
                configuration.getMaxRateLimitDuration());
        if (operation.isTracking()) {
            TrackingClient client = new TrackingClient(component.httpClient(configuration), retryPolicy,
                    configuration.resolveTrackingUrl(), configuration.getResponseTimeout(), SegmentVersion.get(),
                    configuration.secretMasker());
            TrackingMessageFactory factory = new TrackingMessageFactory(component.getObjectMapper(), configuration,
                    SegmentVersion.get(), DerivedIdentity.of(getCamelContext(), configuration));
            return new TrackingOperationHandler(configuration, factory, client, component.getBatchers(),
                    getCamelContext(), Suppliers.memorize(() -> component.directTrackingMonitor(configuration)));
        }
        return new PublicApiOperationHandler(configuration, component.getObjectMapper(),
                component.httpClient(configuration), retryPolicy, deliveryMonitor());
    }

    public SegmentOperation getOperation() {
        return operation;
    }

    /** The operation to perform. */
    public void setOperation(SegmentOperation operation) {
        this.operation = operation;
    }

    public SegmentConfiguration getConfiguration() {
        return configuration;
    }

    /** The endpoint's configuration (a copy of the component's, overridden by URI options). */
    public void setConfiguration(SegmentConfiguration configuration) {
        this.configuration = configuration;
    }

    /**
     * The monitor of the sender this endpoint delivers through (shared with endpoints of equal settings), created on
     * first use: direct Tracking API calls, the buffered sender ({@code batching=true}), or Public API calls.
     */
    DeliveryMonitor deliveryMonitor() {
        return getComponent().deliveryMonitor(configuration, operation);
    }

    /**
     * The counters and state of the sender this endpoint delivers through; they stay readable after it stopped (until
     * the component stops). {@link DeliveryStatistics#NONE} before the first producer started.
     */
    public DeliveryStatistics getDeliveryStatistics() {
        DeliveryMonitor monitor = getComponent().findDeliveryMonitor(configuration, operation);
        return monitor != null ? monitor.snapshot() : DeliveryStatistics.NONE;
    }

    /**
     * Buffered delivery: sends what the buffered sender of this endpoint holds now, without waiting for
     * {@code flushInterval}, and returns when every event accepted before the call is settled (delivered or failed,
     * also batches on the wire or waiting for a retry; each by its deliveryTimeout at the latest), e.g. at the end of a
     * file or a burst. Several threads may flush at once. Returns the number of events settled while waiting; 0
     * without batching or when nothing is buffered.
     */
    @ManagedOperation(description = "Buffered delivery: send the buffered events now and wait until every event "
                                    + "accepted before is settled; returns how many were")
    public int flush() {
        if (!configuration.isBatching()) {
            return 0;
        }
        try {
            return getComponent().getBatchers().flush(BatchingSettings.of(configuration));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new org.apache.camel.RuntimeCamelException("Interrupted while flushing the Segment buffered sender", e);
        }
    }

    /**
     * The endpoint URI as the component shows it (here, in its producer, the sender MBeans and the dev console): the
     * endpoint's secrets are masked before Camel's sanitizer runs, as the sanitizer ends a {@code RAW(...)} value at
     * its first ')' (showing the rest of a secret holding one) and masks only the first option named like writeKey.
     */
    @Override
    public String toString() {
        return URISupport.sanitizeUri(configuration.secretMasker().mask(getEndpointUri()));
    }

    @Override
    public String getServiceUrl() {
        return operation.isTracking() ? configuration.resolveTrackingUrl() : configuration.resolvePublicApiUrl();
    }

    @Override
    public String getServiceProtocol() {
        return "http";
    }
}
