package io.camelsegment.test;

import java.time.Duration;

/**
 * What the receiver does to one request instead of (or on top of) answering it normally.
 *
 * @param kind       the fault
 * @param status     the status to answer (RESPOND, RECORD_THEN_RESPOND)
 * @param retryAfter the Retry-After header to send with it, or null
 * @param delay      how long to wait before answering (DELAY)
 */
record ScriptedFault(Kind kind, int status, Duration retryAfter, Duration delay) {

    enum Kind {
        /** Answer the status and record nothing. */
        RESPOND,
        /** Handle the request as usual (recording its messages), then answer the status instead of 200. */
        RECORD_THEN_RESPOND,
        /** Close the connection without answering; record nothing. */
        RESET,
        /** Wait, then handle the request as usual. */
        DELAY
    }

    static ScriptedFault respond(int status, Duration retryAfter) {
        return new ScriptedFault(Kind.RESPOND, status, retryAfter, Duration.ZERO);
    }

    static ScriptedFault recordThenRespond(int status) {
        return new ScriptedFault(Kind.RECORD_THEN_RESPOND, status, null, Duration.ZERO);
    }

    static ScriptedFault reset() {
        return new ScriptedFault(Kind.RESET, 0, null, Duration.ZERO);
    }

    static ScriptedFault delay(Duration delay) {
        return new ScriptedFault(Kind.DELAY, 200, null, delay);
    }
}
