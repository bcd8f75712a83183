package io.camelsegment.component.segment.tracking;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Calendar;
import java.util.Date;

import io.camelsegment.component.segment.SegmentValidationException;

/** ISO-8601 timestamps as Segment wants them: UTC, millisecond precision, fixed length. */
public final class SegmentTimestamps {

    /** Length of every timestamp this class formats, e.g. {@code 2026-11-28T19:17:08.123Z}. */
    public static final int LENGTH = 24;

    /** Up to the second and the dot: {@code 2026-11-28T19:17:08.}; the milliseconds and Z follow. */
    private static final DateTimeFormatter SECOND_PREFIX
            = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'.'").withZone(ZoneOffset.UTC);
    /** {@code 000Z} to {@code 999Z}. */
    private static final String[] MILLIS_AND_Z = new String[1000];
    /** The prefix of the second formatted last: most timestamps formatted in a row fall in the same second. */
    private static volatile FormattedSecond lastSecond = new FormattedSecond(0, SECOND_PREFIX.format(Instant.EPOCH));

    static {
        for (int i = 0; i < MILLIS_AND_Z.length; i++) {
            MILLIS_AND_Z[i] = String.format(java.util.Locale.ROOT, "%03dZ", i);
        }
    }

    private record FormattedSecond(long epochSecond, String prefix) {
    }

    private SegmentTimestamps() {
    }

    /** The earliest and latest instants with a four-digit year, the only ones ISO-8601 text writes plainly. */
    static final Instant MIN = Instant.parse("0001-01-01T00:00:00Z");
    static final Instant MAX = Instant.parse("9999-12-31T23:59:59.999Z");

    /**
     * The instant as {@code yyyy-MM-ddTHH:mm:ss.SSSZ} in UTC. The date and time of the second are formatted once per
     * second (DateTimeFormatter costs more than the rest of a message's defaults), the milliseconds from a table.
     */
    public static String format(Instant instant) {
        long second = instant.getEpochSecond();
        FormattedSecond formatted = lastSecond;
        if (formatted.epochSecond() != second) {
            formatted = new FormattedSecond(second, SECOND_PREFIX.format(Instant.ofEpochSecond(second)));
            lastSecond = formatted;
        }
        return formatted.prefix().concat(MILLIS_AND_Z[instant.getNano() / 1_000_000]);
    }

    /**
     * Whether a value is a date-time for {@link #normalize} to read as it is, rather than as the text the mapper would
     * write (a java.sql.Date without its time, an out-of-range Instant as text): the body's field and the header alike.
     */
    static boolean isDateTime(Object value) {
        return value instanceof TemporalAccessor || value instanceof Date || value instanceof Calendar;
    }

    /**
     * Normalizes a timestamp given by a route to what Segment is sent: UTC, milliseconds, years 0001 to 9999. Accepts
     * an ISO-8601 String (any offset; none means UTC), Instant, OffsetDateTime, ZonedDateTime, LocalDateTime (read as
     * UTC, as text without an offset is), Date (java.sql's included), Calendar or epoch millis.
     */
    public static String normalize(Object value, String field) throws SegmentValidationException {
        if (value instanceof String s) {
            return normalizeText(s, field);
        }
        if (value instanceof Instant i) {
            return formatInRange(i, field, "an Instant");
        }
        if (value instanceof OffsetDateTime o) {
            return formatInRange(o.toInstant(), field, "an OffsetDateTime");
        }
        if (value instanceof ZonedDateTime z) {
            return formatInRange(z.toInstant(), field, "a ZonedDateTime");
        }
        if (value instanceof LocalDateTime l) {
            return formatInRange(l.toInstant(ZoneOffset.UTC), field, "a LocalDateTime");
        }
        if (value instanceof Calendar c) {
            return formatInRange(Instant.ofEpochMilli(c.getTimeInMillis()), field, "a Calendar");
        }
        if (value instanceof Date d) {
            // getTime(), not toInstant(): java.sql.Date and java.sql.Time (what JDBC rows carry) throw there
            return formatInRange(Instant.ofEpochMilli(d.getTime()), field, "a " + d.getClass().getName());
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte
            || value instanceof java.math.BigInteger) {
            long millis;
            try {
                millis = value instanceof java.math.BigInteger big ? big.longValueExact() : ((Number) value).longValue();
            } catch (ArithmeticException e) {
                throw outOfRange(field, "epoch millis");
            }
            return formatInRange(Instant.ofEpochMilli(millis), field, "epoch millis");
        }
        throw new SegmentValidationException(field, "must be an ISO-8601 timestamp, was a "
                                                    + value.getClass().getSimpleName());
    }

    /** Text in the canonical form ({@code 2024-03-15T09:26:53.589Z}) as it is; any other ISO-8601 form converted. */
    private static String normalizeText(String value, String field) throws SegmentValidationException {
        if (value.length() == LENGTH && isCanonicalUtc(value)) {
            return value;
        }
        TemporalAccessor parsed;
        try {
            parsed = DateTimeFormatter.ISO_DATE_TIME.parse(value);
        } catch (DateTimeParseException e) {
            throw new SegmentValidationException(field, "must be an ISO-8601 date-time such as "
                                                        + "2026-01-31T12:00:00.000Z; the text given ("
                                                        + value.length() + " characters) is not one");
        }
        Instant instant;
        try {
            instant = parsed.isSupported(ChronoField.OFFSET_SECONDS)
                    ? OffsetDateTime.from(parsed).toInstant()
                    : LocalDateTime.from(parsed).toInstant(ZoneOffset.UTC); // no offset: UTC, as Segment reads it
        } catch (DateTimeException e) {
            throw outOfRange(field, "text");
        }
        return formatInRange(instant, field, "text");
    }

    /** @param given what the value was (epoch millis, text, an Instant), never the value: errors do not quote it */
    private static String formatInRange(Instant instant, String field, String given)
            throws SegmentValidationException {
        if (instant.isBefore(MIN) || instant.isAfter(MAX)) {
            throw outOfRange(field, given);
        }
        return format(instant);
    }

    private static SegmentValidationException outOfRange(String field, String given) {
        return new SegmentValidationException(field, "must be between 0001-01-01T00:00:00.000Z and "
                                                     + "9999-12-31T23:59:59.999Z in UTC (ISO-8601 with a four-digit "
                                                     + "year), was " + given + " outside that range");
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
        return year >= 1 && month >= 1 && month <= 12 && day >= 1
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
