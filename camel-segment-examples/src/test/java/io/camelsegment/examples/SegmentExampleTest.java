package io.camelsegment.examples;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelsegment.examples.receiver.LocalSegmentReceiver;
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
            LocalSegmentReceiver receiver = example.receiver();

            assertTrue(result.completed(), result.toString());
            assertEquals(0, result.failedEvents(), result.toString());
            assertEquals(sample.size(), result.eventsSent());
            assertEveryEventArrivedOnce(receiver);
            assertEquals(SampleEvents.countByType(sample), receiver.eventsByType());

            // Each list of 2500 lines is packed to the 500 KB limit: at most one part-filled request per list.
            long lists = (sample.size() + EventsToSegmentBatchRoute.LINES_PER_LIST - 1)
                         / EventsToSegmentBatchRoute.LINES_PER_LIST;
            long minimum = (receiver.bytes() + 500_000 - 1) / 500_000;
            assertTrue(receiver.requests() <= minimum + lists - 1,
                    receiver.requests() + " requests for " + receiver.bytes() + " bytes in " + lists + " lists");
            assertTrue(receiver.maxRequestBytes() <= 500_000, "largest request " + receiver.maxRequestBytes());
            assertEquals(receiver.requests(), result.httpRequests());
        }
    }

    @Test
    void yamlRouteSendsOneRequestPerEvent() throws Exception {
        try (SegmentExample example = SegmentExample.local(Map.of("example.input-dir", dataDir(),
                "example.route", "single"))) {
            ExampleResult result = example.run();
            LocalSegmentReceiver receiver = example.receiver();

            assertTrue(result.completed(), result.toString());
            assertEquals(0, result.failedEvents(), result.toString());
            assertEveryEventArrivedOnce(receiver);
            // the "type" of each line picked the operation (identify, track, page)
            assertEquals(SampleEvents.countByType(sample), receiver.eventsByType());
            assertEquals(sample.size(), receiver.requests());
            assertEquals(sample.size(), result.httpRequests());
        }
    }

    @Test
    void bufferedRoutePacksParallelExchangesIntoSharedBatches() throws Exception {
        try (SegmentExample example = SegmentExample.local(Map.of("example.input-dir", dataDir(),
                "example.route", "buffered"))) {
            ExampleResult result = example.run();
            LocalSegmentReceiver receiver = example.receiver();

            assertTrue(result.completed(), result.toString());
            assertEquals(0, result.failedEvents(), result.toString());
            assertEquals(sample.size(), result.eventsSent());
            assertEveryEventArrivedOnce(receiver);
            assertEquals(SampleEvents.countByType(sample), receiver.eventsByType());
            // 10 exchanges in flight share batches: fewer requests than events, each a /v1/batch within the limits
            assertTrue(receiver.requests() < sample.size(), receiver.requests() + " requests for " + sample.size()
                                                            + " events");
            assertTrue(receiver.maxRequestBytes() <= 500_000, "largest request " + receiver.maxRequestBytes());
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
                assertEquals(3, example.receiver().events(), route);
                for (int i = 0; i < 3; i++) {
                    assertTrue(example.receiver().received(sample.get(i).get("messageId").asText()), route);
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

    /** Runs the example in "Segment" mode against a receiver that only accepts the given key. */
    private static void sendToFakeSegment(String writeKey, Map<String, String> properties) throws Exception {
        try (LocalSegmentReceiver segment = new LocalSegmentReceiver(0, writeKey, 2)) {
            Map<String, String> overrides = new java.util.HashMap<>(properties);
            overrides.put("example.input-dir", dataDir());
            overrides.put("camel.component.segment.tracking-url", segment.trackingUrl());
            try (SegmentExample example = SegmentExample.segment(overrides)) {
                ExampleResult result = example.run();

                assertEquals(sample.size(), result.eventsSent(), result.toString());
                assertEquals(0, segment.rejectedRequests(), "the write key was sent as Basic auth");
            }
        }
    }

    private static void assertEveryEventArrivedOnce(LocalSegmentReceiver receiver) {
        assertEquals(sample.size(), receiver.events());
        assertEquals(sample.size(), receiver.distinctMessageIds());
        assertEquals(0, receiver.duplicates());
        assertEquals(0, receiver.rejectedRequests());
        for (JsonNode event : sample) {
            String id = event.get("messageId").asText();
            assertTrue(receiver.received(id), "not received: " + id);
        }
    }

    private static String dataDir() {
        return SampleEvents.DATA_DIR.toAbsolutePath().toString();
    }
}
