package io.camelsegment.component.segment.monitor;

/** What a sender delivers, and how. */
public enum SenderKind {

    /** Tracking API, one request per exchange ({@code batching=false}, and {@code segment:batch}). */
    TRACKING_DIRECT("tracking-direct"),
    /** Tracking API through the buffered sender ({@code batching=true}). */
    TRACKING_BUFFERED("tracking-buffered"),
    /** Public API calls. */
    PUBLIC_API("public-api");

    private final String label;

    SenderKind(String label) {
        this.label = label;
    }

    /** A short name for consoles and JMX. */
    public String label() {
        return label;
    }
}
