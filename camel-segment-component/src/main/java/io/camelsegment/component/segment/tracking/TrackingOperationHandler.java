package io.camelsegment.component.segment.tracking;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

import io.camelsegment.component.segment.Credentials;
import io.camelsegment.component.segment.SegmentBatchException;
import io.camelsegment.component.segment.SegmentConfiguration;
import io.camelsegment.component.segment.SegmentConstants;
import io.camelsegment.component.segment.SegmentException;
import io.camelsegment.component.segment.SegmentOperation;
import io.camelsegment.component.segment.SegmentOperationHandler;
import io.camelsegment.component.segment.SegmentValidationException;
import io.camelsegment.component.segment.http.SegmentHttpResponse;
import io.camelsegment.component.segment.monitor.DeliveryMonitor;
import io.camelsegment.component.segment.tracking.buffer.BatchingSettings;
import io.camelsegment.component.segment.tracking.buffer.EventCompletion;
import io.camelsegment.component.segment.tracking.buffer.TrackingBatcher;
import io.camelsegment.component.segment.tracking.buffer.TrackingBatcherRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.service.ServiceSupport;

/**
 * The Tracking API operations of a producer: direct (one request per exchange), {@code batch} (a collection packed
 * into as few {@code /v1/batch} requests as the limits allow) and, with {@code batching=true}, buffered (the event is
 * handed to the shared {@link TrackingBatcher} of the endpoint's settings, held from start to stop). The body is left
 * as it was; the result is in headers.
 */
public class TrackingOperationHandler extends ServiceSupport implements SegmentOperationHandler {

    private final SegmentConfiguration configuration;
    private final TrackingMessageFactory messageFactory;
    private final TrackingClient client;
    private final TrackingBatcherRegistry batchers;
    private final CamelContext camelContext;
    private final Supplier<DeliveryMonitor> directMonitor;
    private volatile TrackingBatcher batcher;

    /**
     * @param directMonitor the monitor of the direct sender, where the requests of a {@code batching=false} endpoint
     *                      are recorded (the buffered sender records its own); asked for on the first such request
     */
    public TrackingOperationHandler(SegmentConfiguration configuration, TrackingMessageFactory messageFactory,
                                    TrackingClient client, TrackingBatcherRegistry batchers,
                                    CamelContext camelContext, Supplier<DeliveryMonitor> directMonitor) {
        this.configuration = configuration;
        this.messageFactory = messageFactory;
        this.client = client;
        this.batchers = batchers;
        this.camelContext = camelContext;
        this.directMonitor = directMonitor;
    }

    @Override
    protected void doStart() throws Exception {
        if (configuration.isBatching()) {
            if (batchers == null) {
                throw new IllegalStateException("batching=true needs the component's batcher registry");
            }
            batcher = batchers.acquire(BatchingSettings.of(configuration), () -> client, camelContext);
        }
    }

    @Override
    protected void doStop() throws Exception {
        TrackingBatcher held = batcher;
        batcher = null;
        if (held != null) {
            // The last holder flushes what is buffered, within shutdownTimeout.
            batchers.release(held);
        }
    }

    @Override
    public CompletableFuture<Object> handle(Exchange exchange, SegmentOperation operation) throws Exception {
        SegmentHeaders headers = SegmentHeaders.of(exchange);
        String headerWriteKey = Credentials.writeKey(SegmentConstants.WRITE_KEY,
                headers.text(SegmentConstants.WRITE_KEY));
        if (operation == SegmentOperation.batch) {
            TrackingBatcher buffered = batcher;
            return buffered != null ? sendBatchBuffered(buffered, exchange, headers, headerWriteKey)
                    : CompletableFuture.completedFuture(sendBatch(exchange, headers, headerWriteKey));
        }
        TrackingMessageFactory.Built built = messageFactory.create(exchange, operation, headers);
        String writeKey = resolveWriteKey(headerWriteKey, built.bodyWriteKey());
        TrackingBatcher buffered = batcher;
        if (buffered != null) {
            return sendBuffered(buffered, exchange, built.event(), writeKey);
        }
        EncodedEvent event = built.event();
        SegmentHttpResponse response = directMonitor.get().record(1, event.size(),
                () -> client.sendSingle(operation, event, writeKey));
        List<String> ids = List.of(built.event().messageId());
        Message out = exchange.getMessage();
        out.setHeader(SegmentConstants.HTTP_STATUS, response.status());
        out.setHeader(SegmentConstants.MESSAGE_IDS, ids);
        return CompletableFuture.completedFuture(result(response.status(), ids, 1));
    }

    /**
     * Hands a valid event to the buffered sender. Acknowledged: completes (from a sender thread) when its batch was
     * accepted, or fails with the batch's exception. fireAndForget, or dropped by dropNewest: completes now.
     */
    private CompletableFuture<Object> sendBuffered(TrackingBatcher buffered, Exchange exchange, EncodedEvent event,
                                                   String writeKey) throws SegmentException {
        List<String> ids = List.of(event.messageId());
        Message out = exchange.getMessage();
        Acknowledgement acknowledgement = buffered.getSettings().acknowledged() ? new Acknowledgement(ids) : null;
        out.setHeader(SegmentConstants.MESSAGE_IDS, ids);
        boolean queued = buffered.offer(event, writeKey, acknowledgement, configuration.isCallerRunsWhenIdle());
        if (acknowledgement == null || !queued) {
            Map<String, Object> data = null;
            if (!configuration.isThrowExceptionOnFailure()) {
                data = new LinkedHashMap<>();
                data.put("messageIds", ids);
                data.put(queued ? "queued" : "dropped", true);
            }
            return CompletableFuture.completedFuture(data);
        }
        return acknowledgement;
    }

