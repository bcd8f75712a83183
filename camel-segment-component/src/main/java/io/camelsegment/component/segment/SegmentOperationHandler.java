package io.camelsegment.component.segment;

import java.util.concurrent.CompletableFuture;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Carries out the operations of one API for a producer. The future completes with the operation's result data (the
 * {@code data} of the envelope; for the Public API also the new body), or exceptionally with the failure. Direct
 * calls return an already completed future; buffered delivery completes it later from a sender thread.
 */
public interface SegmentOperationHandler {

    CompletableFuture<Object> handle(Exchange exchange, SegmentOperation operation) throws Exception;

    /**
     * A result that still has to be applied to the exchange's message: a sender thread completes the future with it,
     * and the producer applies it where the exchange continues, so the sender never touches the exchange.
     */
    interface DeferredResult {

        /** Sets the result's headers on the message and returns the result data. */
        Object applyTo(Message out);
    }
}
