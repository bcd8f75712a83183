package io.camelsegment.component.segment.tracking.buffer;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.camelsegment.component.segment.http.RequestWatch;
import org.apache.hc.core5.concurrent.Cancellable;

/**
 * The requests a buffered sender has on the wire. Each is aborted at its batch's deadline, whatever step it is in
 * (waiting for a pooled connection, connecting, reading an answer that trickles in), so a batch settles by
 * deliveryTimeout at the latest; and all of them when the sender stops past its shutdown deadline, so no sender thread
 * outlives its sender.
 */
final class InFlightRequests {

    private final ScheduledExecutorService timer;
    private final Set<Cancellable> active = ConcurrentHashMap.newKeySet();

    InFlightRequests(ScheduledExecutorService timer) {
        this.timer = timer;
        if (timer instanceof ScheduledThreadPoolExecutor pool) {
            pool.setRemoveOnCancelPolicy(true); // a request that ended leaves nothing behind in the timer's queue
        }
    }

    /** A watch that aborts the request at {@code deadlineNanos} ({@link System#nanoTime()}). */
    RequestWatch until(long deadlineNanos) {
        return request -> {
            active.add(request);
            // The task holds the request only until it ended: a 500 KB body is never kept for the timer's sake.
            AtomicReference<Cancellable> pending = new AtomicReference<>(request);
            ScheduledFuture<?> abort = timer.schedule(() -> {
                Cancellable late = pending.getAndSet(null);
                if (late != null) {
                    late.cancel();
                }
            }, deadlineNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
            return () -> {
                pending.set(null);
                abort.cancel(false);
                active.remove(request);
            };
        };
    }

    /** Aborts every request on the wire. */
    void abortAll() {
        active.forEach(Cancellable::cancel);
    }
}
