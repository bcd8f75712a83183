package io.camelsegment.component.segment.tracking.buffer;

import io.camelsegment.component.segment.SegmentException;

/**
 * Told, once, how the batch carrying an event was settled (acknowledged mode). Called from a sender thread; the
 * caller continues its exchange from there, so no stage of its own is needed in between.
 */
public interface EventCompletion {

    /** The batch was accepted with this HTTP status. */
    void delivered(int status);

    /** The batch failed after retries, or was still undelivered at the shutdown deadline. */
    void failed(SegmentException error);
}
