package io.camelsegment.component.segment;

import org.apache.camel.CamelException;

/** Base of every exception the {@code segment:} component puts on an exchange. */
public class SegmentException extends CamelException {

    private static final long serialVersionUID = 1L;

    public SegmentException(String message) {
        super(message);
    }

    public SegmentException(String message, Throwable cause) {
        super(message, cause);
    }
}
