package io.camelsegment.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The example's sample input as the tests see it: parsed lines of src/main/data/events.jsonl. */
final class SampleEvents {

    /** Surefire runs in the module directory. */
    static final Path DATA_DIR = Path.of("src/main/data");
    static final Path FILE = DATA_DIR.resolve("events.jsonl");

    private SampleEvents() {
    }

    static List<JsonNode> read() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        List<JsonNode> events = new ArrayList<>();
        for (String line : Files.readAllLines(FILE)) {
            events.add(mapper.readTree(line));
        }
        return events;
    }

    static Map<String, Long> countByType(List<JsonNode> events) {
        Map<String, Long> counts = new TreeMap<>();
        events.forEach(e -> counts.merge(e.get("type").asText(), 1L, Long::sum));
        return counts;
    }
}
