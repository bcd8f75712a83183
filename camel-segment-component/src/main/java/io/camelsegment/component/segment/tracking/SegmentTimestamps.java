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
        try {
            DateTimeFormatter.ISO_DATE_TIME.parse(value);
        } catch (DateTimeParseException e) {
            throw new SegmentValidationException(field, "must be an ISO-8601 date-time (e.g. 2026-01-31T12:00:00.000Z), was '"
                                                        + value + "'");
        }
    }
}
