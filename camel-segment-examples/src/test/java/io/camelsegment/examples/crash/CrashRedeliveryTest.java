package io.camelsegment.examples.crash;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelsegment.test.ReceivedMessage;
import io.camelsegment.test.SegmentReceiver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A crash in the middle of a file: a child JVM running {@link FileToSegmentMain} (file lines to buffered, acknowledged
 * {@code segment:track} with messageIdKey) is killed with SIGKILL while Segment (the test kit's receiver, slowed
 * down) has taken part of the file, then started again. The file source reads the file again from the start, so the
 * receiver gets the first part twice: every event arrives, and each duplicate carries the messageId and timestamp of
 * its first copy, which is what lets Segment drop it.
 */
class CrashRedeliveryTest {

    private static final int EVENTS = 3000;
    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(90);

    @TempDir
    Path work;

    private final List<Process> children = new ArrayList<>();

    @AfterEach
    void killChildren() {
        children.forEach(Process::destroyForcibly);
    }

    @Test
    void aFileSourceKilledMidRunRedeliversWithTheSameMessageIds() throws Exception {
        Path input = Files.createDirectories(work.resolve("input"));
        writeEvents(input.resolve("events.jsonl"));
        try (SegmentReceiver receiver = SegmentReceiver.start()) {
            // a slow Segment for the first requests: the first run is still sending when it is killed
            receiver.delayNext(12, Duration.ofMillis(200));

            Process first = startSender(input, receiver, "first");
            awaitCondition(() -> receiver.messages().size() >= EVENTS / 10, first, "first");
            first.destroyForcibly(); // SIGKILL: no shutdown hook, no flush
            assertTrue(first.waitFor(30, TimeUnit.SECONDS), "the killed JVM did not end");
            int beforeCrash = receiver.messages().size();
            assertTrue(beforeCrash < EVENTS, "the first run had already sent the whole file: nothing was tested");

            Process second = startSender(input, receiver, "second");
            awaitCondition(() -> distinctSequences(json(receiver.messages())) == EVENTS, second, "second");
            second.destroyForcibly();

            List<JsonNode> received = json(receiver.messages());
            assertEquals(EVENTS, distinctSequences(received), "every event arrived");
            assertTrue(received.size() - EVENTS >= EVENTS / 10,
                    "the part sent before the crash arrived again: " + received.size() + " messages");
            Map<Integer, Set<String>> idsBySequence = new HashMap<>();
            Map<Integer, Set<String>> timestampsBySequence = new HashMap<>();
            for (JsonNode message : received) {
                int sequence = message.get("properties").get("seq").asInt();
                idsBySequence.computeIfAbsent(sequence, k -> new HashSet<>()).add(message.get("messageId").asText());
                timestampsBySequence.computeIfAbsent(sequence, k -> new HashSet<>())
                        .add(message.get("timestamp").asText());
            }
            idsBySequence.forEach((sequence, ids) -> assertEquals(1, ids.size(),
                    "event " + sequence + " was sent with different messageIds " + ids));
            timestampsBySequence.forEach((sequence, timestamps) -> assertEquals(1, timestamps.size(),
                    "event " + sequence + " was sent with different timestamps " + timestamps));
            assertEquals(EVENTS, idsBySequence.values().stream().flatMap(Set::stream).distinct().count(),
                    "one messageId per event");
        }
    }

    private static void writeEvents(Path file) throws IOException {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < EVENTS; i++) {
            lines.append("{\"userId\":\"user-").append(i % 50).append("\",\"event\":\"Crash Test\",")
                    .append("\"properties\":{\"seq\":").append(i).append("}}\n");
        }
        Files.writeString(file, lines, StandardCharsets.UTF_8);
    }

    private static List<JsonNode> json(List<ReceivedMessage> messages) {
        return messages.stream().map(ReceivedMessage::json).toList();
    }

    private static long distinctSequences(List<JsonNode> messages) {
        return messages.stream().map(m -> m.get("properties").get("seq").asInt()).distinct().count();
    }

    /** A JVM with the test class path, its output in a file of the work folder (shown when something fails). */
    private Process startSender(Path input, SegmentReceiver receiver, String name) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(java.toString(), "-Xmx256m", "-cp",
                System.getProperty("java.class.path"), FileToSegmentMain.class.getName(), input.toString(),
                receiver.trackingUrl(), receiver.writeKey())
                .directory(work.toFile())
                .redirectErrorStream(true)
                .redirectOutput(work.resolve(name + ".out").toFile());
        Process process = builder.start();
        children.add(process);
        return process;
    }

    private void awaitCondition(BooleanSupplier condition, Process child, String name) throws Exception {
        long deadline = System.nanoTime() + RUN_TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (!child.isAlive() || System.nanoTime() > deadline) {
                fail("the " + name + " run " + (child.isAlive() ? "timed out" : "ended with " + child.exitValue())
                     + "; its output:\n" + tail(work.resolve(name + ".out")));
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }

    private static String tail(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
