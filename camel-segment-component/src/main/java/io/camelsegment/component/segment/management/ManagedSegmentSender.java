package io.camelsegment.component.segment.management;

import java.time.Instant;

import io.camelsegment.component.segment.monitor.DeliveryMonitor;
import io.camelsegment.component.segment.monitor.DeliveryStatistics;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedResource;

/**
 * One Segment sender as a JMX MBean: its counters and state, read from its {@link DeliveryMonitor} (each attribute
 * takes a fresh snapshot). Times are ISO-8601 instants, empty when they never happened.
 */
@ManagedResource(description = "A Segment sender: the counters and state of one delivery path (tracking direct, "
                               + "tracking buffered, or Public API) shared by the endpoints listed")
public class ManagedSegmentSender {

    private final DeliveryMonitor monitor;

    public ManagedSegmentSender(DeliveryMonitor monitor) {
        this.monitor = monitor;
    }

    private DeliveryStatistics stats() {
        return monitor.snapshot();
    }

    @ManagedAttribute(description = "The sender's number (unique in the JVM)")
    public int getSenderId() {
        return monitor.id();
    }

    @ManagedAttribute(description = "What it sends: tracking-direct, tracking-buffered or public-api")
    public String getKind() {
        return monitor.key().kind().label();
    }

    @ManagedAttribute(description = "Kind, delivery mode and API URL")
    public String getDescription() {
        return monitor.key().description();
    }

    @ManagedAttribute(description = "The endpoints sending through it (secrets masked)")
    public String[] getEndpoints() {
        return monitor.endpoints().toArray(String[]::new);
    }

    @ManagedAttribute(description = "Events accepted into the buffer (buffered delivery)")
    public long getEventsQueued() {
        return stats().eventsQueued();
    }

    @ManagedAttribute(description = "Events in requests Segment accepted")
    public long getEventsSent() {
        return stats().eventsSent();
    }

    @ManagedAttribute(description = "Events in requests that failed after retries, or undelivered at the shutdown deadline")
    public long getEventsFailed() {
        return stats().eventsFailed();
    }

    @ManagedAttribute(description = "Of the failed events, those failed because deliveryTimeout (or shutdownTimeout while stopping) passed")
    public long getEventsTimedOut() {
        return stats().eventsTimedOut();
    }

    @ManagedAttribute(description = "Events dropped by overflowPolicy=dropNewest")
    public long getEventsDropped() {
        return stats().eventsDropped();
    }

    @ManagedAttribute(description = "Events refused (buffer full or sender stopping); their exchanges failed")
    public long getEventsRejected() {
        return stats().eventsRejected();
    }

    @ManagedAttribute(description = "HTTP retries (attempts beyond the first)")
    public long getRetries() {
        return stats().retries();
    }

    @ManagedAttribute(description = "Requests (batches, single events or Public API calls) Segment accepted")
    public long getBatchesSent() {
        return stats().batchesSent();
    }

    @ManagedAttribute(description = "Requests that failed after retries")
    public long getBatchesFailed() {
        return stats().batchesFailed();
    }

    @ManagedAttribute(description = "Bytes of the accepted requests, as sent")
    public long getBytesSent() {
        return stats().bytesSent();
    }

    @ManagedAttribute(description = "Events in the buffer now (queued and in flight)")
    public long getEventsBuffered() {
        return stats().eventsBuffered();
    }

    @ManagedAttribute(description = "Encoded event bytes in the buffer now")
    public long getBytesBuffered() {
        return stats().bytesBuffered();
    }

    @ManagedAttribute(description = "Requests on the wire or waiting to retry now")
    public int getRequestsInFlight() {
        return stats().requestsInFlight();
    }

    @ManagedAttribute(description = "The last delivery or overflow error (secrets masked)")
    public String getLastError() {
        return stats().lastError();
    }

    @ManagedAttribute(description = "When the last error happened")
    public String getLastErrorTime() {
        return text(stats().lastErrorTime());
    }

    @ManagedAttribute(description = "When Segment last accepted a request")
    public String getLastSuccessTime() {
        return text(stats().lastSuccessTime());
    }

    @ManagedAttribute(description = "Since when requests keep failing; empty while delivery works")
    public String getFailingSince() {
        return text(stats().failingSince());
    }

    @ManagedAttribute(description = "Since when the buffer has been full; empty when it is not")
    public String getBufferFullSince() {
        return text(stats().bufferFullSince());
    }

    @ManagedAttribute(description = "401 or 403 while Segment rejects the credentials, else 0")
    public int getCredentialsRejectedStatus() {
        return stats().credentialsRejectedStatus();
    }

    private static String text(Instant instant) {
        return instant != null ? instant.toString() : "";
    }
}
