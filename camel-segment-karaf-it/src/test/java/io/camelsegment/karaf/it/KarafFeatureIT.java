package io.camelsegment.karaf.it;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.camelsegment.test.ReceivedMessage;
import io.camelsegment.test.SegmentReceiver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Apache Karaf 4.4.8 boots with {@code camel-segment} in {@code featuresBoot}: Karaf's resolver installs our feature
 * from our features repository, wires our bundle's imports (Camel [4.18,5) to the stand-in's exports, Jackson to the
 * Jackson bundles, HttpClient 5 to wrap: bundles as camel-karaf declares them) and starts it. The stand-in's route then
 * sends track events through our bundle's classes to a loopback receiver (the test kit's, accepting only our write
 * key). If a header of our bundle is wrong (a missing import, a range no Karaf bundle satisfies, no Camel API import
 * for camel-karaf to see), resolution, discovery or class loading fails and no event arrives.
 */
class KarafFeatureIT {

    private static final int EVENTS = 3;
    private static final Duration BOOT_AND_DELIVERY = Duration.ofMinutes(4);
    private static final String WRITE_KEY = "karaf-it-write-key";

    @TempDir
    Path work;

    private SegmentReceiver receiver;
    private KarafProcess karaf;

    @BeforeEach
    void startReceiver() {
        receiver = SegmentReceiver.start(WRITE_KEY);
    }

    @AfterEach
    void stopAll() {
        if (karaf != null) {
            karaf.close();
        }
        receiver.close();
    }

    @Test
    void camelSegmentFeatureDeliversEventsFromKaraf() throws Exception {
        KarafInstance instance = KarafInstance.copyOf(Path.of(System.getProperty("karaf.home")), work.resolve("karaf"));
        Path repository = ItRepository.prepare(work.resolve("repository"), Path.of(System.getProperty("it.repository")),
                Path.of(System.getProperty("it.standIn")), System.getProperty("it.camelVersion"));
        String features = "mvn:io.camelsegment/camel-segment-karaf/" + System.getProperty("it.projectVersion")
                + "/xml/features";
        instance.configure(repository, work.resolve("karaf-m2"), features, "camel-segment");
        instance.writeEtc(CamelRuntimeActivator.CONFIG_FILE, Map.of(
                "segment.tracking-url", receiver.trackingUrl(),
                "segment.write-key", WRITE_KEY,
                "it.events", String.valueOf(EVENTS)));

        Instant started = Instant.now();
        karaf = KarafProcess.start(instance);
        List<ReceivedMessage> events = awaitEvents(started);
        System.out.printf("Karaf booted and delivered %d events in %d s%n", EVENTS,
                Duration.between(started, Instant.now()).toSeconds());

        String log = instance.log();
        assertTrue(log.contains("KARAF-IT started: io.camelsegment.component.segment.SegmentComponent loaded by bundle "
                + "io.camelsegment.camel-segment"), () -> "our bundle's class loader did not load the component\n"
                + karaf.describe());
        assertEquals(List.of("Karaf Event 1", "Karaf Event 2", "Karaf Event 3"),
                events.stream().map(ReceivedMessage::event).toList());
        assertTrue(events.stream().allMatch(e -> "track".equals(e.type()) && "karaf-user".equals(e.userId())),
                receiver::summary);
        receiver.assertAllRequestsAccepted();
        assertFalse(log.contains(WRITE_KEY), "the write key must not appear in Karaf's log");
    }

    /** Waits for the events, failing early once Karaf cannot deliver them (it says why in its log). */
    private List<ReceivedMessage> awaitEvents(Instant started) throws InterruptedException {
        Instant deadline = started.plus(BOOT_AND_DELIVERY);
        while (receiver.messages().size() < EVENTS) {
            if (Instant.now().isAfter(deadline) || karaf.hasFailed()) {
                throw new AssertionError("received " + receiver.summary() + "\n" + karaf.describe());
            }
            Thread.sleep(250);
        }
        return receiver.messages();
    }
}
