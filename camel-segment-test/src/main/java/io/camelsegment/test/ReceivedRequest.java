package io.camelsegment.test;

import java.time.Instant;
import java.util.Map;

/**
 * One HTTP request the receiver answered, whatever the answer: what came and what went back.
 *
 * @param path      the endpoint after {@code /v1/}, e.g. {@code track} or {@code batch}
 * @param status    the status answered; 0 when the connection was closed without an answer
 * @param reason    why the request was refused or its events dropped (e.g. "Exceed payload limit"), null when accepted
 * @param bodyBytes the size of the request body
 * @param messages  messages recorded from it (0 when refused, faulted before recording, or dropped)
 * @param headers   the request headers, names in lower case, the first value of each (Authorization left out)
 * @param at        when the answer was decided
 */
public record ReceivedRequest(String path, int status, String reason, long bodyBytes, int messages,
                              Map<String, String> headers, Instant at) {

    /** A request header by case-insensitive name, or null. */
    public String header(String name) {
        return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }

    /** The {@code X-Retry-Count} header Segment's libraries send on retries, or 0 when absent. */
    public int retryCount() {
        String value = header("X-Retry-Count");
        return value == null ? 0 : Integer.parseInt(value.trim());
    }

    public boolean accepted() {
        return status == 200 && reason == null;
    }
}
