package io.camelsegment.component.segment.tracking;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The hot-path shortcuts give exactly what the general library code they replace gives. */
class FastPathEquivalenceTest {

    private static final ObjectMapper MAPPER = JsonMapper.builder().findAndAddModules().build();

    @ParameterizedTest
    @ValueSource(strings = { "2026-11-28T19:17:08.123Z", "2026-11-28T19:17:08Z", "2026-11-28T19:17:08.1Z",
            "2026-11-28T19:17:08.123456789Z", "2024-02-29T00:00:00Z", "2023-02-29T00:00:00Z", "2026-04-31T10:00:00Z",
            "2026-13-01T10:00:00Z", "2026-00-10T10:00:00Z", "2026-01-01T24:00:00Z", "2026-01-01T23:60:00Z",
            "2026-01-01T23:59:60Z", "2026-01-01T10:00:00.Z", "2026-01-01T10:00:00.1234567890Z", "2026-01-01 10:00:00Z",
            "2026-1-01T10:00:00Z", "2026-01-01T10:00:00+02:00", "2026-01-01T10:00:00", "yesterday", "",
            "2026-01-01T10:00:0aZ", "+2026-01-01T10:00:00Z" })
    void canonicalCheckNeverAcceptsWhatTheParserRejects(String value) {
        boolean parses;
        try {
            DateTimeFormatter.ISO_DATE_TIME.parse(value);
            parses = true;
        } catch (DateTimeParseException e) {
            parses = false;
        }
        if (SegmentTimestamps.isCanonicalUtc(value)) {
            assertEquals(true, parses, value + " accepted by the fast path but not by the parser");
        }
        // and validation as a whole agrees with the parser
        boolean valid;
        try {
            SegmentTimestamps.normalize(value, "timestamp");
            valid = true;
        } catch (io.camelsegment.component.segment.SegmentValidationException e) {
            valid = false;
        }
        assertEquals(parses, valid, value);
    }

    @Test
    void directTreesEqualValueToTree() throws Exception {
        Map<String, Object> product = new LinkedHashMap<>();
        product.put("sku", "SKU-1");
        product.put("price", 9.99);
        product.put("quantity", 2L);
        product.put("small", (short) 3);
        product.put("ratio", 0.5f);
        product.put("exact", new BigDecimal("12.30"));
        product.put("huge", new BigInteger("123456789012345678901234567890"));
        product.put("missing", null);
        product.put("flag", true);
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("userId", "u1");
        message.put("count", 7);
        message.put("products", List.of(product, product));
        message.put("tags", Set.of("a"));
        message.put("array", Arrays.asList(1, "two", null));
        message.put("numericKeys", Map.of(1, "one"));
        message.put("date", new java.util.Date(0));
        message.put("node", MAPPER.createObjectNode().put("x", 1));

        assertEquals(MAPPER.valueToTree(message), JavaValueTrees.toTree(MAPPER, message, "message"));
    }
}
