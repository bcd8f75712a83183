package io.camelsegment.component.segment.management;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import io.camelsegment.component.segment.SegmentConstants;
import io.camelsegment.component.segment.support.BufferedDeliveryTestSupport;
import io.camelsegment.component.segment.support.FaultInjectingSegmentSink.Faults;
import org.apache.camel.AsyncProducer;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.TestExecutionConfiguration;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One managed object per sender in JMX: the counters written by delivery, read through the MBean server. */
class SegmentSenderJmxTest extends BufferedDeliveryTestSupport {

    private static final String BUFFERED = "segment:track?batching=true&batchSize=10&flushInterval=60000";
    private static final String DIRECT = "segment:identify";

    @Override
    public void configureTest(TestExecutionConfiguration testExecutionConfiguration) {
        super.configureTest(testExecutionConfiguration);
        testExecutionConfiguration.withJMX(true);
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:buffered").to(BUFFERED);
                from("direct:identify").to(DIRECT);
            }
        };
    }

    @Test
    void eachSenderIsOneMBeanWithItsCounters() throws Exception {
        AsyncProducer producer = producer(BUFFERED);
        // in flight together: they fill one batch by count (one at a time, each would wait out flushInterval)
        List<CompletableFuture<Exchange>> first = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            first.add(track(producer, "jmx-" + i));
        }
        CompletableFuture.allOf(first.toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);
        sink.setFaults(new Faults(1.0, 0, 0, 0, 0, 0, 0, 0, 0));
        for (int i = 0; i < 10; i++) {
            track(producer, "jmx-fail-" + i);
        }
        await(() -> statistics(BUFFERED).eventsFailed() == 10, 5000, "the failed batch");
        sink.setFaults(Faults.NONE);
        template.sendBodyAndHeader("direct:identify", Map.of("plan", "pro"), SegmentConstants.USER_ID, "u-1");

        MBeanServer server = context.getManagementStrategy().getManagementAgent().getMBeanServer();
        ObjectName buffered = sender(server, "tracking-buffered");
        assertEquals(20L, server.getAttribute(buffered, "EventsQueued"));
        assertEquals(10L, server.getAttribute(buffered, "EventsSent"));
        assertEquals(10L, server.getAttribute(buffered, "EventsFailed"));
        assertEquals(0L, server.getAttribute(buffered, "EventsTimedOut"), "failed after its retries, not at a deadline");
        assertEquals(0L, server.getAttribute(buffered, "EventsDropped"));
        assertEquals(1L, server.getAttribute(buffered, "BatchesSent"));
        assertEquals(1L, server.getAttribute(buffered, "BatchesFailed"));
        assertEquals(3L, server.getAttribute(buffered, "Retries"), "maxRetries=3 spent on the failed batch");
        assertEquals(0L, server.getAttribute(buffered, "EventsBuffered"));
        assertEquals(0, server.getAttribute(buffered, "RequestsInFlight"));
        assertEquals(sink.processed().get(0).bytes(), (Long) server.getAttribute(buffered, "BytesSent"));
        String lastError = (String) server.getAttribute(buffered, "LastError");
        assertTrue(lastError.contains("HTTP 500"), lastError);
        assertFalse(lastError.contains(WRITE_KEY));
        assertNotEquals("", server.getAttribute(buffered, "LastSuccessTime"));
        assertNotEquals("", server.getAttribute(buffered, "FailingSince"), "the last request failed");
        String[] endpoints = (String[]) server.getAttribute(buffered, "Endpoints");
        assertEquals(1, endpoints.length, Arrays.toString(endpoints));
        assertEquals("segment://track?batchSize=10&batching=true&flushInterval=60000", endpoints[0]);

        ObjectName direct = sender(server, "tracking-direct");
        assertEquals(1L, server.getAttribute(direct, "EventsSent"));
        assertEquals(1L, server.getAttribute(direct, "BatchesSent"));
        assertEquals(0L, server.getAttribute(direct, "EventsQueued"));
        assertEquals("", server.getAttribute(direct, "FailingSince"));
        assertArrayEquals(new String[] { "segment://identify" }, (String[]) server.getAttribute(direct, "Endpoints"));
    }

    @Test
    void segmentBatchRequestsCountInTheDirectSender() throws Exception {
        List<Map<String, Object>> events = List.of(
                Map.of("type", "track", "userId", "u-1", "event", "A", "messageId", "b-1"),
                Map.of("type", "track", "userId", "u-2", "event", "B", "messageId", "b-2"),
                Map.of("type", "identify", "userId", "u-3", "messageId", "b-3"));
        template.sendBody("segment:batch", events);

        MBeanServer server = context.getManagementStrategy().getManagementAgent().getMBeanServer();
        ObjectName direct = sender(server, "tracking-direct");
        assertEquals(3L, server.getAttribute(direct, "EventsSent"));
        assertEquals(1L, server.getAttribute(direct, "BatchesSent"), "one /v1/batch request");
        assertEquals((long) sink.processed().get(0).bytes(), server.getAttribute(direct, "BytesSent"));
        assertEquals(Set.of("segment://batch", "segment://identify"),
                Set.of((String[]) server.getAttribute(direct, "Endpoints")), "one sender for equal settings");
    }

    @Test
    void endpointsNoLongerCarryDeliveryCounters() throws Exception {
        producer(BUFFERED);
        MBeanServer server = context.getManagementStrategy().getManagementAgent().getMBeanServer();
        for (ObjectName endpoint : server.queryNames(new ObjectName("org.apache.camel:type=endpoints,*"), null)) {
            for (MBeanAttributeInfo attribute : server.getMBeanInfo(endpoint).getAttributes()) {
                assertFalse(attribute.getName().startsWith("Delivery"), endpoint + " has " + attribute.getName());
            }
        }
    }

    @Test
    void senderMBeansGoAwayWithTheComponent() throws Exception {
        producer(BUFFERED);
        MBeanServer server = context.getManagementStrategy().getManagementAgent().getMBeanServer();
        ObjectName name = sender(server, "tracking-buffered");
        context.stop();
        assertFalse(server.isRegistered(name));
    }

    private static ObjectName sender(MBeanServer server, String kind) throws Exception {
        Set<ObjectName> names = server.queryNames(new ObjectName("org.apache.camel:type=services,name=segment-sender-*,*"),
                null);
        for (ObjectName name : names) {
            if (kind.equals(server.getAttribute(name, "Kind"))) {
                return name;
            }
        }
        throw new AssertionError("no " + kind + " sender MBean among " + names);
    }
}
