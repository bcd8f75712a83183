package io.camelsegment.component.segment.http;

import org.apache.hc.core5.concurrent.Cancellable;

/**
 * Aborts a request from another thread while it waits for a pooled connection, connects, sends or reads: the only way
 * to bound a whole request, since HttpClient's timeouts bound each step (a response timeout is per read, so a server
 * that sends a byte now and then is never timed out).
 */
@FunctionalInterface
public interface RequestWatch {

    /** No watch: the request ends by its own timeouts. */
    RequestWatch NONE = request -> () -> {
    };

    /**
     * Called as the request starts.
     *
     * @return closed when the request ended, aborted or not
     */
    Watched watch(Cancellable request);

    /** The watch over one request. */
    interface Watched extends AutoCloseable {
        @Override
        void close();

        /** Whether this watch aborted the request. */
        default boolean aborted() {
            return false;
        }
    }
}