    /**
     * The outcome of one acknowledged event, completed by the sender that settled its batch. The sender only records
     * the status: the header is set by the producer where the exchange continues, off the sender thread (touching
     * every exchange of a batch from the sender cost it about as much as the request).
     */
    private final class Acknowledgement extends CompletableFuture<Object>
            implements EventCompletion, SegmentOperationHandler.DeferredResult {

        private final List<String> ids;
        private int status;

        Acknowledgement(List<String> ids) {
            this.ids = ids;
        }

        @Override
        public void delivered(int status) {
            this.status = status; // published by complete()
            complete(this);
        }

        @Override
        public Object applyTo(Message out) {
            out.setHeader(SegmentConstants.HTTP_STATUS, status);
            return result(status, ids, 1);
        }

        @Override
        public void failed(SegmentException error) {
            completeExceptionally(error);
        }
    }

    /**
     * {@code segment:batch} with batching: the collection's valid items go into the shared batches of the buffered
     * sender, together with the items of other exchanges, so that requests fill up to the limits whatever the size of
     * the lists. Acknowledged: the exchange completes when every item is settled (failing with a
     * {@link SegmentBatchException} if any was not delivered); fireAndForget: once all are queued.
     */
    private CompletableFuture<Object> sendBatchBuffered(TrackingBatcher buffered, Exchange exchange,
                                                        SegmentHeaders headers, String headerWriteKey)
            throws Exception {
        TrackingMessageFactory.BuiltBatch input = messageFactory.createBatch(exchange, headers);
        String writeKey = resolveWriteKey(headerWriteKey, input.bodyWriteKey());
        boolean acknowledged = buffered.getSettings().acknowledged();
        BatchAcknowledgement outcome = new BatchAcknowledgement(input);
        List<EventCompletion> completions = null;
        if (acknowledged) {
            completions = new ArrayList<>(input.events().size());
            for (int i = 0; i < input.events().size(); i++) {
                completions.add(outcome.item(i));
            }
        }
        boolean[] queued = buffered.offerAll(input.events(), writeKey, completions);
        for (int i = 0; i < queued.length; i++) {
            if (!queued[i]) {
                outcome.notDelivered(i, "dropped: the buffer was full (overflowPolicy=dropNewest)", null);
            } else if (!acknowledged) {
                outcome.item(i).delivered(0);
            }
        }
        Message out = exchange.getMessage();
        return outcome.thenApply(done -> {
            List<String> ids = done.deliveredMessageIds();
            if (acknowledged) {
                out.setHeader(SegmentConstants.HTTP_STATUS, done.lastStatus());
            }
            out.setHeader(SegmentConstants.MESSAGE_IDS, ids);
            if (!done.failures().isEmpty()) {
                throw new CompletionException(
                        new SegmentBatchException(done.failures(), ids, done.firstError()));
            }
            return result(done.lastStatus(), ids, 0);
        });
    }

    private Object sendBatch(Exchange exchange, SegmentHeaders headers, String headerWriteKey) throws Exception {
        TrackingMessageFactory.BuiltBatch input = messageFactory.createBatch(exchange, headers);
        String writeKey = resolveWriteKey(headerWriteKey, input.bodyWriteKey());
        BatchDelivery delivery = BatchDelivery.send(client, input, writeKey, configuration.getBatchSize(),
                configuration.getMaxBatchBytes(), directMonitor.get());
        Message out = exchange.getMessage();
        out.setHeader(SegmentConstants.HTTP_STATUS, delivery.lastStatus());
        out.setHeader(SegmentConstants.MESSAGE_IDS, delivery.delivered());
        out.setHeader(SegmentConstants.REQUEST_COUNT, delivery.requests());
        if (!delivery.failures().isEmpty()) {
            throw new SegmentBatchException(delivery.failures(), delivery.delivered(), delivery.firstError());
        }
        return result(delivery.lastStatus(), delivery.delivered(), delivery.requests());
    }

    private String resolveWriteKey(String headerWriteKey, String bodyWriteKey) throws SegmentValidationException {
        String key = headerWriteKey != null ? headerWriteKey : bodyWriteKey != null ? bodyWriteKey
                : configuration.getWriteKey();
        if (key == null || key.isBlank()) {
            throw new SegmentValidationException("writeKey", "is required: set the writeKey option, the "
                                                             + SegmentConstants.WRITE_KEY + " header or a writeKey "
                                                             + "field in the body");
        }
        return key;
    }

    /** The result data, for the {successful, data, error} envelope only: with exceptions on, nobody reads it. */
    private Map<String, Object> result(int status, List<String> ids, int requests) {
        if (configuration.isThrowExceptionOnFailure()) {
            return null;
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("status", status);
        data.put("messageIds", ids);
        data.put("requestCount", requests);
        return data;
    }
}
