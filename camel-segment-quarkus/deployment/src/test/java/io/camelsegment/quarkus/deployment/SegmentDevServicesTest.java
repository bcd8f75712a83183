package io.camelsegment.quarkus.deployment;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import io.camelsegment.component.segment.SegmentComponent;
import io.camelsegment.component.segment.SegmentConfiguration;
import io.camelsegment.component.segment.SegmentConstants;
import io.quarkus.test.QuarkusUnitTest;
import jakarta.inject.Inject;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Test mode with neither a write key nor a tracking URL configured: Dev Services start the test kit's receiver, point
 * the component at it, say where it listens, and log what it receives.
 */
class SegmentDevServicesTest {

    /** Lines of the Dev Service's log category, from before the build (the Dev Service starts before the app). */
    private static final LogLines SERVICE_LOG = new LogLines();

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withEmptyApplication()
            .setBeforeAllCustomizer(() -> serviceLogger().addHandler(SERVICE_LOG))
            .setAfterUndeployListener(SegmentDevServicesTest::saidWhereTheReceiverListens);

    private static Logger serviceLogger() {
        return Logger.getLogger(SegmentDevReceiver.LOG_CATEGORY);
    }

    private static void saidWhereTheReceiverListens() {
        serviceLogger().removeHandler(SERVICE_LOG);
        assertTrue(SERVICE_LOG.lines.stream().anyMatch(line -> line.matches(
                "Dev Services for Camel Segment: a local Segment receiver listens at http://127\\.0\\.0\\.1:\\d+/v1; .*")),
                "no line saying where the receiver listens in " + SERVICE_LOG.lines);
    }

    @Inject
    CamelContext context;
    @Inject
    ProducerTemplate template;

    @Test
    void pointsTheComponentAtTheLocalReceiver() {
        SegmentConfiguration configuration = context.getComponent("segment", SegmentComponent.class).getConfiguration();
        assertTrue(configuration.getTrackingUrl().matches("http://127\\.0\\.0\\.1:\\d+/v1"),
                configuration.getTrackingUrl());
        assertFalse(configuration.getWriteKey().isBlank());
    }

    @Test
    void theReceiverAcceptsEventsAndLogsEachOne() {
        LogLines handler = new LogLines();
        serviceLogger().addHandler(handler);
        try {
            Exchange sent = template.request("segment:track",
                    exchange -> exchange.getMessage().setBody(Map.of("userId", "u-dev", "event", "Signed Up")));

            assertNull(sent.getException());
            assertEquals(200, sent.getMessage().getHeader(SegmentConstants.HTTP_STATUS, Integer.class));
            await().atMost(Duration.ofSeconds(30)).until(() -> handler.lines.stream()
                    .anyMatch(line -> line.startsWith("Segment receiver got track 'Signed Up' userId=u-dev messageId=")));
        } finally {
            serviceLogger().removeHandler(handler);
        }
    }

    /** Collects the messages of a log category (JBoss LogManager's loggers are java.util.logging loggers). */
    private static final class LogLines extends Handler {
        final List<String> lines = new CopyOnWriteArrayList<>();

        @Override
        public void publish(LogRecord record) {
            lines.add(record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
