package io.camelsegment.component.segment;

/**
 * A buffered ({@code batching=true}) endpoint could not take an event because its buffer was full (by events or by
 * bytes) and the overflow policy is {@code fail}, or {@code block} and no room came within {@code maxBlockTime}.
 */
public class SegmentBufferFullException extends SegmentException {

    private static final long serialVersionUID = 1L;

    private final String limit;

    public SegmentBufferFullException(String message, String limit) {
        super(message);
        this.limit = limit;
    }

    /** The limit that was reached: {@code bufferMaxEvents} or {@code bufferMaxBytes}. */
    public String getLimit() {
        return limit;
    }
}
