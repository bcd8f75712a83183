package io.camelsegment.component.segment.monitor;

import java.util.Objects;

/**
 * Identifies a sender: endpoints whose keys are equal share one {@link DeliveryMonitor}. The credential (write key or
 * access token) is part of the key, so two write keys are two senders, but it is never printed.
 *
 * @param kind       what the sender delivers
 * @param url        the API base URL
 * @param mode       the delivery mode of a buffered sender (acknowledged, fireAndForget), else null
 * @param credential the endpoint's write key or access token (may be null); only compared, and used to mask
 * @param settings   anything else that makes a sender distinct (a buffered sender's settings), or null
 */
public record SenderKey(SenderKind kind, String url, String mode, String credential, Object settings) {

    public SenderKey {
        Objects.requireNonNull(kind, "kind");
    }

    /** What the sender is, for people: kind, mode and URL; never the credential. */
    public String description() {
        return kind.label() + (mode != null ? " (" + mode + ")" : "") + " " + url;
    }

    @Override
    public String toString() {
        return "SenderKey[" + description() + "]";
    }
}
