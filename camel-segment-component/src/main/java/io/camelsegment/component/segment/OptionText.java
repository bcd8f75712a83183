package io.camelsegment.component.segment;

import java.lang.reflect.Field;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.apache.camel.spi.UriParam;

/**
 * Checks the text of numeric, duration and boolean endpoint options before Camel binds them: Camel's lenient
 * conversion turns text it cannot read into 0 (or false), so {@code maxRetries=abc} would silently turn retries off
 * and {@code flushInterval=abc} mean no linger. Values that are not text (the Endpoint DSL's numbers, bean references)
 * and property placeholders Camel has already resolved pass as they are.
 */
final class OptionText {

    private static final Pattern WHOLE_NUMBER = Pattern.compile("[+-]?\\d+");
    /** Camel's duration text: milliseconds, or amounts with units such as 500ms, 5s, 2m, 1h30m, 1d. */
    private static final Pattern CAMEL_DURATION = Pattern.compile("(\\d+\\s*(ms|s|m|h|d)\\s*)+",
            Pattern.CASE_INSENSITIVE);

    private enum Kind {
        WHOLE_NUMBER,
        DURATION,
        BOOLEAN
    }

    /** Option name (lower case) to its kind, for the options of {@link SegmentConfiguration} that have one. */
    private static final Map<String, Kind> KINDS = kinds();

    private OptionText() {
    }

    /**
     * @throws IllegalArgumentException naming the option, what it takes and the text given
     */
    static void check(Map<String, Object> parameters) {
        for (Map.Entry<String, Object> parameter : parameters.entrySet()) {
            if (!(parameter.getValue() instanceof String text)) {
                continue;
            }
            Kind kind = KINDS.get(parameter.getKey().toLowerCase(Locale.ROOT));
            if (kind != null && !readable(kind, text.trim())) {
                throw new IllegalArgumentException(parameter.getKey() + " must be " + describe(kind) + ", was '"
                                                   + text + "'");
            }
        }
    }

    private static boolean readable(Kind kind, String text) {
        return switch (kind) {
            case WHOLE_NUMBER -> WHOLE_NUMBER.matcher(text).matches();
            case BOOLEAN -> "true".equalsIgnoreCase(text) || "false".equalsIgnoreCase(text);
            case DURATION -> WHOLE_NUMBER.matcher(text).matches() || CAMEL_DURATION.matcher(text).matches()
                             || isIsoDuration(text);
        };
    }

    private static boolean isIsoDuration(String text) {
        if (text.isEmpty() || Character.toUpperCase(text.charAt(0)) != 'P') {
            return false;
        }
        try {
            Duration.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static String describe(Kind kind) {
        return switch (kind) {
            case WHOLE_NUMBER -> "a whole number";
            case BOOLEAN -> "true or false";
            case DURATION -> "a duration: milliseconds (5000), an amount with a unit (500ms, 5s, 2m, 1h30m) or ISO-8601"
                             + " (PT5S)";
        };
    }

    private static Map<String, Kind> kinds() {
        Map<String, Kind> kinds = new TreeMap<>();
        for (Field field : SegmentConfiguration.class.getDeclaredFields()) {
            UriParam param = field.getAnnotation(UriParam.class);
            if (param == null) {
                continue;
            }
            String name = (param.name().isEmpty() ? field.getName() : param.name()).toLowerCase(Locale.ROOT);
            Class<?> type = field.getType();
            if (param.javaType().contains("Duration")) {
                kinds.put(name, Kind.DURATION);
            } else if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
                kinds.put(name, Kind.WHOLE_NUMBER);
            } else if (type == boolean.class || type == Boolean.class) {
                kinds.put(name, Kind.BOOLEAN);
            }
        }
        return kinds;
    }
}
