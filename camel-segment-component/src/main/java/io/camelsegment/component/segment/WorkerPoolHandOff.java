package io.camelsegment.component.segment;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands the continuations of acknowledged exchanges to the worker pool: a queue drained by at most
 * {@code maxDrainers} tasks on the pool. A settled batch completes up to 2,500 exchanges at once; one pool task per
 * exchange cost a thread wake-up each and halved the throughput, while a few drainers each run many continuations in a
 * row. A slow continuation holds only its own drainer: the others go on with the rest. If the pool refuses a drainer
 * (shutting down, or a full pool of the user's), the continuations run on the calling thread, never dropped.
 */
final class WorkerPoolHandOff implements Executor {

    private static final Logger LOG = LoggerFactory.getLogger(WorkerPoolHandOff.class);

    private final ExecutorService pool;
    private final int maxDrainers;
    private final ConcurrentLinkedQueue<Runnable> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger drainers = new AtomicInteger();

    WorkerPoolHandOff(ExecutorService pool, int maxDrainers) {
        this.pool = pool;
        this.maxDrainers = maxDrainers;
    }

    @Override
    public void execute(Runnable continuation) {
        queue.add(continuation);
        if (reserveDrainer()) {
            try {
                pool.execute(this::drain);
            } catch (RejectedExecutionException e) {
                drain();
            }
        }
    }

    private boolean reserveDrainer() {
        while (true) {
            int running = drainers.get();
            if (running >= maxDrainers) {
                return false;
            }
            if (drainers.compareAndSet(running, running + 1)) {
                return true;
            }
        }
    }

    private void drain() {
        do {
            Runnable continuation;
            while ((continuation = queue.poll()) != null) {
                try {
                    continuation.run();
                } catch (RuntimeException e) {
                    LOG.warn("A continuation of a Segment exchange failed", e);
                }
            }
            drainers.decrementAndGet();
            // a continuation queued after the last poll may have found every drainer reserved: take it on
        } while (!queue.isEmpty() && reserveDrainer());
    }
}
