package io.camelsegment.component.segment.tracking;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Date;

import io.camelsegment.component.segment.SegmentValidationException;

/** ISO-8601 timestamps as Segment wants them: UTC, millisecond precision, fixed length. */
public final class SegmentTimestamps {

    /** Length of every timestamp this class formats, e.g. {@code 2026-11-28T19:17:08.123Z}. */
    public static final int LENGTH = 24;

    private static final DateTimeFormatter FORMAT
            = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private SegmentTimestamps() {
    }

    public static String format(Instant instant) {
        return FORMAT.format(instant);
    }

    /**
     * Normalizes a timestamp given by a route: an ISO-8601 String (kept as given once it parses), Instant,
     * OffsetDateTime, ZonedDateTime, Date or epoch millis.
     */
    public static String normalize(Object value, String field) throws SegmentValidationException {
        if (value instanceof String s) {
            requireIso8601(s, field);
            return s;
        }
        if (value instanceof Instant i) {
            return format(i);
        }
        if (value instanceof OffsetDateTime o) {
            return format(o.toInstant());
        }
        if (value instanceof ZonedDateTime z) {
            return format(z.toInstant());
        }
        if (value instanceof Date d) {
            return format(d.toInstant());
        }
        if (value instanceof Long || value instanceof Integer) {
            return format(Instant.ofEpochMilli(((Number) value).longValue()));
        }
        throw new SegmentValidationException(field, "must be an ISO-8601 timestamp, was a "
                                                    + value.getClass().getSimpleName());
    }

    static void requireIso8601(String value, String field) throws SegmentValidationException {
        if (isCanonicalUtc(value)) {
            return;
        }
        try {
            DateTimeFormatter.ISO_DATE_TIME.parse(value);
        } catch (DateTimeParseException e) {
            throw new SegmentValidationException(field, "must be an ISO-8601 date-time (e.g. 2026-01-31T12:00:00.000Z), was '"
                                                        + value + "'");
        }
    }

    /**
     * Fast check of the shape nearly every timestamp has, {@code yyyy-MM-ddTHH:mm:ss[.fraction]Z}, with the same
     * range rules as ISO_DATE_TIME's strict parsing; other shapes (offsets, ...) take the full parser. Per event, the
     * parser cost more than the rest of validation together.
     */
    static boolean isCanonicalUtc(String v) {
        int n = v.length();
        if (n < 20 || n > 30 || v.charAt(n - 1) != 'Z' || v.charAt(4) != '-' || v.charAt(7) != '-'
                || v.charAt(10) != 'T' || v.charAt(13) != ':' || v.charAt(16) != ':') {
            return false;
        }
        if (n > 20 && (v.charAt(19) != '.' || n == 21)) {
            return false;
        }
        for (int i = 20; i < n - 1; i++) {
            if (!isDigit(v.charAt(i))) {
                return false;
            }
        }
        int year = digits(v, 0, 4);
        int month = digits(v, 5, 2);
        int day = digits(v, 8, 2);
        int hour = digits(v, 11, 2);
        int minute = digits(v, 14, 2);
        int second = digits(v, 17, 2);
        return year >= 0 && month >= 1 && month <= 12 && day >= 1
               && day <= java.time.Month.of(month).length(java.time.Year.isLeap(year))
               && hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59 && second >= 0 && second <= 59;
    }

    private static int digits(String v, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = v.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
