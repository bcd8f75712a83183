package io.camelsegment.component.segment;

import io.camelsegment.component.segment.http.RetryPolicy;
import io.camelsegment.component.segment.publicapi.PublicApiOperationHandler;
import io.camelsegment.component.segment.tracking.SentAt;
import io.camelsegment.component.segment.tracking.TrackingClient;
import io.camelsegment.component.segment.tracking.TrackingMessageFactory;
import io.camelsegment.component.segment.tracking.TrackingMessageValidator;
import io.camelsegment.component.segment.tracking.TrackingOperationHandler;
import io.camelsegment.component.segment.tracking.buffer.BatchingSettings;
import io.camelsegment.component.segment.tracking.buffer.DeliveryStatistics;
import org.apache.camel.api.management.ManagedAttribute;
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

/**
 * Sends customer data to Twilio Segment (Tracking API: identify, track, page, screen, group, alias, batch) and manages
 * Segment workspaces (Public API: Sources, Destinations, usage).
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "segment", title = "Segment", syntax = "segment:operation",
             producerOnly = true, category = { Category.API, Category.CLOUD, Category.SAAS },
             headersClass = SegmentConstants.class)
@ManagedResource(description = "Segment endpoint; Delivery* attributes: counters of its buffered sender (batching=true)")
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
        if (configuration.isBatching() && !operation.isTracking()) {
            throw new IllegalArgumentException("batching=true applies to the Tracking API operations (identify, "
                                               + "track, page, screen, group, alias and batch), not to "
                                               + operation);
        }
        if (configuration.isBatching()) {
            BatchingSettings.of(configuration).validate();
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
            return new TrackingOperationHandler(configuration, factory, client, component.getBatchers(),
                    getCamelContext());
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

    /**
     * The counters of the buffered sender this endpoint feeds (shared with endpoints of equal settings); they stay
     * readable after it stopped. {@link DeliveryStatistics#NONE} without batching or before the first producer started.
     */
    public DeliveryStatistics getDeliveryStatistics() {
        return configuration.isBatching()
                ? getComponent().getBatchers().statistics(BatchingSettings.of(configuration)) : DeliveryStatistics.NONE;
    }

    @ManagedAttribute(description = "Buffered delivery: events accepted into the buffer")
    public long getDeliveryEventsQueued() {
        return getDeliveryStatistics().eventsQueued();
    }

    @ManagedAttribute(description = "Buffered delivery: events in batches Segment accepted")
    public long getDeliveryEventsSent() {
        return getDeliveryStatistics().eventsSent();
    }

    @ManagedAttribute(description = "Buffered delivery: events whose batch failed after retries or at the shutdown deadline")
    public long getDeliveryEventsFailed() {
        return getDeliveryStatistics().eventsFailed();
    }

    @ManagedAttribute(description = "Buffered delivery: events dropped by overflowPolicy=dropNewest")
    public long getDeliveryEventsDropped() {
        return getDeliveryStatistics().eventsDropped();
    }

    @ManagedAttribute(description = "Buffered delivery: events refused (buffer full or stopping); their exchanges failed")
    public long getDeliveryEventsRejected() {
        return getDeliveryStatistics().eventsRejected();
    }

    @ManagedAttribute(description = "Buffered delivery: HTTP retries of batch requests")
    public long getDeliveryRetries() {
        return getDeliveryStatistics().retries();
    }

    @ManagedAttribute(description = "Buffered delivery: batch requests Segment accepted")
    public long getDeliveryBatchesSent() {
        return getDeliveryStatistics().batchesSent();
    }

    @ManagedAttribute(description = "Buffered delivery: batch requests that failed")
    public long getDeliveryBatchesFailed() {
        return getDeliveryStatistics().batchesFailed();
    }

    @ManagedAttribute(description = "Buffered delivery: bytes of accepted batch requests, as sent")
    public long getDeliveryBytesSent() {
        return getDeliveryStatistics().bytesSent();
    }

    @ManagedAttribute(description = "Buffered delivery: events in the buffer now (queued and in flight)")
    public long getDeliveryEventsBuffered() {
        return getDeliveryStatistics().eventsBuffered();
    }

    @ManagedAttribute(description = "Buffered delivery: encoded bytes in the buffer now")
    public long getDeliveryBytesBuffered() {
        return getDeliveryStatistics().bytesBuffered();
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

    @ManagedAttribute(description = "Buffered delivery: events failed because deliveryTimeout or shutdownTimeout passed")
    public long getDeliveryEventsTimedOut() {
        return getDeliveryStatistics().eventsTimedOut();
    }

    @ManagedAttribute(description = "Buffered delivery: batch requests on the wire now")
    public int getDeliveryInFlightRequests() {
        return getDeliveryStatistics().inFlightRequests();
    }

    @ManagedAttribute(description = "Buffered delivery: the last error (time and message, no secrets)")
    public String getDeliveryLastError() {
        return getDeliveryStatistics().lastError();
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
