package io.camelsegment.examples;

import java.util.Locale;

/**
 * The outcome of one run of the example.
 *
 * @param eventsSent   events Segment (or the local receiver) accepted
 * @param httpRequests HTTP requests that carried them (retries not counted)
 * @param failedEvents events not delivered
 * @param millis       from reading the first file to the last response
 * @param completed    whether the whole input was read before the timeout
 */
public record ExampleResult(long eventsSent, long httpRequests, long failedEvents, long millis, boolean completed) {

    public double eventsPerSecond() {
        return millis == 0 ? 0 : eventsSent * 1000.0 / millis;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%d events sent in %d HTTP requests, %d failed, %.2f s (%.0f events/s)%s",
                eventsSent, httpRequests, failedEvents, millis / 1000.0, eventsPerSecond(),
                completed ? "" : ", TIMED OUT before the input was read");
    }
}
