package io.camelsegment.examples.data;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The committed sample file is what {@link SampleEventsGenerator} writes, and it is the realistic input the example
 * promises. To regenerate it after changing the generator: run this test with {@code -Dsample.regenerate=true}.
 */
class SampleEventsFileTest {

    private static final Path FILE = SampleEventsGenerator.DEFAULT_OUTPUT;

    @Test
    void committedFileIsTheGeneratorsOutput() throws Exception {
        String generated = SampleEventsGenerator.generate();
        if (Boolean.getBoolean("sample.regenerate")) {
            Files.writeString(FILE, generated, StandardCharsets.UTF_8);
        }
        assertEquals(generated, Files.readString(FILE, StandardCharsets.UTF_8),
                "src/main/data/events.jsonl differs from SampleEventsGenerator's output: rerun with "
                                                                              + "-Dsample.regenerate=true");
    }

    @Test
    void eventsAreRealisticIdentifyTrackAndPageMessages() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        List<String> lines = Files.readAllLines(FILE, StandardCharsets.UTF_8);
        assertTrue(lines.size() >= 2000 && lines.size() <= 5000, "a few thousand events: " + lines.size());
        Set<String> messageIds = new HashSet<>();
        Map<String, String> userOfDevice = new HashMap<>();
        Map<String, Integer> types = new HashMap<>();
        Set<String> trackEvents = new HashSet<>();
        String previousTimestamp = "";
        for (String line : lines) {
            JsonNode event = mapper.readTree(line);
            String type = event.get("type").asText();
            types.merge(type, 1, Integer::sum);
            assertTrue(messageIds.add(event.get("messageId").asText()), "unique messageId: " + line);
            String timestamp = event.get("timestamp").asText();
            assertNotNull(Instant.parse(timestamp));
            assertTrue(timestamp.compareTo(previousTimestamp) >= 0, "sorted by time");
            previousTimestamp = timestamp;
            String anonymousId = event.get("anonymousId").asText();
            if (event.has("userId")) {
                String userId = event.get("userId").asText();
                String known = userOfDevice.putIfAbsent(anonymousId, userId);
                assertTrue(known == null || known.equals(userId), "one user per anonymousId: " + line);
            }
            assertTrue(line.length() < 32 * 1024, "under Segment's 32 KB per message");
            switch (type) {
                case "identify" -> {
                    assertTrue(event.has("userId"), line);
                    assertTrue(event.get("traits").get("email").asText().endsWith(".example"), line);
                }
                case "track" -> {
                    trackEvents.add(event.get("event").asText());
                    assertTrue(event.get("properties").isObject(), line);
                }
                case "page" -> {
                    JsonNode properties = event.get("properties");
                    assertTrue(properties.get("url").asText().startsWith("https://shop.example.com/"), line);
                    assertTrue(properties.has("path") && properties.has("title"), line);
                }
                default -> throw new AssertionError("unexpected type " + type);
            }
        }
        assertEquals(Set.of("identify", "track", "page"), types.keySet());
        assertTrue(trackEvents.containsAll(Set.of("Product Viewed", "Product Added", "Order Completed",
                "Checkout Started", "Signed Up")), trackEvents.toString());
    }
}
