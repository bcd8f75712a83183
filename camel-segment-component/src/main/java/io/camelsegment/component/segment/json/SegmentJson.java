package io.camelsegment.component.segment.json;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;

/**
 * The component's JSON mapper: strict where input could be silently misread, exact where bytes are counted.
 * <ul>
 * <li>reading: a key repeated in one object and content after the JSON document are errors, not "last one wins" or
 * "rest ignored"; Jackson's default limits stay (1,000 levels of nesting, 20,000,000 characters per string);</li>
 * <li>writing: characters outside the Basic Multilingual Plane (emoji) as 4 bytes of UTF-8, not as a 12-byte escaped
 * surrogate pair (the 32 KB per message limit counts bytes as sent); a lone surrogate is refused, and so are NaN and
 * infinite numbers, which Jackson would write as the strings "NaN" and "Infinity"; floating-point
 * numbers in their shortest form that reads back as the same value (Jackson's fast writer, Schubfach, instead of JDK
 * 17's Double.toString, which is slower and sometimes longer); a POJO getter that throws an Error is reported with its
 * path like one that throws an exception ({@link GetterErrors}).</li>
 * </ul>
 */
public final class SegmentJson {

    /** Jackson's default nesting limit for reading and writing, which the component keeps. */
    public static final int MAX_NESTING_DEPTH = 1000;
    /**
     * Most values (keys and items, at every level) one walk of a route's value visits: far more than any Segment
     * message (32 KB) or Source settings object holds, and the end of a value that holds one Map or List many times
     * over (each level holding the one below twice: 2^n values in n levels).
     */
    public static final int MAX_VALUES = 1_000_000;
    /** The rule a value over {@link #MAX_VALUES} breaks. */
    public static final String TOO_MANY_VALUES = "holds more than " + MAX_VALUES + " values (keys and items at every "
                                                 + "level; a Map or List held several times counts each time)";

    private SegmentJson() {
    }

    public static ObjectMapper newMapper() {
        return JsonMapper.builder(new SegmentJsonFactory())
                .findAndAddModules()
                .addModule(new SimpleModule("camel-segment").setSerializerModifier(new GetterErrors()))
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
                .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }
}
