package io.camelsegment.component.segment.monitor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The senders of one component, one {@link DeliveryMonitor} per distinct {@link SenderKey}, created on first use and
 * kept until the component stops (so counters stay readable after a route stopped, and add up if it starts again).
 * A listener hears of each sender created and of the end of all of them (JMX registration).
 */
public final class DeliveryMonitors {

    /** Unique in the JVM, so that names built from it (JMX) never clash between components or contexts. */
    private static final AtomicInteger IDS = new AtomicInteger();

    /** Told when a sender is created and when the component lets go of all of them. */
    public interface Listener {
        void created(DeliveryMonitor monitor);

        void removed(DeliveryMonitor monitor);
    }

    private static final Listener NONE = new Listener() {
        @Override
        public void created(DeliveryMonitor monitor) {
        }

        @Override
        public void removed(DeliveryMonitor monitor) {
        }
    };

    private final Map<SenderKey, DeliveryMonitor> monitors = new ConcurrentHashMap<>();
    private volatile Listener listener = NONE;

    public void setListener(Listener listener) {
        this.listener = listener != null ? listener : NONE;
    }

    /** The monitor of this sender, created (and announced) on first use. */
    public DeliveryMonitor monitor(SenderKey key) {
        DeliveryMonitor existing = monitors.get(key);
        if (existing != null) {
            return existing;
        }
        boolean[] created = new boolean[1];
        DeliveryMonitor monitor = monitors.computeIfAbsent(key, k -> {
            created[0] = true;
            return new DeliveryMonitor(IDS.incrementAndGet(), k);
        });
        if (created[0]) {
            listener.created(monitor);
        }
        return monitor;
    }

    /** The monitor of this sender, or null when no producer has used it yet. */
    public DeliveryMonitor find(SenderKey key) {
        return monitors.get(key);
    }

    /** Every sender, in the order they were created. */
    public List<DeliveryMonitor> all() {
        List<DeliveryMonitor> list = new ArrayList<>(monitors.values());
        list.sort(Comparator.comparingInt(DeliveryMonitor::id));
        return list;
    }

    /** Forgets every sender (component stop). */
    public void clear() {
        List<DeliveryMonitor> removed = all();
        monitors.clear();
        removed.forEach(listener::removed);
    }
}
