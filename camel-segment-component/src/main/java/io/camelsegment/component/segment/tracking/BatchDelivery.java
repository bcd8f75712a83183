package io.camelsegment.component.segment.tracking;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.camelsegment.component.segment.SegmentBatchException.ItemFailure;
import io.camelsegment.component.segment.SegmentHttpException;
import io.camelsegment.component.segment.monitor.DeliveryMonitor;

/**
 * What {@code segment:batch} did with one collection: its valid events packed, in order, into as few
 * {@code /v1/batch} requests as the limits allow and sent one request after another. A failed request does not stop
 * the others; its events join the invalid items as failures, by their index in the input. Each request is recorded in
 * the sender's {@link DeliveryMonitor}.
 *
 * @param delivered  messageIds Segment accepted
 * @param failures   undelivered items (invalid, or in a failed request), sorted by input index
 * @param requests   how many requests were sent
 * @param lastStatus status of the last request (0 when it got no response)
 * @param firstError the first request failure, or null
 */
public record BatchDelivery(List<String> delivered, List<ItemFailure> failures, int requests, int lastStatus,
                            SegmentHttpException firstError) {

    public static BatchDelivery send(
            TrackingClient client, TrackingMessageFactory.BuiltBatch input, String writeKey, int maxEvents,
            int maxBytes, DeliveryMonitor monitor) {
        List<String> delivered = new ArrayList<>(input.events().size());
        List<ItemFailure> failures = new ArrayList<>(input.invalid());
        List<TrackingBatch> batches = TrackingBatch.pack(input.events(), maxEvents, maxBytes);
        int lastStatus = 0;
        SegmentHttpException firstError = null;
        int position = 0; // of the batch's first event in input.events(): packing keeps the order
        for (TrackingBatch batch : batches) {
            try {
                lastStatus = monitor.record(batch.count(), batch.requestBytes(),
                        () -> client.sendBatch(batch, writeKey)).status();
                delivered.addAll(batch.messageIds());
            } catch (SegmentHttpException e) {
                firstError = firstError == null ? e : firstError;
                lastStatus = e.getStatusCode();
                for (int i = 0; i < batch.count(); i++) {
                    failures.add(new ItemFailure(input.inputIndex(position + i), batch.events().get(i).messageId(),
                            e.getMessage()));
                }
            }
            position += batch.count();
        }
        failures.sort(Comparator.comparingInt(ItemFailure::index));
        return new BatchDelivery(delivered, failures, batches.size(), lastStatus, firstError);
    }
}
