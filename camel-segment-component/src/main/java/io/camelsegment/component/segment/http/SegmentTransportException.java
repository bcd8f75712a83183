package io.camelsegment.component.segment.http;

import java.io.IOException;

/**
 * No usable response: the last attempt failed with an I/O error (or the wait before a retry was interrupted). Says
 * how many attempts were really made; the I/O error is the cause.
 */
public class SegmentTransportException extends IOException {

    private static final long serialVersionUID = 1L;

    private final int attempts;

    public SegmentTransportException(int attempts, IOException cause) {
        super(cause.getClass().getSimpleName() + (cause.getMessage() != null ? ": " + cause.getMessage() : ""), cause);
        this.attempts = attempts;
    }

    /** How many attempts were made before giving up. */
    public int getAttempts() {
        return attempts;
    }
}
