package io.camelsegment.benchmarks;

/**
 * One way of getting the workload to the sink. A driver runs alone in its own JVM: {@link #start} sets it up, untimed
 * {@link #send}s warm it up, then one {@link #send} and {@link #close} are timed together.
 */
public interface Driver extends AutoCloseable {

    /** Connects the driver to the sink, e.g. starts a CamelContext or builds a client. */
    void start(Sink sink, BenchSettings settings) throws Exception;

    /**
     * Sends events {@code first .. first+count-1} of {@link TrackEvents} and waits until each was delivered or failed
     * (for drivers that complete events on enqueue: until their buffer is empty). Called more than once on one
     * instance: each call starts when the previous one has returned.
     *
     * @return the events of this call the driver was told had failed (exceptions, failure callbacks)
     */
    long send(long first, long count) throws Exception;

    /** Flushes what is still buffered and stops. */
    @Override
    void close() throws Exception;

    /** Where the sink listens, and the write key drivers authenticate with. */
    record Sink(String trackingUrl, String hostUrl, String writeKey) {
    }
}
