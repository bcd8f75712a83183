package io.camelsegment.component.segment;

/**
 * A buffered ({@code batching=true}) event was not delivered by a deadline: {@code deliveryTimeout} after it was
 * accepted (covering linger, retries and {@code Retry-After} waits), or {@code shutdownTimeout} after its sender began
 * to stop. Segment did not confirm the event; it may still have received it (a request whose answer never came), so a
 * redelivery can duplicate it, which Segment removes by messageId. The last error before the deadline, if any, is the
 * cause.
 */
public class SegmentDeliveryTimeoutException extends SegmentException {

    private static final long serialVersionUID = 1L;

    private final String deadline;

    public SegmentDeliveryTimeoutException(String message, String deadline, Throwable lastError) {
        super(message, lastError);
        this.deadline = deadline;
    }

    /** The option whose deadline passed: {@code deliveryTimeout} or {@code shutdownTimeout}. */
    public String getDeadline() {
        return deadline;
    }
}
