package io.camelsegment.component.segment;

import io.camelsegment.component.segment.http.RetryPolicy;
import io.camelsegment.component.segment.publicapi.PublicApiOperationHandler;
import io.camelsegment.component.segment.tracking.SentAt;
import io.camelsegment.component.segment.tracking.TrackingClient;
import io.camelsegment.component.segment.tracking.TrackingMessageFactory;
import io.camelsegment.component.segment.tracking.TrackingMessageValidator;
import io.camelsegment.component.segment.tracking.TrackingOperationHandler;
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

/**
 * Sends customer data to Twilio Segment (Tracking API: identify, track, page, screen, group, alias, batch) and manages
 * Segment workspaces (Public API: Sources, Destinations, usage).
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "segment", title = "Segment", syntax = "segment:operation",
             producerOnly = true, category = { Category.API, Category.CLOUD, Category.SAAS },
             headersClass = SegmentConstants.class)
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

    /** Cross-option checks, run once the URI options are set: fail at endpoint creation, not at the first message. */
    void validateConfiguration() {
        int minBatchBytes = TrackingMessageValidator.MAX_MESSAGE_BYTES + SentAt.BATCH_OVERHEAD;
        if (configuration.getMaxBatchBytes() < minBatchBytes || configuration.getMaxBatchBytes() > 500_000 * 2) {
            throw new IllegalArgumentException("maxBatchBytes must be between " + minBatchBytes
                                               + " (one 32 KB message) and 1000000, was "
                                               + configuration.getMaxBatchBytes());
        }
        if (configuration.getBatchSize() < 1 || configuration.getBatchSize() > 2500) {
            throw new IllegalArgumentException("batchSize must be between 1 and 2500 (Segment's limit per batch), was "
                                               + configuration.getBatchSize());
        }
        if (configuration.getMaxRetries() < 0) {
            throw new IllegalArgumentException("maxRetries must be >= 0, was " + configuration.getMaxRetries());
        }
        if (configuration.isBatching() && (!operation.isTracking() || operation == SegmentOperation.batch)) {
            throw new IllegalArgumentException("batching=true applies to identify, track, page, screen, group and "
                                               + "alias only, not to " + operation);
        }
    }

    /** Builds the handler of this endpoint's API (operations may be switched by header, but never across APIs). */
    SegmentOperationHandler createHandler() {
        SegmentComponent component = getComponent();
        RetryPolicy retryPolicy = new RetryPolicy(configuration.getMaxRetries(), configuration.getRetryBackoffBase(),
                configuration.getRetryBackoffMax(), configuration.getMaxRetryAfter());
        if (operation.isTracking()) {
            TrackingClient client = new TrackingClient(component.httpClient(configuration), retryPolicy,
                    configuration.resolveTrackingUrl(), configuration.getResponseTimeout(), SegmentVersion.get());
            TrackingMessageFactory factory = new TrackingMessageFactory(component.getObjectMapper(), configuration,
                    SegmentVersion.get());
            return new TrackingOperationHandler(configuration, factory, client);
        }
        return new PublicApiOperationHandler(configuration, component.getObjectMapper(),
                component.httpClient(configuration), retryPolicy);
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

    @Override
    public String getServiceUrl() {
        return operation.isTracking() ? configuration.resolveTrackingUrl() : configuration.resolvePublicApiUrl();
    }

    @Override
    public String getServiceProtocol() {
        return "http";
    }
}
