package io.camelsegment.component.segment.tracking.buffer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import io.camelsegment.component.segment.monitor.DeliveryMonitor;
import io.camelsegment.component.segment.tracking.TrackingClient;
import org.apache.camel.CamelContext;
import org.apache.camel.support.service.ServiceHelper;

/**
 * The component's buffered senders, one per distinct {@link BatchingSettings}: endpoints with equal settings (same URL,
 * write key, batching, retry and timeout options) share one, so many routes and threads feed one stream of batches.
 * Reference-counted: the last producer to let go stops it (flushing within shutdownTimeout). Its counters live in a
 * {@link DeliveryMonitor} the component keeps, so they stay readable after a route stops and add up if it starts again.
 */
public class TrackingBatcherRegistry {

    private final Map<BatchingSettings, Lease> leases = new HashMap<>();
    private final Function<BatchingSettings, DeliveryMonitor> monitors;

    /** @param monitors the monitor of the sender for given settings (the same one each time) */
    public TrackingBatcherRegistry(Function<BatchingSettings, DeliveryMonitor> monitors) {
        this.monitors = monitors;
    }

    private static final class Lease {
        final TrackingBatcher batcher;
        int holders;

        Lease(TrackingBatcher batcher) {
            this.batcher = batcher;
        }
    }

    /** The started sender for these settings, created on first use; pair each call with {@link #release}. */
    public TrackingBatcher acquire(BatchingSettings settings, Supplier<TrackingClient> client,
                                   CamelContext camelContext) {
        synchronized (leases) {
            Lease lease = leases.get(settings);
            if (lease == null) {
                lease = new Lease(new TrackingBatcher(settings, client.get(), camelContext, monitors.apply(settings)));
                ServiceHelper.startService(lease.batcher);
                leases.put(settings, lease);
            }
            lease.holders++;
            return lease.batcher;
        }
    }

    /** Lets go of a sender; the last holder stops it (graceful, up to shutdownTimeout, outside the registry lock). */
    public void release(TrackingBatcher batcher) {
        boolean last;
        synchronized (leases) {
            Lease lease = leases.get(batcher.getSettings());
            if (lease == null || lease.batcher != batcher) {
                return;
            }
            last = --lease.holders == 0;
            if (last) {
                leases.remove(batcher.getSettings());
            }
        }
        if (last) {
            ServiceHelper.stopService(batcher);
        }
    }

    /** Flushes the running sender for these settings (see {@link TrackingBatcher#flush}); 0 if none runs. */
    public int flush(BatchingSettings settings) throws InterruptedException {
        TrackingBatcher batcher;
        synchronized (leases) {
            Lease lease = leases.get(settings);
            batcher = lease != null ? lease.batcher : null;
        }
        return batcher != null ? batcher.flush() : 0;
    }

    /** The context began to stop: every running sender keeps its stop within Camel's shutdown timeout. */
    public void shutdownBegan() {
        synchronized (leases) {
            leases.values().forEach(l -> l.batcher.shutdownBegan());
        }
    }

    /** How many senders are running (one per distinct settings in use). */
    public int size() {
        synchronized (leases) {
            return leases.size();
        }
    }

    /** Stops every sender (component stop), each flushing within its shutdownTimeout. */
    public void stopAll() {
        List<TrackingBatcher> running;
        synchronized (leases) {
            running = new ArrayList<>();
            leases.values().forEach(l -> running.add(l.batcher));
            leases.clear();
        }
        running.forEach(ServiceHelper::stopService);
    }
}
