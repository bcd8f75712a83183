package io.camelsegment.component.segment.tracking.buffer;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import io.camelsegment.component.segment.support.BufferedDeliveryTestSupport;
import io.camelsegment.component.segment.support.FaultInjectingSegmentSink.Faults;
import org.apache.camel.AsyncProducer;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.TestExecutionConfiguration;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The buffered sender's counters as Camel managed attributes of the endpoint (JMX). */
class BufferedDeliveryJmxTest extends BufferedDeliveryTestSupport {

    private static final String URI = "segment:track?batching=true&batchSize=10&flushInterval=10";

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
                from("direct:in").to(URI);
            }
        };
    }

    @Test
    void countersAreManagedAttributesOfTheEndpoint() throws Exception {
        AsyncProducer producer = producer(URI);
        // in flight together, so they share one batch (one at a time, each would go alone after flushInterval)
        List<CompletableFuture<Exchange>> first = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            first.add(track(producer, "jmx-" + i));
        }
        CompletableFuture.allOf(first.toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);
        sink.setFaults(new Faults(1.0, 0, 0, 0, 0, 0, 0, 0, 0));
        for (int i = 0; i < 10; i++) {
            track(producer, "jmx-fail-" + i);
        }
        await(() -> statistics(URI).eventsFailed() == 10, 5000, "the failed batch");

        MBeanServer server = context.getManagementStrategy().getManagementAgent().getMBeanServer();
        ObjectName endpoint = findEndpoint(server);
        assertEquals(20L, server.getAttribute(endpoint, "DeliveryEventsQueued"));
        assertEquals(10L, server.getAttribute(endpoint, "DeliveryEventsSent"));
        assertEquals(10L, server.getAttribute(endpoint, "DeliveryEventsFailed"));
        assertEquals(0L, server.getAttribute(endpoint, "DeliveryEventsDropped"));
        assertEquals(1L, server.getAttribute(endpoint, "DeliveryBatchesSent"));
        assertEquals(1L, server.getAttribute(endpoint, "DeliveryBatchesFailed"));
        assertEquals(3L, server.getAttribute(endpoint, "DeliveryRetries"), "maxRetries=3 spent on the failed batch");
        assertEquals(0L, server.getAttribute(endpoint, "DeliveryEventsBuffered"));
        long bytes = (Long) server.getAttribute(endpoint, "DeliveryBytesSent");
        assertEquals(sink.processed().get(0).bytes(), bytes);
        String lastError = (String) server.getAttribute(endpoint, "DeliveryLastError");
        assertTrue(lastError.contains("HTTP 500"), lastError);
        assertFalse(lastError.contains(WRITE_KEY));
    }

    private ObjectName findEndpoint(MBeanServer server) throws Exception {
        Set<ObjectName> names = server.queryNames(new ObjectName("org.apache.camel:type=endpoints,*"), null);
        for (ObjectName name : names) {
            Object uri = server.getAttribute(name, "EndpointUri");
            if (String.valueOf(uri).startsWith("segment://track")) {
                return name;
            }
        }
        throw new AssertionError("no segment endpoint MBean among " + names);
    }
}
