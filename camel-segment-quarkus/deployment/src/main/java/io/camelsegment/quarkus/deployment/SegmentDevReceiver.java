package io.camelsegment.quarkus.deployment;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.camelsegment.test.ReceivedMessage;
import io.camelsegment.test.SegmentReceiver;
import io.quarkus.deployment.builditem.Startable;
import org.jboss.logging.Logger;

/**
 * The Dev Service: the test kit's {@link SegmentReceiver} on 127.0.0.1, plus a reporter that logs, once a second,
 * the messages it received since the last report (one line each), so that a developer sees what the routes sent.
 */
final class SegmentDevReceiver implements Startable {

    /** The category of the receiver's log lines (its own, so that it can be turned down on its own). */
    static final String LOG_CATEGORY = "io.camelsegment.quarkus.devservices";
    private static final Logger LOG = Logger.getLogger(LOG_CATEGORY);
    private static final int MAX_LINES_PER_REPORT = 50;

    private SegmentReceiver receiver;
    private ScheduledExecutorService reporter;
    private int reported;

    @Override
    public void start() {
        receiver = SegmentReceiver.start();
        reporter = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "segment-dev-receiver-log");
            thread.setDaemon(true);
            return thread;
        });
        reporter.scheduleWithFixedDelay(this::reportNewMessages, 1, 1, TimeUnit.SECONDS);
    }

    String trackingUrl() {
        return receiver.trackingUrl();
    }

    String writeKey() {
        return receiver.writeKey();
    }

    void logWhereItListens() {
        LOG.infof("Dev Services for Camel Segment: a local Segment receiver listens at %s; %s and %s point the segment "
                + "component at it, so nothing is sent to Segment. Each message it receives is logged under %s "
                + "(set camel.component.segment.write-key or tracking-url, or "
                + "quarkus.camel.segment.devservices.enabled=false, to send elsewhere)",
                trackingUrl(), SegmentDevServicesProcessor.TRACKING_URL, SegmentDevServicesProcessor.WRITE_KEY,
                LOG_CATEGORY);
    }

    private void reportNewMessages() {
        List<ReceivedMessage> messages = receiver.messages();
        int total = messages.size();
        if (total <= reported) {
            return;
        }
        int last = Math.min(total, reported + MAX_LINES_PER_REPORT);
        for (ReceivedMessage message : messages.subList(reported, last)) {
            LOG.info(describe(message));
        }
        if (last < total) {
            LOG.infof("Segment receiver: %d more messages (%d received in all)", total - last, total);
        }
        reported = total;
    }

    private static String describe(ReceivedMessage message) {
        StringBuilder line = new StringBuilder("Segment receiver got ").append(message.type());
        String title = message.event() != null ? message.event() : message.name();
        if (title != null) {
            line.append(" '").append(title).append('\'');
        }
        line.append(message.userId() != null ? " userId=" + message.userId() : " anonymousId=" + message.anonymousId());
        return line.append(" messageId=").append(message.messageId()).toString();
    }

    @Override
    public String getConnectionInfo() {
        return receiver == null ? null : receiver.trackingUrl();
    }

    @Override
    public String getContainerId() {
        return null; // in-process, no container
    }

    @Override
    public void close() {
        if (reporter != null) {
            reporter.shutdownNow();
        }
        if (receiver != null) {
            receiver.close();
        }
    }
}
