package io.camelsegment.jbang;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import io.camelsegment.test.ReceivedMessage;
import io.camelsegment.test.SegmentReceiver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code camel run orders.camel.yaml --dep=io.camelsegment:camel-segment:VERSION} in a forked JVM (Camel JBang's
 * camel-jbang-core on the Camel runtime of the BOM), sending to the test kit's receiver. The forked JVM's local Maven
 * repository is {@code target/jbang-m2}, which the build filled with the freshly built jar and poms; Camel's own
 * runtime dependencies download into it from Maven Central on the first run.
 */
class CamelJBangRunIT {

    private static final String WRITE_KEY = "jbang-it-write-key";
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(3);

    private final SegmentReceiver receiver = SegmentReceiver.start(WRITE_KEY);

    @AfterEach
    void stop() {
        receiver.close();
    }

    @Test
    void camelRunWithDepSendsTheYamlRoutesEventsToSegment() throws Exception {
        String dependency = "io.camelsegment:camel-segment:" + property("segment.version");

        camelRun(receiver.camelProperties(), "orders.camel.yaml", "--dep=" + dependency,
                "--max-messages=3");

        List<ReceivedMessage> events = receiver.awaitTracks("Order Completed", 3, Duration.ofSeconds(5));
        assertEquals(List.of("user-1", "user-2", "user-3"), events.stream().map(ReceivedMessage::userId).toList());
        assertEquals("order-2", events.get(1).property("orderId").asText());
        assertEquals(19.5, events.get(1).property("total").asDouble());
        assertEquals("camel-segment", events.get(0).text("/context/library/name"));
        receiver.assertNoDuplicateMessageIds();
        receiver.assertAllRequestsAccepted();
        assertEquals(3, receiver.requests().size(), "one /v1/track request per event");
    }

    /** The Kamelet alone brings the component: its dependency list names camel-segment, no --dep is given. */
    @Test
    void theSegmentSinkKameletSendsWithoutAnyDepOption() throws Exception {
        String kamelets = Path.of(property("jbang.kameletDir")).toAbsolutePath().toString();

        // Placeholders for the Kamelet's properties; camel.component.segment.* would fail here: Camel Main binds them
        // before the Kamelet's dependencies are downloaded.
        Map<String, String> properties = Map.of("segment.tracking-url", receiver.trackingUrl(),
                "segment.write-key", WRITE_KEY);
        camelRun(properties, "signups.camel.yaml", "--local-kamelet-dir=" + kamelets,
                "--max-messages=2");

        List<ReceivedMessage> identifies = receiver.awaitMessages(2, Duration.ofSeconds(5));
        assertEquals(List.of("member-1", "member-2"), identifies.stream().map(ReceivedMessage::userId).toList());
        assertEquals(List.of("identify", "identify"), identifies.stream().map(ReceivedMessage::type).toList());
        assertEquals("pro", identifies.get(0).trait("plan").asText());
        receiver.assertAllRequestsAccepted();
    }

    /**
     * {@code camel run FILE --properties=application.properties OPTIONS...} in a fresh work directory; checks that the
     * command succeeded on the Camel runtime of the BOM and did not print the write key.
     */
    private void camelRun(Map<String, String> properties, String routeFile, String... options) throws Exception {
        Path work = Path.of(property("jbang.workDir"));
        recreate(work);
        copyResource("jbang/" + routeFile, work.resolve(routeFile));
        StringBuilder file = new StringBuilder();
        properties.forEach((key, value) -> file.append(key).append(" = ").append(value).append('\n'));
        Files.writeString(work.resolve("application.properties"), file);
        List<String> args = new ArrayList<>(List.of("run", routeFile, "--properties=application.properties",
                "--logging-color=false"));
        args.addAll(List.of(options));

        Path log = work.resolve("camel-run.log");
        int exit = camel(work, log, args.toArray(String[]::new));
        String output = Files.readString(log);
        assertEquals(0, exit, "camel run failed:\n" + tail(output));
        assertFalse(output.contains(WRITE_KEY), "the write key is in Camel JBang's output");
        // "Apache Camel 4.18.0 (orders) is starting"; the shutdown lines may be cut by the process's exit.
        assertTrue(output.contains("Apache Camel " + property("camel.version") + " ("),
                "not the Camel runtime of the BOM:\n" + tail(output));
    }

    /** Runs the camel command in a new JVM and returns its exit code; its output goes to {@code log}. */
    private static int camel(Path work, Path log, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.add("-Dmaven.repo.local=" + Path.of(property("jbang.repository")).toAbsolutePath());
        String classpath = Files.readString(Path.of(property("jbang.classpathFile"))).trim();
        // The component reaches the run only through Maven resolution (--dep or a Kamelet's dependencies).
        assertFalse(classpath.contains("camel-segment"), "camel-segment is on the forked JVM's classpath");
        command.add("-cp");
        command.add(property("jbang.launcherClasses") + java.io.File.pathSeparator + classpath);
        command.add(CamelJBangLauncher.class.getName());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!process.waitFor(RUN_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("camel run did not end within " + RUN_TIMEOUT + ":\n" + tail(Files.readString(log)));
        }
        return process.exitValue();
    }

    private static String property(String name) {
        return Objects.requireNonNull(System.getProperty(name), name + " is set by the module's pom");
    }

    private static void recreate(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        Files.createDirectories(dir);
    }

    private static void copyResource(String name, Path target) throws IOException {
        try (InputStream in = CamelJBangRunIT.class.getClassLoader().getResourceAsStream(name)) {
            Files.copy(Objects.requireNonNull(in, name), target);
        }
    }

    private static String tail(String output) {
        return output.length() <= 6000 ? output : "..." + output.substring(output.length() - 6000);
    }
}
