package io.camelsegment.component.segment.tracking.buffer;

import java.util.List;
import java.util.concurrent.ExecutorService;

import io.camelsegment.component.segment.SegmentBufferFullException;
import io.camelsegment.component.segment.SegmentException;
import io.camelsegment.component.segment.SegmentHttpException;
import io.camelsegment.component.segment.http.SegmentHttpResponse;
import io.camelsegment.component.segment.monitor.DeliveryMonitor;
import io.camelsegment.component.segment.tracking.EncodedEvent;
import io.camelsegment.component.segment.tracking.TrackingClient;
import org.apache.camel.CamelContext;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The buffered sender of one set of {@link BatchingSettings}, shared by every endpoint with those settings: events are
 * admitted into a bounded buffer ({@link BufferCapacity}), packed per write key ({@link EventAccumulator}) and sent
 * by {@code maxInFlightRequests} sender threads through the same {@link TrackingClient} (same retry policy, same
 * pooled connections) as direct and {@code segment:batch} delivery. Each settled batch completes its events: delivered
 * (acknowledged: the exchange completes), failed (acknowledged: the exchange fails with the batch's exception;
 * fireAndForget: counted and logged with the messageIds), or reported at the shutdown deadline. Thread-safe.
 */
public class TrackingBatcher extends ServiceSupport {

    private static final Logger LOG = LoggerFactory.getLogger(TrackingBatcher.class);

    private final BatchingSettings settings;
    private final TrackingClient client;
    private final CamelContext camelContext;
    private final DeliveryMonitor counters;
    private final BufferCapacity capacity;
    private final EventAccumulator accumulator;
    private ExecutorService senders;

    TrackingBatcher(BatchingSettings settings, TrackingClient client, CamelContext camelContext,
                    DeliveryMonitor counters) {
        this.settings = settings;
        this.client = client;
        this.camelContext = camelContext;
        this.counters = counters;
        this.capacity = new BufferCapacity(settings, counters);
        this.accumulator = new EventAccumulator(settings);
    }

    public BatchingSettings getSettings() {
        return settings;
    }

    @Override
    protected void doStart() throws Exception {
        int threads = settings.maxInFlightRequests();
        senders = camelContext.getExecutorServiceManager().newFixedThreadPool(this, "SegmentBatchSender", threads);
        for (int i = 0; i < threads; i++) {
            senders.execute(this::sendLoop);
        }
        LOG.debug("Started Segment buffered sender {}", settings);
    }

    /**
     * Admits an event into the buffer (blocking up to maxBlockTime when full and overflowPolicy=block). The message
     * was validated and encoded by the caller, so only sendable events get here.
     *
     * @param completion told the HTTP status when the batch carrying the event is accepted, or its failure
     *                   (acknowledged mode); null in fireAndForget mode
     * @return true when queued; false when dropped (overflowPolicy=dropNewest, counted and logged)
     * @throws SegmentBufferFullException when the buffer is full (overflowPolicy fail, or block past maxBlockTime)
     * @throws SegmentException           when the sender is stopping
     */
    public boolean offer(EncodedEvent event, String writeKey, EventCompletion completion)
            throws SegmentException {
        boolean admitted;
        try {
            admitted = capacity.acquire(event.size());
        } catch (SegmentException e) {
            counters.rejected("event " + event.messageId() + " rejected: " + e.getMessage());
            throw e;
        }
        if (!admitted) {
            String reason = "Segment buffer full (bufferMaxEvents=" + settings.bufferMaxEvents() + ", bufferMaxBytes="
                            + settings.bufferMaxBytes() + "): dropped event " + event.messageId()
                            + " (overflowPolicy=dropNewest)";
            counters.dropped(reason);
            LOG.warn(reason);
            return false;
        }
        try {
            accumulator.append(event, writeKey, completion);
        } catch (SegmentException e) {
            capacity.release(1, event.size());
            counters.rejected("event " + event.messageId() + " rejected: " + e.getMessage());
            throw e;
        }
        counters.queued();
        return true;
    }

