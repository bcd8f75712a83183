package io.camelsegment.component.segment.tracking;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import io.camelsegment.component.segment.SegmentBatchException;
import io.camelsegment.component.segment.SegmentBatchException.ItemFailure;
import io.camelsegment.component.segment.SegmentException;
import io.camelsegment.component.segment.tracking.buffer.EventCompletion;

/**
 * The outcome of one {@code segment:batch} exchange whose items went into the shared batches of a buffered sender:
 * completes when every item is settled, each possibly in another request (and together with other exchanges'
 * items). Delivered items are listed in input order; undelivered ones (invalid, failed with their request, past a
 * deadline, or dropped) make it fail with a {@link SegmentBatchException} listing them by input index.
 */
final class BatchAcknowledgement extends CompletableFuture<BatchAcknowledgement> {

    // The messageIds and input indexes only, not the encoded events: those are released as soon as their request is
    // built, while this waits for the last of its batches.
    private final String[] messageIds;
    private final int[] inputIndexes;
    private final String[] delivered;
    private final List<ItemFailure> failures;
    private final AtomicInteger unsettled;
    private volatile int lastStatus;
    private volatile Throwable firstError;

    BatchAcknowledgement(TrackingMessageFactory.BuiltBatch input) {
        int count = input.events().size();
        this.messageIds = new String[count];
        this.inputIndexes = new int[count];
        for (int i = 0; i < count; i++) {
            messageIds[i] = input.events().get(i).messageId();
            inputIndexes[i] = input.inputIndex(i);
        }
        this.delivered = new String[count];
        this.failures = new ArrayList<>(input.invalid());
        this.unsettled = new AtomicInteger(count);
        if (count == 0) {
            complete(this);
        }
    }

    /** The completion of the item at this position of {@code input.events()}. */
    EventCompletion item(int position) {
        return new EventCompletion() {
            @Override
            public void delivered(int status) {
                lastStatus = status;
                delivered[position] = messageIds[position];
                settled();
            }

            @Override
            public void failed(SegmentException error) {
                notDelivered(position, error.getMessage(), error);
            }
        };
    }

    /** The item at this position was not queued (dropped by overflowPolicy=dropNewest). */
    void notDelivered(int position, String reason, Throwable error) {
        synchronized (failures) {
            failures.add(new ItemFailure(inputIndexes[position], messageIds[position], reason));
            if (firstError == null) {
                firstError = error;
            }
        }
        settled();
    }

    private void settled() {
        if (unsettled.decrementAndGet() == 0) {
            complete(this);
        }
    }

    /** messageIds Segment accepted, in input order (once complete). */
    List<String> deliveredMessageIds() {
        List<String> ids = new ArrayList<>(delivered.length);
        for (String id : delivered) {
            if (id != null) {
                ids.add(id);
            }
        }
        return ids;
    }

    /** Undelivered items by input index (once complete). */
    List<ItemFailure> failures() {
        synchronized (failures) {
            List<ItemFailure> sorted = new ArrayList<>(failures);
            sorted.sort(Comparator.comparingInt(ItemFailure::index));
            return sorted;
        }
    }

    int lastStatus() {
        return lastStatus;
    }

    Throwable firstError() {
        return firstError;
    }
}
