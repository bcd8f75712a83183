package io.camelsegment.component.segment.tracking;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Events bound for one {@code /v1/batch} request, filled up to the count and byte limits. Not thread-safe: it is owned
 * by whoever fills it, then handed over whole.
 */
public class TrackingBatch {

    private final int maxEvents;
    private final int maxBytes;
    private final List<EncodedEvent> events = new ArrayList<>();
    private long eventBytes;

    public TrackingBatch(int maxEvents, int maxBytes) {
        this.maxEvents = maxEvents;
        this.maxBytes = maxBytes;
    }

    /** Whether a batch with these limits can carry this event at all (even alone). */
    public static boolean fitsAlone(EncodedEvent event, int maxBytes) {
        return SentAt.batchSize(1, event.size()) <= maxBytes;
    }

    /** Adds the event if it fits under both limits. */
    public boolean tryAdd(EncodedEvent event) {
        if (events.size() >= maxEvents || SentAt.batchSize(events.size() + 1, eventBytes + event.size()) > maxBytes) {
            return false;
        }
        events.add(event);
        eventBytes += event.size();
        return true;
    }

    public boolean isEmpty() {
        return events.isEmpty();
    }

    public boolean isFull() {
        return events.size() >= maxEvents;
    }

    public int count() {
        return events.size();
    }

    /** Size of the request body as it will be sent. */
    public int requestBytes() {
        return SentAt.batchSize(events.size(), eventBytes);
    }

    public List<EncodedEvent> events() {
        return Collections.unmodifiableList(events);
    }

    public List<String> messageIds() {
        List<String> ids = new ArrayList<>(events.size());
        events.forEach(e -> ids.add(e.messageId()));
        return ids;
    }

    public byte[] toRequestBody(Instant sentAt) {
        return SentAt.batchBody(events, events.size(), (int) eventBytes, sentAt);
    }

    /** Writes the request body into {@code body} (at least {@link #requestBytes()} long); returns its length. */
    public int writeRequestBody(Instant sentAt, byte[] body) {
        return SentAt.writeBatchBody(events, sentAt, body);
    }

    /** Packs events, in order, into as few batches as the limits allow. */
    public static List<TrackingBatch> pack(List<EncodedEvent> events, int maxEvents, int maxBytes) {
        List<TrackingBatch> batches = new ArrayList<>();
        TrackingBatch current = new TrackingBatch(maxEvents, maxBytes);
        for (EncodedEvent event : events) {
            if (!current.tryAdd(event)) {
                batches.add(current);
                current = new TrackingBatch(maxEvents, maxBytes);
                if (!current.tryAdd(event)) {
                    throw new IllegalArgumentException("event " + event.messageId() + " does not fit in a batch of "
                                                       + maxBytes + " bytes");
                }
            }
        }
        if (!current.isEmpty()) {
            batches.add(current);
        }
        return batches;
    }
}
