package io.camelsegment.component.segment.tracking;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The formatter that keeps the second it formatted last writes what Java's own formatter writes, in any order. */
class SegmentTimestampsFormatTest {

    private static final DateTimeFormatter REFERENCE
            = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    @Test
    void writesWhatJavasFormatterWrites() {
        for (String text : new String[] { "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999Z",
                "1969-12-31T23:59:59.999Z", "1970-01-01T00:00:00Z", "2024-02-29T12:34:56.007Z" }) {
            assertSame(Instant.parse(text));
        }
        SplittableRandom random = new SplittableRandom(42);
        long min = SegmentTimestamps.MIN.toEpochMilli();
        long max = SegmentTimestamps.MAX.toEpochMilli();
        for (int i = 0; i < 100_000; i++) {
            assertSame(Instant.ofEpochMilli(random.nextLong(min, max + 1)));
        }
    }

    @Test
    void millisecondsOfOneSecondAndSecondsInTurn() {
        long second = Instant.parse("2026-12-02T15:00:00Z").getEpochSecond();
        for (int millis = 0; millis < 1000; millis++) {
            assertSame(Instant.ofEpochSecond(second, millis * 1_000_000L + 999_999));
            assertSame(Instant.ofEpochSecond(second + (millis % 2 == 0 ? 1 : -1), millis * 1_000_000L));
        }
    }

    private static void assertSame(Instant instant) {
        assertEquals(REFERENCE.format(instant), SegmentTimestamps.format(instant), () -> instant.toString());
        assertEquals(SegmentTimestamps.LENGTH, SegmentTimestamps.format(instant).length());
    }
}
