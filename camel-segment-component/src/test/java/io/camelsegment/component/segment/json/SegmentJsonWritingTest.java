package io.camelsegment.component.segment.json;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the component's mapper writes: field names from its cache and fast-written doubles change no byte's meaning. */
class SegmentJsonWritingTest {

    private final ObjectMapper mapper = SegmentJson.newMapper();
    /** Jackson as it comes, but for 4-byte UTF-8 instead of escaped surrogate pairs, as the component writes. */
    private final ObjectMapper plain = JsonMapper.builder().enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
            .build();

    @Test
    void namesWrittenFromTheCacheAreTheBytesJacksonWrites() throws Exception {
        Map<String, Object> message = new LinkedHashMap<>();
        for (String key : List.of("userId", "with \"quotes\" and \\", "tab\tand\nnewline", "\u0001control", "café",
                "emoji \uD83D\uDE00", "</script>", "")) {
            message.put(key, Map.of(key, 1));
        }
        byte[] expected = plain.writeValueAsBytes(message);
        byte[] first = mapper.writeValueAsBytes(message); // names checked, encoded, kept
        byte[] again = mapper.writeValueAsBytes(message); // names from the cache
        assertArrayEquals(expected, first, new String(first, StandardCharsets.UTF_8));
        assertArrayEquals(expected, again, new String(again, StandardCharsets.UTF_8));
    }

    @Test
    void aNameWithALoneSurrogateIsRefusedEveryTime() {
        Map<String, Object> message = Map.of("k\uDE00", "v");
        for (int i = 0; i < 2; i++) {
            Exception refused = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
                    () -> mapper.writeValueAsBytes(message));
            assertTrue(String.valueOf(refused.getMessage()).contains("lone surrogate"), refused.getMessage());
        }
    }

    @Test
    void theCacheKeepsAtMostItsLimitOfNames() throws Exception {
        for (int i = 0; i < FieldNameCache.MAX_NAMES + 500; i++) {
            Map<String, Object> message = Map.of("distinct-key-" + i, i);
            assertEquals("{\"distinct-key-" + i + "\":" + i + "}",
                    new String(mapper.writeValueAsBytes(message), StandardCharsets.UTF_8));
        }
        assertTrue(FieldNameCache.size() <= FieldNameCache.MAX_NAMES, FieldNameCache.size() + " names kept");
        String longName = "x".repeat(FieldNameCache.MAX_NAME_LENGTH + 1);
        assertEquals("{\"" + longName + "\":1}",
                new String(mapper.writeValueAsBytes(Map.of(longName, 1)), StandardCharsets.UTF_8));
    }

    @Test
    void everyDoubleReadsBackAsTheSameValue() throws Exception {
        SplittableRandom random = new SplittableRandom(42);
        double[] values = new double[20_000];
        for (int i = 0; i < values.length; i++) {
            values[i] = i % 2 == 0 ? Double.longBitsToDouble(random.nextLong() & 0x7fefffffffffffffL)
                    : Math.round(random.nextDouble() * 1_000_000) / 100.0; // prices
        }
        values[0] = Double.MIN_VALUE;
        values[1] = Double.MAX_VALUE;
        values[2] = 2.0E23;
        values[3] = -0.0;
        // JDK 17's Double.toString writes 1.9999999999999998E23 here: the same value, 6 bytes longer.
        assertEquals("{\"v\":2.0E23}", new String(mapper.writeValueAsBytes(Map.of("v", 2.0E23)), StandardCharsets.UTF_8));
        for (double value : values) {
            JsonNode read = plain.readTree(mapper.writeValueAsBytes(Map.of("v", value))).get("v");
            assertEquals(Double.doubleToLongBits(value), Double.doubleToLongBits(read.doubleValue()),
                    value + " written as " + read);
        }
    }
}
