package io.camelsegment.component.segment.console;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.camelsegment.component.segment.SegmentComponent;
import io.camelsegment.component.segment.health.SenderHealth;
import io.camelsegment.component.segment.monitor.DeliveryMonitor;
import io.camelsegment.component.segment.monitor.DeliveryStatistics;
import org.apache.camel.Component;
import org.apache.camel.spi.annotations.DevConsole;
import org.apache.camel.support.console.AbstractDevConsole;
import org.apache.camel.util.json.JsonArray;
import org.apache.camel.util.json.JsonObject;

/**
 * The {@code segment} dev console: for every sender of every {@code segment}-type component in the context, its
 * endpoints, health, queue depth, requests in flight, counters, last error (masked) and last success.
 */
@DevConsole(name = "segment", displayName = "Segment", description = "Twilio Segment senders: queues, requests, counters")
public class SegmentDevConsole extends AbstractDevConsole {

    public SegmentDevConsole() {
        super("camel", "segment", "Segment", "Twilio Segment senders: queues, requests, counters");
    }

    @Override
    protected String doCallText(Map<String, Object> options) {
        StringBuilder sb = new StringBuilder();
        for (Sender sender : senders()) {
            DeliveryMonitor m = sender.monitor();
            DeliveryStatistics s = sender.stats();
            sb.append(String.format("%nSender %d: %s", m.id(), m.key().description()));
            sb.append(String.format("%n    Endpoints: %s", String.join(", ", m.endpoints())));
            sb.append(String.format("%n    Health: %s", sender.health().up() ? "UP" : "DOWN: " + sender.health().reason()));
            sb.append(String.format("%n    Queue: %d events, %d bytes", s.eventsBuffered(), s.bytesBuffered()));
            sb.append(String.format("%n    Requests in flight: %d", s.requestsInFlight()));
            sb.append(String.format("%n    Events: %d queued, %d sent, %d failed (%d timed out), %d dropped, %d rejected",
                    s.eventsQueued(), s.eventsSent(), s.eventsFailed(), s.eventsTimedOut(), s.eventsDropped(),
                    s.eventsRejected()));
            sb.append(String.format("%n    Batches: %d sent, %d failed, %d retries, %d bytes sent", s.batchesSent(),
                    s.batchesFailed(), s.retries(), s.bytesSent()));
            sb.append(String.format("%n    Last success: %s", text(s.lastSuccessTime())));
            if (s.lastError() != null) {
                sb.append(String.format("%n    Last error: %s %s", text(s.lastErrorTime()), s.lastError()));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    @Override
    protected Map<String, Object> doCallJson(Map<String, Object> options) {
        JsonObject root = new JsonObject();
        JsonArray list = new JsonArray();
        root.put("senders", list);
        for (Sender sender : senders()) {
            DeliveryMonitor m = sender.monitor();
            DeliveryStatistics s = sender.stats();
            JsonObject jo = new JsonObject();
            jo.put("id", m.id());
            jo.put("kind", m.key().kind().label());
            jo.put("url", m.key().url());
            if (m.key().mode() != null) {
                jo.put("deliveryMode", m.key().mode());
            }
            jo.put("endpoints", new JsonArray(m.endpoints()));
            jo.put("healthy", sender.health().up());
            if (!sender.health().up()) {
                jo.put("healthReason", sender.health().reason());
            }
            jo.put("eventsBuffered", s.eventsBuffered());
            jo.put("bytesBuffered", s.bytesBuffered());
            jo.put("requestsInFlight", s.requestsInFlight());
            jo.put("eventsQueued", s.eventsQueued());
            jo.put("eventsSent", s.eventsSent());
            jo.put("eventsFailed", s.eventsFailed());
            jo.put("eventsTimedOut", s.eventsTimedOut());
            jo.put("eventsDropped", s.eventsDropped());
            jo.put("eventsRejected", s.eventsRejected());
            jo.put("retries", s.retries());
            jo.put("batchesSent", s.batchesSent());
            jo.put("batchesFailed", s.batchesFailed());
            jo.put("bytesSent", s.bytesSent());
            putTime(jo, "lastSuccessTime", s.lastSuccessTime());
            if (s.lastError() != null) {
                jo.put("lastError", s.lastError());
                putTime(jo, "lastErrorTime", s.lastErrorTime());
            }
            putTime(jo, "failingSince", s.failingSince());
            putTime(jo, "bufferFullSince", s.bufferFullSince());
            list.add(jo);
        }
        return root;
    }

    private record Sender(DeliveryMonitor monitor, DeliveryStatistics stats, SenderHealth health) {
    }

    /** Every sender of every Segment component (usually one, named "segment"), each with one snapshot. */
    private List<Sender> senders() {
        List<Sender> senders = new ArrayList<>();
        Instant now = Instant.now();
        for (String name : getCamelContext().getComponentNames()) {
            Component component = getCamelContext().hasComponent(name);
            if (component instanceof SegmentComponent segment) {
                for (DeliveryMonitor monitor : segment.getDeliveryMonitors().all()) {
                    DeliveryStatistics stats = monitor.snapshot();
                    senders.add(new Sender(monitor, stats, SenderHealth.of(stats,
                            segment.getHealthCheckFailureThreshold(), segment.getHealthCheckBufferFullThreshold(),
                            now)));
                }
            }
        }
        return senders;
    }

    private static void putTime(JsonObject jo, String key, Instant time) {
        if (time != null) {
            jo.put(key, time.toString());
        }
    }

    private static String text(Instant time) {
        return time != null ? time.toString() : "never";
    }
}
