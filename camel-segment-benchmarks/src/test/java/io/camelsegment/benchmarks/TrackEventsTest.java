package io.camelsegment.benchmarks;

import java.util.HashSet;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrackEventsTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void eventsAreDeterministicWithUniqueMessageIds() throws Exception {
        assertEquals(mapper.writeValueAsString(TrackEvents.message(42)),
                mapper.writeValueAsString(TrackEvents.message(42)));
        Set<String> ids = new HashSet<>();
        for (long i = 0; i < 100_000; i++) {
            assertTrue(ids.add(TrackEvents.messageId(i)), "duplicate messageId at " + i);
        }
        assertEquals(36, TrackEvents.messageId(999_999).length(), "UUID-shaped like analytics-java's ids");
    }

    @Test
    void eventsHaveARealisticSize() throws Exception {
        long total = 0;
        for (long i = 0; i < 1000; i++) {
            int size = mapper.writeValueAsBytes(TrackEvents.message(i)).length;
            assertTrue(size >= 300 && size <= 420, "event " + i + " is " + size + " bytes");
            total += size;
        }
        assertTrue(total / 1000 >= 340 && total / 1000 <= 400, "mean " + total / 1000);
    }
}
