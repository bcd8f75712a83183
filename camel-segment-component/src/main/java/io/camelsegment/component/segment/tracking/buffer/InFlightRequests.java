package io.camelsegment.component.segment.tracking.buffer;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.camelsegment.component.segment.http.RequestTimer;
import io.camelsegment.component.segment.http.RequestWatch;
import org.apache.hc.core5.concurrent.Cancellable;

/**
 * The requests a buffered sender has on the wire. Each is aborted at its batch's deadline, whatever step it is in
 * (waiting for a pooled connection, connecting, reading an answer that trickles in), so a batch settles by
 * deliveryTimeout at the latest; and all of them when the sender stops past its shutdown deadline, so no sender thread
 * outlives its sender.
 */
final class InFlightRequests {

    private final RequestTimer timer;
    private final Set<Cancellable> active = ConcurrentHashMap.newKeySet();

    InFlightRequests(RequestTimer timer) {
        this.timer = timer;
    }

    /** A watch that aborts the request at {@code deadlineNanos} ({@link System#nanoTime()}). */
    RequestWatch until(long deadlineNanos) {
        return request -> {
            active.add(request);
            RequestWatch.Watched abort = timer.abortAfter(request, deadlineNanos - System.nanoTime());
            return () -> {
                abort.close();
                active.remove(request);
            };
        };
    }

    /** Aborts every request on the wire. */
    void abortAll() {
        active.forEach(Cancellable::cancel);
    }
}
