package io.camelsegment.component.segment.http;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.hc.core5.concurrent.Cancellable;

/** Aborts requests that have not ended by a time, on one scheduler thread that Camel manages. */
public final class RequestTimer {

    private final ScheduledExecutorService timer;

    public RequestTimer(ScheduledExecutorService timer) {
        this.timer = timer;
        if (timer instanceof ScheduledThreadPoolExecutor pool) {
            pool.setRemoveOnCancelPolicy(true); // a request that ended leaves nothing behind in the queue
        }
    }

    /**
     * Aborts the request {@code delayNanos} from now unless the returned watch is closed first. The scheduled task
     * holds the request only until then: a request body is never kept for the timer's sake.
     */
    public RequestWatch.Watched abortAfter(Cancellable request, long delayNanos) {
        AtomicReference<Cancellable> pending = new AtomicReference<>(request);
        AtomicBoolean aborted = new AtomicBoolean();
        ScheduledFuture<?> abort = timer.schedule(() -> {
            Cancellable late = pending.getAndSet(null);
            if (late != null) {
                aborted.set(true);
                late.cancel();
            }
        }, delayNanos, TimeUnit.NANOSECONDS);
        return new RequestWatch.Watched() {
            @Override
            public void close() {
                pending.set(null);
                abort.cancel(false);
            }

            @Override
            public boolean aborted() {
                return aborted.get();
            }
        };
    }
}