    /**
     * Sends what is buffered now rather than when its batch is full or {@code flushInterval} old, e.g. when a source
     * knows no more events are coming for a while. Does not wait for the requests.
     *
     * @return the events handed to the senders
     */
    public int flush() {
        return accumulator.flush();
    }

    private void sendLoop() {
        while (true) {
            PendingBatch batch;
            try {
                batch = accumulator.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (batch == null) {
                return;
            }
            try {
                send(batch);
            } finally {
                accumulator.done(batch);
            }
        }
    }

    private void send(PendingBatch batch) {
        SegmentHttpResponse response;
        counters.requestStarted();
        try {
            response = client.sendBatch(batch.batch(), batch.writeKey());
        } catch (SegmentHttpException e) {
            failed(batch, e, e.getAttempts() - 1);
            return;
        } catch (RuntimeException e) {
            failed(batch, new SegmentException("Segment batch could not be sent: " + e, e), 0);
            return;
        } finally {
            counters.requestFinished();
        }
        delivered(batch, response);
    }

    private void delivered(PendingBatch batch, SegmentHttpResponse response) {
        if (!batch.settle()) {
            LOG.info("Segment accepted a batch of {} event(s) after the shutdown deadline had reported it as failed",
                    batch.count());
            return;
        }
        // Room first: completing an exchange runs the rest of its route on this thread.
        capacity.release(batch.count(), batch.eventBytes());
        counters.batchSent(batch.count(), batch.batch().requestBytes(), response.attempts() - 1);
        int status = response.status();
        for (EventCompletion completion : batch.completions()) {
            completion.delivered(status);
        }
    }

    private void failed(PendingBatch batch, SegmentException error, int retries) {
        if (!batch.settle()) {
            return;
        }
        capacity.release(batch.count(), batch.eventBytes());
        counters.batchFailed(batch.count(), Math.max(retries, 0), error);
        if (settings.acknowledged()) {
            LOG.warn("Segment batch of {} event(s) not delivered, failing their exchanges: {}", batch.count(),
                    error.getMessage());
        } else {
            LOG.warn("Segment batch of {} event(s) not delivered (fireAndForget): {}; messageIds: {}", batch.count(),
                    error.getMessage(), batch.batch().messageIds());
        }
        for (EventCompletion completion : batch.completions()) {
            completion.failed(error);
        }
    }

    /**
     * Graceful stop: no new events; whatever is buffered is sent within shutdownTimeout; what is still unsettled then
     * fails (acknowledged) or is reported with its count and messageIds (fireAndForget).
     */
    @Override
    protected void doStop() throws Exception {
        accumulator.close();
        capacity.close();
        if (senders == null) {
            return;
        }
        senders.shutdown();
        boolean finished = camelContext.getExecutorServiceManager().awaitTermination(senders,
                settings.shutdownTimeout());
        if (!finished) {
            reportUndelivered(accumulator.drainUnsettled());
        }
        camelContext.getExecutorServiceManager().shutdownNow(senders);
        senders = null;
        LOG.debug("Stopped Segment buffered sender {}: {}", settings, counters.snapshot());
    }

    private void reportUndelivered(List<PendingBatch> left) {
        SegmentException deadline = new SegmentException("Segment buffered sender stopped: event not delivered within "
                                                         + "shutdownTimeout=" + settings.shutdownTimeout() + " ms");
        int events = 0;
        for (PendingBatch batch : left) {
            if (batch.settle()) {
                events += batch.count();
                capacity.release(batch.count(), batch.eventBytes());
                counters.batchFailed(batch.count(), 0, deadline);
                LOG.warn("Segment shutdown deadline: {} event(s) undelivered; messageIds: {}", batch.count(),
                        batch.batch().messageIds());
                for (EventCompletion completion : batch.completions()) {
                    completion.failed(deadline);
                }
            }
        }
        LOG.warn("Segment buffered sender stopped after shutdownTimeout={} ms with {} event(s) undelivered",
                settings.shutdownTimeout(), events);
    }
}
