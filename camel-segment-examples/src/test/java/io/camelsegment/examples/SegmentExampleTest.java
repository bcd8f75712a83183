package io.camelsegment.examples;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelsegment.test.ReceivedRequest;
import io.camelsegment.test.SegmentReceiver;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the example the way the main job does ({@link SegmentExample#local}, Camel Main, application.properties, both
 * routes) against the in-process receiver, and checks what arrived there.
 */
class SegmentExampleTest {

    private static final Path LOG_FILE = Path.of("target/test-logs.log");

    private static List<JsonNode> sample;

    @BeforeAll
    static void readSample() throws Exception {
        sample = SampleEvents.read();
    }

    @Test
    void batchRouteDeliversEverySampleEventExactlyOnceInFewRequests() throws Exception {
        try (SegmentExample example = SegmentExample.local(Map.of("example.input-dir", dataDir()))) {
            ExampleResult result = example.run();
            SegmentReceiver receiver = example.receiver();

            assertEquals(sample.size(), result.eventsSent());
            assertCompletedWithEveryEventOnce(result, receiver);

            // Each list of 2500 lines is packed to the 500 KB limit: at most one part-filled request per list.
            long lists = (sample.size() + EventsToSegmentBatchRoute.LINES_PER_LIST - 1)
                         / EventsToSegmentBatchRoute.LINES_PER_LIST;
            List<ReceivedRequest> requests = receiver.requests();
            long bytes = requests.stream().mapToLong(ReceivedRequest::bodyBytes).sum();
            long minimum = (bytes + 500_000 - 1) / 500_000;
            assertTrue(requests.size() <= minimum + lists - 1,
                    requests.size() + " requests for " + bytes + " bytes in " + lists + " lists");
            assertTrue(requests.stream().allMatch(r -> r.bodyBytes() <= 500_000), receiver.summary());
            assertEquals(requests.size(), result.httpRequests());
        }
    }

    @Test
    void yamlRouteSendsOneRequestPerEvent() throws Exception {
        try (SegmentExample example = SegmentExample.local(Map.of("example.input-dir", dataDir(),
                "example.route", "single"))) {
            ExampleResult result = example.run();
            SegmentReceiver receiver = example.receiver();

            // the "type" of each line picked the operation (identify, track, page)
            assertCompletedWithEveryEventOnce(result, receiver);
            assertEquals(sample.size(), receiver.requests().size());
            assertEquals(sample.size(), result.httpRequests());
        }
    }

    @Test
    void bufferedRoutePacksParallelExchangesIntoSharedBatches() throws Exception {
        try (SegmentExample example = SegmentExample.local(Map.of("example.input-dir", dataDir(),
                "example.route", "buffered"))) {
            ExampleResult result = example.run();
            SegmentReceiver receiver = example.receiver();

            assertEquals(sample.size(), result.eventsSent());
            assertCompletedWithEveryEventOnce(result, receiver);
            // 10 exchanges in flight share batches: fewer requests than events, each a /v1/batch within the limits
            List<ReceivedRequest> requests = receiver.requests();
            assertTrue(requests.size() < sample.size(), requests.size() + " requests for " + sample.size()
                                                        + " events");
            assertTrue(requests.stream().allMatch(r -> r.bodyBytes() <= 500_000), receiver.summary());
            assertTrue(requests.stream().allMatch(r -> r.path().equals("batch")), receiver.summary());
        }
    }

    @Test
    void invalidLinesAreCountedAsFailedWhileTheOthersAreDelivered(@TempDir Path input) throws Exception {
        List<String> lines = List.of(
                sample.get(0).toString(),
                "{\"type\":\"track\",\"userId\":\"user-1\",\"properties\":{}}", // no event name
                sample.get(1).toString(),
                "not json",
                sample.get(2).toString());
        Files.write(input.resolve("mixed.jsonl"), lines);
        for (String route : List.of("batch", "single", "buffered")) {
            try (SegmentExample example = SegmentExample.local(Map.of("example.input-dir", input.toString(),
                    "example.route", route))) {
                ExampleResult result = example.run();

                assertTrue(result.completed(), route + ": " + result);
                assertEquals(3, result.eventsSent(), route + ": " + result);
                assertEquals(2, result.failedEvents(), route + ": " + result);
                assertEquals(3, example.receiver().messages().size(), route);
                for (int i = 0; i < 3; i++) {
                    assertTrue(example.receiver().message(sample.get(i).get("messageId").asText()).isPresent(), route);
                }
            }
        }
    }

    /** As application.properties does it: the key behind a placeholder, so even Camel Main's DEBUG log never has it. */
    @Test
    void aWriteKeyBehindAPlaceholderIsNeverLogged() throws Exception {
        String writeKey = "wk-Placeholder-S3cr3t-7f1c";
        System.setProperty("example.test.write-key", writeKey);
        try {
            sendToFakeSegment(writeKey, Map.of("camel.component.segment.write-key", "{{sys:example.test.write-key}}"));
        } finally {
            System.clearProperty("example.test.write-key");
        }
        String logs = Files.readString(LOG_FILE);
        assertTrue(logs.contains("Configured property: camel.component.segment.writeKey"), "DEBUG logs were captured");
        assertFalse(logs.contains(writeKey), "the write key appears in the logs");
    }

    /** A literal key (-D or CAMEL_COMPONENT_SEGMENT_WRITE_KEY) is masked in Camel Main's startup summary. */
    @Test
    void aLiteralWriteKeyIsMaskedInCamelMainsStartupSummary() throws Exception {
        String writeKey = "wk-Literal-S3cr3t-0b9e";
        System.setProperty("camel.component.segment.write-key", writeKey);
        try {
            sendToFakeSegment(writeKey, Map.of());
        } finally {
            System.clearProperty("camel.component.segment.write-key");
        }
        List<String> infoAndAbove = Files.readAllLines(LOG_FILE).stream()
                .filter(line -> !line.contains(" DEBUG ") && !line.contains(" TRACE ")).toList();
        assertTrue(infoAndAbove.stream().anyMatch(line -> line.contains("camel.component.segment.writeKey = xxxxxx")),
                "the summary lists the key, masked");
        assertTrue(infoAndAbove.stream().noneMatch(line -> line.contains(writeKey)), "the write key is logged");
    }

    /**
     * Segment out of reach (a closed port on loopback): the example says where it sends, each failed attempt is a
     * WARN line naming the refused connection, and progress lines keep coming while it waits for the retries
     * (3 of them here, 5.25 to 10.5 s in all).
     */
    @Test
    void anUnreachableSegmentIsVisibleWhileTheExampleWaits(@TempDir Path input) throws Exception {
        Files.write(input.resolve("one.jsonl"), List.of(sample.get(0).toString()));
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        long logOffset = Files.size(LOG_FILE);
        String url = "http://127.0.0.1:" + closedPort + "/v1";
        try (SegmentExample example = SegmentExample.segment(Map.of("example.input-dir", input.toString(),
                "camel.component.segment.write-key", "wk-unreachable-test",
                "camel.component.segment.tracking-url", url,
                "camel.component.segment.max-retries", "3",
                "camel.component.segment.retry-backoff-base", "1500"))) {
            ExampleResult result = example.run();

            assertEquals(1, result.failedEvents(), result.toString());
        }
        String logs;
        try (var in = Files.newInputStream(LOG_FILE)) {
            in.skipNBytes(logOffset);
            logs = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        assertTrue(logs.contains("Sending to Segment, region US (" + url + ")"), logs);
        assertTrue(logs.contains("Still sending after 5 s: 0 events delivered"), logs);
        assertTrue(logs.contains("DeliveryAttemptLog - Segment POST /v1/batch: attempt 1 of 4 failed: connection refused"),
                logs);
        assertTrue(logs.contains("DeliveryAttemptLog - Segment POST /v1/batch: attempt 4 of 4 failed: connection refused"),
                logs);
        // Camel Main prints a literal key at DEBUG (docs/tracking-api.md): INFO and above never have it
        assertFalse(logs.lines().filter(line -> !line.contains(" DEBUG ")).anyMatch(l -> l.contains("wk-unreachable-test")),
                "the write key was logged");
    }

    /** Runs the example in "Segment" mode against a receiver that only accepts the given key. */
    private static void sendToFakeSegment(String writeKey, Map<String, String> properties) throws Exception {
        try (SegmentReceiver segment = SegmentReceiver.start(writeKey)) {
            Map<String, String> overrides = new java.util.HashMap<>(properties);
            overrides.put("example.input-dir", dataDir());
            overrides.put("camel.component.segment.tracking-url", segment.trackingUrl());
            try (SegmentExample example = SegmentExample.segment(overrides)) {
                ExampleResult result = example.run();

                assertEquals(sample.size(), result.eventsSent(), result.toString());
                segment.assertAllRequestsAccepted(); // the write key was sent as Basic auth
            }
        }
    }

    /** The run completed without failures and every sample event arrived once, with the operation its type names. */
    private static void assertCompletedWithEveryEventOnce(ExampleResult result, SegmentReceiver receiver) {
        assertTrue(result.completed(), result.toString());
        assertEquals(0, result.failedEvents(), result.toString());
        assertEveryEventArrivedOnce(receiver);
        assertEquals(SampleEvents.countByType(sample), receiver.messageCountsByType());
    }

    private static void assertEveryEventArrivedOnce(SegmentReceiver receiver) {
        assertEquals(sample.size(), receiver.messages().size());
        receiver.assertNoDuplicateMessageIds();
        receiver.assertAllRequestsAccepted();
        for (JsonNode event : sample) {
            String id = event.get("messageId").asText();
            assertTrue(receiver.message(id).isPresent(), "not received: " + id);
        }
    }

    private static String dataDir() {
        return SampleEvents.DATA_DIR.toAbsolutePath().toString();
    }
}
