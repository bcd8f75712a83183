package io.camelsegment.benchmarks;

/**
 * One way of getting the workload to the sink. A driver runs alone in its own JVM: {@link #start} sets it up (not
 * timed), {@link #send} and {@link #close} are timed together, and when {@code close} returns every event must have
 * been delivered or known to have failed.
 */
public interface Driver extends AutoCloseable {

    /** Connects the driver to the sink, e.g. starts a CamelContext or builds a client. */
    void start(Sink sink, BenchSettings settings) throws Exception;

    /**
     * Sends events {@code first .. first+count-1} of {@link TrackEvents} and waits until each was confirmed delivered
     * or failed (what {@link #close} still flushes excepted, for drivers that complete events on enqueue).
     *
     * @return the events the driver was told had failed (exceptions, failure callbacks)
     */
    long send(long first, long count) throws Exception;

    /** Flushes what is still buffered and stops. */
    @Override
    void close() throws Exception;

    /** Where the sink listens, and the write key drivers authenticate with. */
    record Sink(String trackingUrl, String hostUrl, String writeKey) {
    }
}
