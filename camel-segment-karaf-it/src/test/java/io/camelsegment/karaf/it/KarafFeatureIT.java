package io.camelsegment.karaf.it;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Apache Karaf 4.4.8 boots with {@code camel-segment} in {@code featuresBoot}: Karaf's resolver installs our feature
 * from our features repository, wires our bundle's imports (Camel [4.18,5) to the stand-in's exports, Jackson to the
 * Jackson bundles, HttpClient 5 to wrap: bundles as camel-karaf declares them) and starts it. The stand-in's route then
 * sends track events through our bundle's classes to a loopback receiver. If a header of our bundle is wrong (a
 * missing import, a range no Karaf bundle satisfies, a package not exported), resolution or class loading fails and
 * no event arrives.
 */
class KarafFeatureIT {

    private static final int EVENTS = 3;
    private static final Duration BOOT_AND_DELIVERY = Duration.ofMinutes(4);
    private static final String WRITE_KEY = "karaf-it-write-key";

    @TempDir
    Path work;

    private LoopbackReceiver receiver;
    private KarafProcess karaf;

    @BeforeEach
    void startReceiver() throws Exception {
        receiver = LoopbackReceiver.start();
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
        List<LoopbackReceiver.Request> requests = receiver.awaitEvents(EVENTS, BOOT_AND_DELIVERY, karaf::hasFailed,
                karaf::describe);
        System.out.printf("Karaf booted and delivered %d events in %d s%n", EVENTS,
                Duration.between(started, Instant.now()).toSeconds());

        String log = instance.log();
        assertTrue(log.contains("KARAF-IT started: io.camelsegment.component.segment.SegmentComponent loaded by bundle "
                + "io.camelsegment.camel-segment"), () -> "our bundle's class loader did not load the component\n"
                + karaf.describe());
        assertEquals(List.of("Karaf Event 1", "Karaf Event 2", "Karaf Event 3"),
                receiver.events().stream().map(e -> e.path("event").asText()).collect(Collectors.toList()));
        String basic = "Basic " + Base64.getEncoder().encodeToString((WRITE_KEY + ":").getBytes(StandardCharsets.UTF_8));
        for (LoopbackReceiver.Request request : requests) {
            assertEquals("/v1/track", request.path());
            assertEquals(basic, request.authorization());
        }
        assertTrue(receiver.events().stream().allMatch(e -> "karaf-user".equals(e.path("userId").asText())));
        assertTrue(!log.contains(WRITE_KEY), "the write key must not appear in Karaf's log");
        assertTrue(Files.isDirectory(instance.home()), "Karaf ran from the test's own copy");
    }
}
