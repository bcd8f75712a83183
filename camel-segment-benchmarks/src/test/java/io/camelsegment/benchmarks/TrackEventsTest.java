package io.camelsegment.benchmarks;

import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
    void timestampTextIsTheTimestampWithMilliseconds() {
        for (long i : new long[] { 0, 1, 999, 1000, 59_999, 86_399_999, 1_234_567, BenchSettings.WARMUP_FIRST_EVENT + 7,
                1_234_566, 1 }) {
            String text = TrackEvents.timestampText(i);
            assertEquals(TrackEvents.timestamp(i), Instant.parse(text), text);
            assertEquals(24, text.length(), text + " has milliseconds, even when they are 000");
        }
    }

    @Test
    void aWarmUpEventDiffersFromItsMeasuredEventOnlyByItsMessageId() throws Exception {
        for (long i : new long[] { 0, 1, 777_777 }) {
            Map<String, Object> measured = TrackEvents.message(i);
            Map<String, Object> warmUp = TrackEvents.message(BenchSettings.WARMUP_FIRST_EVENT + i);
            assertNotEquals(measured.remove("messageId"), warmUp.remove("messageId"));
            assertEquals(mapper.writeValueAsString(measured), mapper.writeValueAsString(warmUp));
        }
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
