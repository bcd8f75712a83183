package io.camelsegment.benchmarks.drivers;

import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;

/** Events a driver's route reports delivered or failed, and the wait until a send's events are all accounted for. */
final class SettledEvents {

    private final LongAdder delivered = new LongAdder();
    private final LongAdder failed = new LongAdder();

    void delivered(int events) {
        delivered.add(events);
    }

    void failed(int events) {
        failed.add(events);
    }

    /** Called at the start of a send: the previous send waited for all of its events, nothing updates the counts. */
    void reset() {
        delivered.reset();
        failed.reset();
    }

    /** Waits until {@code total} events are delivered or failed; returns how many failed. */
    long awaitAll(long total, long timeoutMillis) throws Exception {
        Waits.until(() -> delivered.sum() + failed.sum() >= total, timeoutMillis,
                () -> new TimeoutException((total - delivered.sum() - failed.sum()) + " events unaccounted for"));
        return failed.sum();
    }
}
