package io.camelsegment.component.segment.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.camelsegment.component.segment.support.BufferedDeliveryTestSupport;
import io.camelsegment.component.segment.support.FaultInjectingSegmentSink.Faults;
import org.apache.camel.AsyncProducer;
import org.apache.camel.Exchange;
import org.apache.camel.console.DevConsole;
import org.apache.camel.console.DevConsoleRegistry;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code segment} dev console, resolved the way Camel resolves consoles (registry, then the generated SPI file),
 * shows a buffered sender's queue, requests in flight, counters, last success and masked last error.
 */
class SegmentDevConsoleTest extends BufferedDeliveryTestSupport {

    // a batch leaves when full (5 events): flushInterval is far away
    private static final String URI = "segment:track?batching=true&batchSize=5&flushInterval=60000"
                                      + "&maxInFlightRequests=1";

    @Test
    void showsQueueRequestsInFlightCountersLastSuccessAndLastError() throws Exception {
        DevConsole console = DevConsoleRegistry.get(context).resolveById("segment");
        assertInstanceOf(SegmentDevConsole.class, console);
        AsyncProducer producer = producer(URI);

        sink.holdResponses();
        List<CompletableFuture<Exchange>> sent = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            sent.add(track(producer, "console-" + i));
        }
        await(() -> statistics(URI).requestsInFlight() == 1, 5000, "the batch on the wire");
        Map<String, Object> waiting = sender(console);
        assertEquals("tracking-buffered", waiting.get("kind"));
        assertEquals("acknowledged", waiting.get("deliveryMode"));
        assertEquals(sink.trackingUrl(), waiting.get("url"));
        assertEquals(List.of("segment://track?batchSize=5&batching=true&flushInterval=60000&maxInFlightRequests=1"),
                waiting.get("endpoints"));
        assertEquals(1, waiting.get("requestsInFlight"));
        assertEquals(5L, waiting.get("eventsBuffered"));
        assertTrue((Long) waiting.get("bytesBuffered") > 0);
        assertEquals(5L, waiting.get("eventsQueued"));
        assertEquals(0L, waiting.get("eventsSent"));
        assertNull(waiting.get("lastSuccessTime"));

        sink.releaseResponses();
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);
        Map<String, Object> delivered = sender(console);
        assertEquals(0, delivered.get("requestsInFlight"));
        assertEquals(0L, delivered.get("eventsBuffered"));
        assertEquals(0L, delivered.get("bytesBuffered"));
        assertEquals(5L, delivered.get("eventsSent"));
        assertEquals(1L, delivered.get("batchesSent"));
        assertEquals((long) sink.processed().get(0).bytes(), delivered.get("bytesSent"));
        assertNotNull(delivered.get("lastSuccessTime"));
        assertEquals(true, delivered.get("healthy"));

        sink.setFaults(new Faults(1.0, 0, 0, 0, 0, 0, 0, 0, 0));
        for (int i = 0; i < 5; i++) {
            track(producer, "console-fail-" + i);
        }
        await(() -> statistics(URI).eventsFailed() == 5, 5000, "the failed batch");
        Map<String, Object> failed = sender(console);
        assertEquals(5L, failed.get("eventsFailed"));
        assertEquals(0L, failed.get("eventsTimedOut"), "failed after its retries, not at a deadline");
        assertEquals(1L, failed.get("batchesFailed"));
        assertEquals(3L, failed.get("retries"));
        assertEquals(10L, failed.get("eventsQueued"));
        assertTrue(String.valueOf(failed.get("lastError")).contains("HTTP 500"), String.valueOf(failed.get("lastError")));
        assertNotNull(failed.get("lastErrorTime"));
        assertNotNull(failed.get("failingSince"));
        assertEquals(true, failed.get("healthy"), "failing for less than healthCheckFailureThreshold (60 s)");

        String text = (String) console.call(DevConsole.MediaType.TEXT);
        assertTrue(text.contains("tracking-buffered (acknowledged) " + sink.trackingUrl()), text);
        assertTrue(text.contains("Queue: 0 events, 0 bytes"), text);
        assertTrue(text.contains("Events: 10 queued, 5 sent, 5 failed (0 timed out), 0 dropped, 0 rejected"), text);
        assertTrue(text.contains("Last error: "), text);
        assertFalse(text.contains(WRITE_KEY), text);
        assertFalse(console.call(DevConsole.MediaType.JSON).toString().contains(WRITE_KEY));
    }

    @Test
    void listsNothingBeforeAProducerStarted() {
        DevConsole console = DevConsoleRegistry.get(context).resolveById("segment");
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) console.call(DevConsole.MediaType.JSON);
        assertEquals(List.of(), json.get("senders"));
        assertEquals("", console.call(DevConsole.MediaType.TEXT));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> sender(DevConsole console) {
        Map<String, Object> json = (Map<String, Object>) console.call(DevConsole.MediaType.JSON);
        List<Map<String, Object>> senders = (List<Map<String, Object>>) json.get("senders");
        assertEquals(1, senders.size(), senders.toString());
        return senders.get(0);
    }
}
