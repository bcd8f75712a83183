package io.camelsegment.benchmarks.drivers;

import java.util.Date;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;

import com.segment.analytics.Analytics;
import com.segment.analytics.Callback;
import com.segment.analytics.messages.Message;
import com.segment.analytics.messages.TrackMessage;
import io.camelsegment.benchmarks.BenchSettings;
import io.camelsegment.benchmarks.Driver;
import io.camelsegment.benchmarks.TrackEvents;

/**
 * Segment's own analytics-java, as its README shows it: {@code Analytics.builder(writeKey)} and {@code enqueue} from
 * the application thread. It completes nothing per event, so a {@link Callback} counts deliveries and the driver waits
 * for all of them before {@code shutdown()} (whose own wait is bounded to a few seconds).
 * <p>
 * Tuned: batches bounded by bytes rather than by 250 events, four upload threads (a bounded hand-off, so uploads push
 * back instead of piling up in memory), a bounded message queue, and a shorter flush interval for the tail.
 */
public final class AnalyticsJavaDriver implements Driver {

    private static final int TUNED_NETWORK_THREADS = 4;

    private final boolean tuned;
    private final LongAdder succeeded = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private Analytics analytics;
    private BenchSettings settings;

    public AnalyticsJavaDriver(boolean tuned) {
        this.tuned = tuned;
    }

    @Override
    public void start(Sink sink, BenchSettings settings) {
        this.settings = settings;
        Analytics.Builder builder = Analytics.builder(sink.writeKey())
                .endpoint(sink.hostUrl())
                .callback(new Callback() {
                    @Override
                    public void success(Message message) {
                        succeeded.increment();
                    }

                    @Override
                    public void failure(Message message, Throwable throwable) {
                        failed.increment();
                    }
                });
        if (tuned) {
            builder.flushQueueSize(2500)
                    .queueCapacity(10_000)
                    .flushInterval(1, TimeUnit.SECONDS)
                    .networkExecutor(new ThreadPoolExecutor(TUNED_NETWORK_THREADS, TUNED_NETWORK_THREADS, 0,
                            TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(TUNED_NETWORK_THREADS),
                            new ThreadPoolExecutor.CallerRunsPolicy()));
        }
        analytics = builder.build();
    }

    @Override
    public long send(long first, long total) throws Exception {
        // The previous send waited for all of its callbacks: nothing updates the counters now.
        succeeded.reset();
        failed.reset();
        for (long i = first; i < first + total; i++) {
            analytics.enqueue(TrackMessage.builder(TrackEvents.event(i))
                    .userId(TrackEvents.userId(i))
                    .messageId(TrackEvents.messageId(i))
                    .timestamp(Date.from(TrackEvents.timestamp(i)))
                    .properties(TrackEvents.properties(i)));
        }
        analytics.flush();
        Waits.until(() -> succeeded.sum() + failed.sum() >= total, settings.deliveryTimeoutMillis(),
                () -> new TimeoutException((total - succeeded.sum() - failed.sum()) + " events not confirmed"));
        return failed.sum();
    }

    @Override
    public void close() {
        if (analytics != null) {
            analytics.shutdown();
        }
    }
}
