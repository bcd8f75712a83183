package io.camelsegment.component.segment;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands the continuations of acknowledged exchanges to the worker pool: a queue drained by one task on the pool, and
 * by one more for each running drainer that is stalled (up to {@code maxDrainers}). A settled batch completes up to
 * 2,500 exchanges at once; one pool task per exchange cost a thread wake-up each, and so did several drainers racing
 * for a few continuations (measured: with 10 or 200 threads waiting for their exchanges, one drainer gave 15 to 30 %
 * more throughput than ten). A slow continuation holds only its own drainer: while continuations wait for a drainer,
 * a check on the watch scheduler runs every {@link #STALL_NANOS}, and for each drainer that has been running one
 * continuation for longer it starts another, so the others wait at most about twice that. If the pool refuses a
 * drainer (shutting down, or a full pool of the user's), the continuations run on the thread that started it, never
 * dropped.
 */
final class WorkerPoolHandOff implements Executor {

    /** How long one continuation may run before its drainer counts as stalled. */
    static final long STALL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private static final Logger LOG = LoggerFactory.getLogger(WorkerPoolHandOff.class);

    private final ExecutorService pool;
    private final ScheduledExecutorService watch;
    private final int maxDrainers;
    /** A check for continuations stuck behind stalled drainers is scheduled. */
    private final AtomicBoolean watching = new AtomicBoolean();
    private final ConcurrentLinkedQueue<Runnable> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger drainers = new AtomicInteger();
    /** Per drainer slot: System.nanoTime() when its current continuation started, 0 between continuations. */
    private final AtomicLongArray runningSince;
    private final AtomicIntegerArray slotTaken;

    WorkerPoolHandOff(ExecutorService pool, ScheduledExecutorService watch, int maxDrainers) {
        this.pool = pool;
        this.watch = watch;
        this.maxDrainers = maxDrainers;
        this.runningSince = new AtomicLongArray(maxDrainers);
        this.slotTaken = new AtomicIntegerArray(maxDrainers);
    }

    @Override
    public void execute(Runnable continuation) {
        queue.add(continuation);
        if (reserveDrainer(1)) {
            startDrainer();
        } else {
            watchForStall();
        }
    }

    private void startDrainer() {
        try {
            pool.execute(this::drain);
        } catch (RejectedExecutionException e) {
            drain();
        }
    }

    /** Checks once the running drainers may count as stalled, unless a check is already scheduled. */
    private void watchForStall() {
        if (!watching.get() && watching.compareAndSet(false, true)) {
            try {
                watch.schedule(this::checkStalled, STALL_NANOS + 1, TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException e) {
                watching.set(false); // stopping: the pool's shutdown runs what is left
            }
        }
    }

    private void checkStalled() {
        watching.set(false);
        if (queue.isEmpty()) {
            return;
        }
        if (reserveDrainer(Math.min(maxDrainers, 1 + stalledDrainers()))) {
            startDrainer();
        }
        if (!queue.isEmpty()) {
            watchForStall(); // the drainers may stall again
        }
    }

    private boolean reserveDrainer(int limit) {
        while (true) {
            int running = drainers.get();
            if (running >= limit) {
                return false;
            }
            if (drainers.compareAndSet(running, running + 1)) {
                return true;
            }
        }
    }

    private int stalledDrainers() {
        long now = System.nanoTime();
        int stalled = 0;
        for (int i = 0; i < maxDrainers; i++) {
            long since = runningSince.get(i);
            if (since != 0 && now - since > STALL_NANOS) {
                stalled++;
            }
        }
        return stalled;
    }

    private void drain() {
        do {
            int slot = takeSlot();
            Runnable continuation;
            while ((continuation = queue.poll()) != null) {
                if (slot >= 0) {
                    runningSince.set(slot, System.nanoTime() | 1); // never 0
                }
                try {
                    continuation.run();
                } catch (RuntimeException e) {
                    LOG.warn("A continuation of a Segment exchange failed", e);
                } finally {
                    if (slot >= 0) {
                        runningSince.set(slot, 0);
                    }
                }
            }
            if (slot >= 0) {
                slotTaken.set(slot, 0);
            }
            drainers.decrementAndGet();
            // a continuation queued after the last poll may have found every drainer reserved: take it on
        } while (!queue.isEmpty() && reserveDrainer(1));
    }

    /** A free slot for this drainer's stall tracking (there is one per reserved drainer), or -1. */
    private int takeSlot() {
        for (int i = 0; i < maxDrainers; i++) {
            if (slotTaken.compareAndSet(i, 0, 1)) {
                return i;
            }
        }
        return -1;
    }
}
