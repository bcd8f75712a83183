package io.camelsegment.component.segment;

import io.camelsegment.component.segment.support.WireMockSegmentTestSupport;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every option is checked when the endpoint is created (a route using it fails to start), not at the first message or
 * when the producer starts; Segment's own limits are refused there.
 */
class OptionValidationTest extends WireMockSegmentTestSupport {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "segment:track?responseTimeout=-1 | responseTimeout must be >= 1 ms, was -1",
            "segment:track?connectTimeout=0 | connectTimeout must be >= 1 ms, was 0",
            "segment:track?retryBackoffBase=5000&retryBackoffMax=1000 | retryBackoffBase (5000 ms) must not be greater than retryBackoffMax (1000 ms)",
            "segment:track?batching=true&maxBatchBytes=587776 | maxBatchBytes must be between 32816 and 500000 bytes",
            "segment:batch?maxBatchBytes=500001 | maxBatchBytes must be between",
            "segment:batch?batchSize=2501 | batchSize must be between 1 and 2500",
            "segment:batch?batchSize=0 | batchSize must be between 1 and 2500",
            "segment:track?maxRetries=-1 | maxRetries must be >= 0, was -1",
            "segment:track?maxConnections=0 | maxConnections must be >= 1, was 0",
            "segment:track?maxRetryAfter=-5 | maxRetryAfter must be >= 0 ms, was -5",
            "segment:track?batching=true&maxInFlightRequests=0 | maxInFlightRequests must be >= 1, was 0",
            "segment:track?batching=true&maxConnections=2 | maxInFlightRequests must be at most maxConnections (2): each sender thread sends on a pooled connection of its own, was 4",
            "segment:track?batching=true&bufferMaxEvents=0 | bufferMaxEvents must be >= 1, was 0",
            "segment:track?batching=true&flushInterval=-1 | flushInterval must be >= 0 ms, was -1",
            "segment:track?batching=true&shutdownTimeout=-1 | shutdownTimeout must be >= 0 ms, was -1",
            "segment:track?batching=true&maxBlockTime=-1 | maxBlockTime must be >= 0 ms, was -1",
            "segment:getDestination?paginationCount=0 | paginationCount must be between 1 and 1000, was 0",
            "segment:getDestination?responseType=xml | responseType must be map or jsonNode, was xml",
            "segment:track?trackingUrl=localhost:8080 | trackingUrl must be an absolute http or https URL",
            "segment:getDestination?batching=true | batching=true applies to the Tracking API operations (identify, track, page, screen, group, alias and batch), not to getDestination",
            "segment:track?batching=true&flushInterval=5000&deliveryTimeout=5000 | deliveryTimeout must be longer than flushInterval (5000 ms)",
            "segment:track?batching=true&deliveryTimeout=0 | deliveryTimeout must be >= 1 ms, was 0",
            "segment:track?maxRetries=abc | maxRetries must be a whole number, was 'abc'",
            "segment:track?proxyPort=abc | proxyPort must be a whole number, was 'abc'",
            "segment:batch?batchSize=12x | batchSize must be a whole number, was '12x'",
            "segment:track?batching=true&flushInterval=abc | flushInterval must be a duration: milliseconds (5000), an amount with a unit (500ms, 5s, 2m, 1h30m) or ISO-8601 (PT5S), was 'abc'",
            "segment:track?connectTimeout=soon | connectTimeout must be a duration",
            "segment:track?deliveryTimeout=PTfoo | deliveryTimeout must be a duration",
            "segment:track?batching=yes | batching must be true or false, was 'yes'"
    })
    void aRouteWithAnInvalidOptionFailsToStart(String uri, String expected) {
        assertInvalid(uri, expected);
    }

    /** Every form of a duration Camel reads stays accepted (the text check only refuses what it would turn into 0). */
    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {
            "segment:track?batching=true&flushInterval=250&deliveryTimeout=2m&maxRetries=+3&proxyPort=8080",
            "segment:track?batching=true&flushInterval=500ms&deliveryTimeout=1h30m&callerRunsWhenIdle=FALSE",
            "segment:track?batching=true&flushInterval=PT0.5S&deliveryTimeout=PT2M&connectTimeout=5s" })
    void readableNumbersDurationsAndBooleansAreAccepted(String uri) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:ok").to(uri);
            }
        });
        assertTrue(context.getRoutes().stream().anyMatch(r -> r.getEndpoint().getEndpointUri().equals("direct://ok")));
    }

    private void assertInvalid(String uri, String expected) {
        Exception e = assertThrows(Exception.class, () -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:in").to(uri);
            }
        }));
        StringBuilder messages = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append('\n');
        }
        assertTrue(messages.toString().contains(expected), messages::toString);
    }
}
