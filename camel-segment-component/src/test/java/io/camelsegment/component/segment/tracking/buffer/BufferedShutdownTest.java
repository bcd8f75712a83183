package io.camelsegment.component.segment.tracking.buffer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.camelsegment.component.segment.SegmentConstants;
import io.camelsegment.component.segment.SegmentException;
import io.camelsegment.component.segment.monitor.DeliveryStatistics;
import io.camelsegment.component.segment.support.BufferedDeliveryTestSupport;
import org.apache.camel.AsyncProducer;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.service.ServiceHelper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Graceful shutdown: what is buffered is sent within shutdownTimeout; the rest fails or is reported. */
class BufferedShutdownTest extends BufferedDeliveryTestSupport {

    @Test
    void stoppingTheProducerFlushesAFullQueue() throws Exception {
        String uri = "segment:track?batching=true&deliveryMode=fireAndForget&batchSize=100&flushInterval=60000";
        AsyncProducer producer = producer(uri);
        for (int i = 0; i < 5050; i++) {
            assertNull(track(producer, "q-" + i).get(5, TimeUnit.SECONDS).getException());
        }
        // 50 full batches may be on their way; the last 50 events wait for a flushInterval of a minute.
        ServiceHelper.stopService(producer);

        assertEquals(5050, sink.arrivals().size(), "all delivered before stop returned");
        DeliveryStatistics stats = statistics(uri);
        assertEquals(5050, stats.eventsSent());
        assertEquals(51, stats.batchesSent());
        assertEquals(0, stats.eventsBuffered());
    }

    @Test
    void stoppingTheProducerCompletesWaitingAcknowledgedExchanges() throws Exception {
        AsyncProducer producer = producer("segment:track?batching=true&flushInterval=60000");
        List<CompletableFuture<Exchange>> sent = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            sent.add(track(producer, "ack-" + i));
        }
        ServiceHelper.stopService(producer);
        for (CompletableFuture<Exchange> future : sent) {
            Exchange done = future.get(5, TimeUnit.SECONDS);
            assertNull(done.getException());
            assertEquals(200, done.getMessage().getHeader(SegmentConstants.HTTP_STATUS));
        }
        assertEquals(50, sink.arrivals().size());
    }

    @Test
    void stoppingTheContextFlushesRoutes() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:in").to("segment:track?batching=true&deliveryMode=fireAndForget&flushInterval=60000");
            }
        });
        for (int i = 0; i < 1000; i++) {
            template.sendBodyAndHeaders("direct:in", Map.of(), Map.of(SegmentConstants.USER_ID, "u",
                    SegmentConstants.EVENT, "E", SegmentConstants.MESSAGE_ID, "ctx-" + i));
        }
        assertEquals(0, sink.attempts());
        context.stop();
        assertEquals(1000, sink.arrivals().size());
    }

    @Test
    void pastTheDeadlineAcknowledgedExchangesFail() throws Exception {
        sink.holdResponses();
        String uri = "segment:track?batching=true&batchSize=5&flushInterval=0&maxInFlightRequests=1"
                     + "&shutdownTimeout=300&responseTimeout=1000";
        AsyncProducer producer = producer(uri);
        List<CompletableFuture<Exchange>> sent = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            sent.add(track(producer, "late-" + i));
        }
        await(() -> sink.processed().size() == 1, 5000, "the first batch in flight");
        ServiceHelper.stopService(producer);
        for (CompletableFuture<Exchange> future : sent) {
            Exchange done = future.get(5, TimeUnit.SECONDS);
            SegmentException error = assertInstanceOf(SegmentException.class, done.getException());
            assertTrue(error.getMessage().contains("not delivered within shutdownTimeout=300 ms"),
                    error.getMessage());
        }
        DeliveryStatistics stats = statistics(uri);
        assertEquals(10, stats.eventsFailed(), "in-flight and queued events both reported");
        assertEquals(0, stats.eventsBuffered());
    }

    @Test
    void pastTheDeadlineFireAndForgetEventsAreCountedAndLoggedByMessageId() throws Exception {
        sink.holdResponses();
        String uri = "segment:track?batching=true&deliveryMode=fireAndForget&batchSize=5&flushInterval=0"
                     + "&maxInFlightRequests=1&shutdownTimeout=200&responseTimeout=1000";
        AsyncProducer producer = producer(uri);
        for (int i = 0; i < 10; i++) {
            assertNull(track(producer, "deadline-ff-" + i).get(5, TimeUnit.SECONDS).getException());
        }
        await(() -> sink.processed().size() == 1, 5000, "the first batch in flight");
        ServiceHelper.stopService(producer);

        assertEquals(10, statistics(uri).eventsFailed());
        String log = Files.readString(Path.of("target", "test-logs.log"));
        assertTrue(log.contains("deadline-ff-9"), "undelivered messageIds are logged");
        assertTrue(log.contains("with 10 event(s) undelivered"), "the undelivered count is logged");
    }
}
