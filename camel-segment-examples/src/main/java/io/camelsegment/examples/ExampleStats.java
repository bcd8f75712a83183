package io.camelsegment.examples;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.camelsegment.component.segment.SegmentBatchException;
import io.camelsegment.component.segment.SegmentConstants;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts what the routes sent (from the component's result headers and exceptions), logs progress, and tells the
 * example when the input is drained. Bound as bean {@code exampleStats}, so Java and YAML routes share it.
 */
public class ExampleStats {

    private static final Logger LOG = LoggerFactory.getLogger(ExampleStats.class);
    private static final long PROGRESS_EVERY = 500;
    private static final int FAILURES_LOGGED = 10;
    private static final long WAITING_REPORT_EVERY_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong processed = new AtomicLong();
    private final AtomicLong failuresLogged = new AtomicLong();
    private final AtomicLong firstNanos = new AtomicLong();
    private final AtomicLong lastNanos = new AtomicLong();
    private final CountDownLatch drained = new CountDownLatch(1);

    /** A file is about to be read. */
    public void reading(Exchange exchange) {
        firstNanos.compareAndSet(0, System.nanoTime());
        LOG.info("Reading {}", exchange.getMessage().getHeader(Exchange.FILE_NAME, String.class));
    }

    /** segment: accepted the exchange's event(s). */
    public void delivered(Exchange exchange) {
        List<?> ids = exchange.getMessage().getHeader(SegmentConstants.MESSAGE_IDS, List.class);
        Integer requestCount = exchange.getMessage().getHeader(SegmentConstants.REQUEST_COUNT, Integer.class);
        count(ids != null ? ids.size() : 1, requestCount != null ? requestCount : 1, 0);
    }

    /** segment: failed (the route's onException calls this); a batch may have been delivered in part. */
    public void failed(Exchange exchange) {
        Exception error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        Integer requestCount = exchange.getMessage().getHeader(SegmentConstants.REQUEST_COUNT, Integer.class);
        if (error instanceof SegmentBatchException batchError) {
            count(batchError.getDeliveredMessageIds().size(), requestCount != null ? requestCount : 0,
                    batchError.getFailures().size());
        } else {
            Object body = exchange.getMessage().getBody();
            count(0, requestCount != null ? requestCount : 0, body instanceof Collection<?> c ? c.size() : 1);
        }
        if (failuresLogged.getAndIncrement() < FAILURES_LOGGED) {
            String reason = error != null ? error.getMessage() : "unknown error";
            LOG.warn("Not delivered: {}", reason.length() > 400 ? reason.substring(0, 400) + "..." : reason);
        }
    }

    /**
     * An idle poll of the file consumer: no new file. The input is drained once no file exchange of the route is
     * still in flight (a parallel splitter completes its file exchange later, on its own threads).
     */
    public void inputDrained(Exchange idlePoll) {
        int inflight = idlePoll.getContext().getInflightRepository().size(idlePoll.getFromRouteId());
        if (inflight <= 1) { // the idle poll itself
            drained.countDown();
        }
    }

    /** Waits for the input to be drained, saying every few seconds what was sent so far (Segment may be slow). */
    boolean awaitDrained(long timeoutSeconds) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            if (drained.await(Math.min(left, WAITING_REPORT_EVERY_NANOS), TimeUnit.NANOSECONDS)) {
                return true;
            }
            LOG.info("Still sending after {} s: {} events delivered in {} requests, {} failed so far{}",
                    TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start), sent.get(), requests.get(),
                    failed.get(), processed.get() == 0 ? " (failed attempts to reach Segment are logged as WARN)" : "");
        }
    }

    private void count(long delivered, long requestCount, long failures) {
        sent.addAndGet(delivered);
        requests.addAndGet(requestCount);
        failed.addAndGet(failures);
        lastNanos.set(System.nanoTime());
        long after = processed.addAndGet(delivered + failures);
        long before = after - delivered - failures;
        if (before / PROGRESS_EVERY != after / PROGRESS_EVERY) {
            LOG.info("{} events sent in {} requests, {} failed, {} s", sent.get(), requests.get(), failed.get(),
                    String.format(java.util.Locale.ROOT, "%.2f", seconds()));
        }
    }

    private double seconds() {
        long first = firstNanos.get();
        return first == 0 ? 0 : (lastNanos.get() - first) / 1e9;
    }

    /** What was counted so far. */
    public ExampleResult result(boolean completed) {
        return new ExampleResult(sent.get(), requests.get(), failed.get(), Math.round(seconds() * 1000), completed);
    }
}
