package io.camelsegment.component.segment.tracking;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.camelsegment.component.segment.SegmentBatchException;
import io.camelsegment.component.segment.SegmentConstants;
import io.camelsegment.component.segment.SegmentException;
import io.camelsegment.component.segment.SegmentValidationException;
import io.camelsegment.component.segment.support.WireMockSegmentTestSupport;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static io.camelsegment.component.segment.support.TrackingRequests.acceptAll;
import static io.camelsegment.component.segment.support.TrackingRequests.all;
import static io.camelsegment.component.segment.support.TrackingRequests.batchMessageIds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Input a route may hand the component by mistake (or an attacker on purpose), sent direct, buffered
 * ({@code batching=true}) and as one item of {@code segment:batch}: each ends in a SegmentValidationException naming
 * the field and the rule, nothing is sent for it, no {@code java.lang.Error} reaches the route (its onException sees
 * the failure), and in a batch the bad item is reported by index while its valid neighbours are delivered.
 */
class BadInputTest extends WireMockSegmentTestSupport {

    private static final String KEY = "&writeKey=RAW(" + WRITE_KEY + ")";

    @BeforeEach
    void stub() {
        acceptAll(wireMock);
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // Every failure must reach onException: an Error would bypass it.
                onException(Exception.class).handled(false).setHeader("seenByOnException", constant(true));
                from("direct:direct").to("segment:track?event=E&userId=u" + KEY);
                from("direct:buffered").to("segment:track?event=E&userId=u&batching=true&flushInterval=0" + KEY);
                from("direct:batch").to("segment:batch?" + KEY.substring(1));
                // a stream body reaches the component as it is only when Camel does not cache it first
                from("direct:uncached").noStreamCaching().to("segment:track?event=E&userId=u" + KEY);
                from("direct:uncachedBatch").noStreamCaching().to("segment:batch?" + KEY.substring(1));
            }
        };
    }

    /** A Map that contains itself. */
    static Map<String, Object> selfContaining() {
        Map<String, Object> map = new HashMap<>();
        map.put("me", map);
        return map;
    }

    /** A Map that contains itself twice: 2^1000 paths down to Jackson's limit, for any walk that goes on past it. */
    static Map<String, Object> selfContainingTwice() {
        Map<String, Object> map = new HashMap<>();
        map.put("a", map);
        map.put("b", map);
        return map;
    }

    /** Each level holds the one below twice: 2^levels values within a few levels of nesting, for any walk to expand. */
    static Map<String, Object> heldTwiceAtEachLevel(int levels) {
        Map<String, Object> map = new LinkedHashMap<>(Map.of("x", 1));
        for (int i = 0; i < levels; i++) {
            Map<String, Object> above = new LinkedHashMap<>();
            above.put("a", map);
            above.put("b", map);
            map = above;
        }
        return map;
    }

    /** A message whose properties are an ObjectNode built in code (no parser limit applies) nested depth levels. */
    static ObjectNode withNestedNode(int depth) {
        ObjectNode message = JsonNodeFactory.instance.objectNode().put("type", "track").put("userId", "u")
                .put("event", "E");
        ObjectNode current = message.putObject("properties");
        for (int i = 1; i < depth; i++) {
            current = current.putObject("a");
        }
        return message;
    }

    static Map<String, Object> nested(int depth) {
        Map<String, Object> root = new HashMap<>();
        Map<String, Object> current = root;
        for (int i = 1; i < depth; i++) {
            Map<String, Object> next = new HashMap<>();
            current.put("k", next);
            current = next;
        }
        return root;
    }

    static Map<String, Object> nullKey() {
        Map<String, Object> map = new HashMap<>();
        map.put(null, "v");
        return map;
    }

    public static class Failing {
        public String getSecretSauce() {
            throw new IllegalStateException("getter failed");
        }
    }

    public static class Asserting {
        public String getVerdict() {
            throw new AssertionError("getter failed");
        }
    }

    public static class Holder {
        public Object getInner() {
            return new Failing();
        }
    }

    /** A bean holding two values. */
    public record Pair(Object a, Object b) {
    }

    /** A bean event whose properties are the given value. */
    public static class BeanEvent {
        private final Object properties;

        BeanEvent(Object properties) {
            this.properties = properties;
        }

        public String getType() {
            return "track";
        }

        public String getUserId() {
            return "u";
        }

        public String getEvent() {
            return "E";
        }

        public Object getProperties() {
            return properties;
        }
    }

    /** As {@link #heldTwiceAtEachLevel}, with beans: each Pair holds the one below twice. */
    static Object beanHeldTwiceAtEachLevel(int levels) {
        Object value = 1;
        for (int i = 0; i < levels; i++) {
            value = new Pair(value, value);
        }
        return value;
    }

    static String nestedJson(int depth) {
        StringBuilder sb = new StringBuilder("{\"type\":\"track\",\"userId\":\"u\",\"event\":\"E\",\"properties\":");
        sb.append("{\"a\":".repeat(depth)).append('1').append("}".repeat(depth)).append('}');
        return sb.toString();
    }

    /** Maps (or JSON text) with every message field set, so that only the bad part can fail. */
    static Map<String, Object> event(String key, Object value) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", "track");
        event.put("userId", "u");
        event.put("event", "E");
        event.put(key, value);
        return event;
    }

    static java.util.concurrent.atomic.DoubleAdder infiniteSum() {
        java.util.concurrent.atomic.DoubleAdder sum = new java.util.concurrent.atomic.DoubleAdder();
        sum.add(Double.POSITIVE_INFINITY);
        return sum;
    }

    static Map<String, Object> withProperty(String name, Object value) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(name, value);
        return event("properties", properties);
    }

    private static final String BEYOND_DOUBLE = "must be a number within the range of a double (±1.8E308)";

    static Stream<Arguments> badInputs() {
        return Stream.of(
                // name, the bad event (built per call), field, rule (part)
                Arguments.of("self-containing Map", (Supplier<Object>) () -> event("properties", selfContaining()),
                        "properties.me", "nests"),
                Arguments.of("Maps nested 10,000 deep", (Supplier<Object>) () -> event("properties", nested(10_000)),
                        "properties.k", "nests"),
                Arguments.of("Map that contains itself twice",
                        (Supplier<Object>) () -> event("properties", selfContainingTwice()),
                        "properties.a.a.a.a.a.a.a...(1000 levels)", "nests deeper than 1000 levels"),
                Arguments.of("JsonNode nested 100,000 deep", (Supplier<Object>) () -> withNestedNode(100_000),
                        "properties", "nests deeper than 1000 levels"),
                Arguments.of("Map with a null key", (Supplier<Object>) () -> event("properties", nullKey()),
                        "properties.<null key>", "null key"),
                Arguments.of("POJO whose getter throws", (Supplier<Object>) () -> withProperty("p", new Holder()),
                        "properties.p.inner.secretSauce", "getter threw java.lang.IllegalStateException"),
                // Map.of refuses containsKey(null), which naming the key "null" asked
                Arguments.of("failing getter under the key \"null\" of an immutable Map",
                        (Supplier<Object>) () -> event("properties", Map.of("null", new Holder())),
                        "properties.null.inner.secretSauce", "getter threw java.lang.IllegalStateException"),
                Arguments.of("Maps nested 2,000 deep under the key \"null\" of an immutable Map",
                        (Supplier<Object>) () -> event("properties", Map.of("null", nested(2_000))),
                        "properties.null.k", "nests deeper than 1000 levels"),
                Arguments.of("POJO whose getter throws an AssertionError",
                        (Supplier<Object>) () -> withProperty("p", new Asserting()), "properties.p.verdict",
                        "could not be read: its getter threw java.lang.AssertionError"),
                Arguments.of("lone high surrogate", (Supplier<Object>) () -> withProperty("name", "a\uD83Db"),
                        "properties.name", "lone surrogate (U+D83D"),
                Arguments.of("lone low surrogate in a key", (Supplier<Object>) () -> withProperty("k\uDE00", "v"),
                        "properties", "lone surrogate (U+DE00"),
                Arguments.of("lone surrogate at the end of userId",
                        (Supplier<Object>) () -> event("userId", "u\uD83D"), "userId", "lone surrogate"),
                Arguments.of("lone surrogate in the second item of a List",
                        (Supplier<Object>) () -> withProperty("tags", List.of("a", "b\uD800")), "properties.tags.1",
                        "lone surrogate (U+D800"),
                Arguments.of("NaN", (Supplier<Object>) () -> withProperty("ratio", Double.NaN), "properties.ratio",
                        "must be a finite number, was NaN"),
                Arguments.of("negative infinite float",
                        (Supplier<Object>) () -> withProperty("f", Float.NEGATIVE_INFINITY), "properties.f",
                        "must be a finite number, was -Infinity"),
                Arguments.of("infinity in a double[]",
                        (Supplier<Object>) () -> withProperty("scores", new double[] { 1.5, Double.POSITIVE_INFINITY }),
                        "properties.scores.1", "must be a finite number, was Infinity"),
                Arguments.of("JSON text with a number beyond the range of a double",
                        (Supplier<Object>) () -> "{\"type\":\"track\",\"userId\":\"u\",\"event\":\"E\","
                                                 + "\"properties\":{\"big\":1e400}}",
                        "properties.big", "must be a finite number, was Infinity"),
                // Read as doubles (JavaScript, most JSON readers), numbers beyond their range are Infinity
                Arguments.of("BigDecimal beyond the range of a double",
                        (Supplier<Object>) () -> withProperty("big", new BigDecimal("1E+400")), "properties.big",
                        BEYOND_DOUBLE),
                Arguments.of("negative BigDecimal just beyond the range of a double",
                        (Supplier<Object>) () -> event("total", new BigDecimal("-1.8E+308")), "total", BEYOND_DOUBLE),
                Arguments.of("BigInteger of 400 digits in context.traits",
                        (Supplier<Object>) () -> event("context", Map.of("traits", Map.of("n", BigInteger.TEN.pow(
                                399)))),
                        "context.traits.n", BEYOND_DOUBLE),
                Arguments.of("BigDecimal beyond the range of a double in a POJO",
                        (Supplier<Object>) () -> withProperty("p", new Pair(1, new BigDecimal("1E+400"))),
                        "properties.p.b", BEYOND_DOUBLE),
                Arguments.of("DoubleAdder that holds Infinity (written as its text)",
                        (Supplier<Object>) () -> withProperty("sum", infiniteSum()), "properties.sum", BEYOND_DOUBLE),
                Arguments.of("JSON text with an integer of 400 digits",
                        (Supplier<Object>) () -> "{\"type\":\"track\",\"userId\":\"u\",\"event\":\"E\","
                                                 + "\"properties\":{\"big\":1" + "0".repeat(399) + "}}",
                        "properties.big", BEYOND_DOUBLE),
                Arguments.of("epoch timestamp before year 1",
                        (Supplier<Object>) () -> event("timestamp", -62_135_596_800_001L), "timestamp",
                        "must be between 0001-01-01T00:00:00.000Z and 9999-12-31T23:59:59.999Z"),
                Arguments.of("epoch timestamp after year 9999",
                        (Supplier<Object>) () -> event("timestamp", 253_402_300_800_000L), "timestamp",
                        "must be between 0001-01-01"),
                Arguments.of("text timestamp in year 99999",
                        (Supplier<Object>) () -> event("timestamp", "+99999-01-01T00:00:00Z"), "timestamp",
                        "must be between 0001-01-01"),
                Arguments.of("text timestamp in year 0",
                        (Supplier<Object>) () -> event("timestamp", "0000-06-01T00:00:00.000Z"), "timestamp",
                        "must be between 0001-01-01"),
                Arguments.of("text timestamp pushed past 9999 by its offset",
                        (Supplier<Object>) () -> event("timestamp", "9999-12-31T23:30:00-01:00"), "timestamp",
                        "must be between 0001-01-01"),
                Arguments.of("JSON text nested over Jackson's 1,000 levels",
                        (Supplier<Object>) () -> nestedJson(1001), "",
                        "nesting depth (1001) exceeds the maximum allowed (1000"),
                Arguments.of("JSON text with trailing content",
                        (Supplier<Object>) () -> "{\"type\":\"track\",\"userId\":\"u\",\"event\":\"E\"} {\"x\":1}", "",
                        "content after the end of its JSON value"),
                Arguments.of("JSON text with a duplicate key",
                        (Supplier<Object>) () -> "{\"type\":\"track\",\"userId\":\"u\",\"event\":\"E\","
                                                 + "\"properties\":{\"a\":1,\"a\":2}}",
                        "properties.a", "appears twice in the same JSON object"),
                Arguments.of("JSON text with a lone surrogate escape",
                        (Supplier<Object>) () -> "{\"type\":\"track\",\"userId\":\"u\",\"event\":\"E\","
                                                 + "\"properties\":{\"a\":\"x\\uDC00\"}}",
                        "properties.a", "lone surrogate"));
    }

    @ParameterizedTest(name = "direct: {0}")
    @MethodSource("badInputs")
    void directRefusesAndSendsNothing(String name, Supplier<Object> bad, String field, String rule) {
        refusesAndSendsNothing("direct:direct", bad.get(), field, rule);
    }

    @ParameterizedTest(name = "buffered: {0}")
    @MethodSource("badInputs")
    void bufferedRefusesAndSendsNothing(String name, Supplier<Object> bad, String field, String rule) {
        refusesAndSendsNothing("direct:buffered", bad.get(), field, rule);
    }

    private void refusesAndSendsNothing(String route, Object body, String field, String rule) {
        Exchange result = template.request(route, e -> e.getMessage().setBody(body));

        assertRejected(result, singleField(body, field), rule);
        assertEquals(0, all(wireMock).size(), "nothing sent");
    }

    @ParameterizedTest(name = "batch: {0}")
    @MethodSource("badInputs")
    void batchReportsTheItemAndDeliversItsNeighbours(String name, Supplier<Object> bad, String field, String rule) {
        Object badItem = bad.get();
        List<Object> items = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Object valid = event("messageId", "valid-" + i);
            // Text items go with text neighbours (a collection of JSON strings), Maps with Maps.
            items.add(i == 4 ? badItem : badItem instanceof String ? toJson(valid) : valid);
        }

        Exchange result = template.request("direct:batch", e -> e.getMessage().setBody(items));

        assertNoError(result);
        SegmentBatchException e = assertInstanceOf(SegmentBatchException.class, result.getException());
        assertEquals(1, e.getFailures().size(), e.getMessage());
        assertEquals(4, e.getFailures().get(0).index());
        String reason = e.getFailures().get(0).reason();
        assertTrue(reason.startsWith("batch[4]" + (field.isEmpty() ? "" : "." + field)), reason);
        assertTrue(reason.contains(rule), reason);
        List<String> sent = new ArrayList<>();
        for (LoggedRequest request : all(wireMock)) {
            sent.addAll(batchMessageIds(request));
        }
        assertEquals(9, sent.size(), "every valid item delivered: " + sent);
        assertFalse(sent.contains(null));
        assertEquals(9, e.getDeliveredMessageIds().size());
    }

    /**
     * A Map held twice at each of 60 levels (2^60 values) is refused at once: without a messageId, deriving one counts
     * the values it visits; with one, writing them does.
     */
    @ParameterizedTest(name = "{0}, messageId given: {1}")
    @org.junit.jupiter.params.provider.CsvSource({ "direct:direct,false", "direct:buffered,false", "direct:direct,true",
            "direct:buffered,true" })
    void aMapHeldManyTimesOverIsRefusedAtOnce(String route, boolean withMessageId) {
        Map<String, Object> event = event("properties", heldTwiceAtEachLevel(60));
        if (withMessageId) {
            event.put("messageId", "m1");
        }

        Exchange result = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(30),
                () -> template.request(route, e -> e.getMessage().setBody(event)));

        assertRejected(result, "message", "holds more than 1000000 values");
        assertEquals(0, all(wireMock).size(), "nothing sent");
    }

    /**
     * Beans held twice at each of 60 levels (2^60 values) are refused at once wherever the route puts them: as the
     * body, inside a Map body, in a header; nothing walks them out.
     */
    @ParameterizedTest(name = "{0} in {1}")
    @org.junit.jupiter.params.provider.CsvSource({ "direct:direct,bean body", "direct:buffered,bean body",
            "direct:direct,Map body", "direct:buffered,Map body", "direct:direct,header", "direct:buffered,header" })
    void beansHeldManyTimesOverAreRefusedAtOnce(String route, String where) {
        Object shared = beanHeldTwiceAtEachLevel(60);

        Exchange result = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(30),
                () -> template.request(route, e -> {
                    switch (where) {
                        case "bean body" -> e.getMessage().setBody(new BeanEvent(shared));
                        case "Map body" -> e.getMessage().setBody(event("properties", shared));
                        default -> {
                            e.getMessage().setBody(event("messageId", "m1"));
                            e.getMessage().setHeader(SegmentConstants.PROPERTIES, shared);
                        }
                    }
                }));

        assertNoError(result);
        SegmentValidationException e = assertInstanceOf(SegmentValidationException.class, result.getException(),
                () -> String.valueOf(result.getException()));
        assertTrue(e.getRule().contains("holds more than 1000000 values"), e.getMessage());
        assertEquals(0, all(wireMock).size(), "nothing sent");
    }

    /** One item whose Maps or beans are held many times over fails alone; its neighbours are delivered. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "Maps", "beans" })
    void aBatchItemHeldManyTimesOverFailsAlone(String held) {
        Object bad = "Maps".equals(held) ? event("properties", heldTwiceAtEachLevel(60))
                : new BeanEvent(beanHeldTwiceAtEachLevel(60));
        List<Object> items = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            items.add(i == 4 ? bad : event("messageId", "valid-" + i));
        }

        Exchange result = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(30),
                () -> template.request("direct:batch", e -> e.getMessage().setBody(items)));

        SegmentBatchException e = assertInstanceOf(SegmentBatchException.class, result.getException());
        assertEquals(1, e.getFailures().size(), e.getMessage());
        assertEquals(4, e.getFailures().get(0).index());
        assertTrue(e.getFailures().get(0).reason().startsWith("batch[4]: holds more than 1000000 values"),
                e.getFailures().get(0).reason());
        assertEquals(9, e.getDeliveredMessageIds().size());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "direct:direct", "direct:buffered" })
    void aPropertiesHeaderNestedTooDeepIsRefused(String route) {
        JsonNode properties = withNestedNode(100_000).get("properties");

        Exchange result = template.request(route, e -> e.getMessage().setHeader(SegmentConstants.PROPERTIES, properties));

        assertRejected(result, "properties", "nests deeper than 1000 levels");
        assertEquals(0, all(wireMock).size(), "nothing sent");
    }

    /** Integers beyond a long and decimals up to a double's largest value are sent digit for digit, as before. */
    @Test
    void numbersWithinTheRangeOfADoubleAreSentAsTheyAre() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("twoTo63", BigInteger.TWO.pow(63));
        properties.put("largest", new BigDecimal("-1.7976931348623157E+308"));
        properties.put("tiny", new BigDecimal("1E-400"));

        Exchange result = template.request("direct:direct", e -> e.getMessage().setBody(event("properties",
                properties)));

        assertNull(result.getException());
        String sent = all(wireMock).get(0).getBodyAsString();
        assertTrue(sent.contains("{\"twoTo63\":9223372036854775808,\"largest\":-1.7976931348623157E+308,"
                                 + "\"tiny\":1E-400}"), sent);
    }

    /** What the tests of errors that quote nothing put in the value: it must appear in no message. */
    private static final String QUOTED = "wk_NOT_TO_BE_QUOTED";

    static Stream<Arguments> valuesErrorsDoNotQuote() {
        String garbage = QUOTED + "x".repeat(100_000);
        return Stream.of(
                Arguments.of("100 KB of garbage as CamelSegmentTimestamp",
                        (Processor) e -> e.getMessage().setHeader(SegmentConstants.TIMESTAMP, garbage), "timestamp",
                        "must be an ISO-8601 date-time such as 2026-01-31T12:00:00.000Z; the text given (100019 "
                                                                                                + "characters) is not one"),
                Arguments.of("a text timestamp in year 99999",
                        (Processor) e -> e.getMessage().setBody(event("timestamp", "+99999-01-01T00:00:00Z")),
                        "timestamp", "must be between 0001-01-01T00:00:00.000Z and 9999-12-31T23:59:59.999Z in UTC "
                                     + "(ISO-8601 with a four-digit year), was text outside that range"),
                Arguments.of("epoch millis in year 3170843",
                        (Processor) e -> e.getMessage().setHeader(SegmentConstants.TIMESTAMP, 99_999_999_999_999_999L),
                        "timestamp", "must be between 0001-01-01T00:00:00.000Z and 9999-12-31T23:59:59.999Z in UTC "
                                     + "(ISO-8601 with a four-digit year), was epoch millis outside that range"),
                Arguments.of("a card number as userId",
                        (Processor) e -> e.getMessage().setBody(event("userId", 4_111_111_111_111_111L)), "userId",
                        "must be a string, was a number"),
                Arguments.of("garbage as CamelSegmentOperation",
                        (Processor) e -> e.getMessage().setHeader(SegmentConstants.OPERATION, garbage),
                        SegmentConstants.OPERATION, "is not a Segment operation; valid operations: identify, track"));
    }

    /** Errors name the field and the rule, never the value: it may be personal data, or a key in the wrong header. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("valuesErrorsDoNotQuote")
    void errorsDoNotQuoteTheValue(String name, Processor input, String field, String rule) {
        Exchange result = template.request("direct:direct", e -> {
            e.getMessage().setBody(Map.of("a", 1));
            input.process(e);
        });

        assertNoError(result);
        SegmentValidationException e = assertInstanceOf(SegmentValidationException.class, result.getException());
        assertEquals(field, e.getField());
        assertTrue(e.getRule().startsWith(rule), e.getRule());
        for (String quoted : List.of(QUOTED, "99999", "4111")) {
            assertFalse(e.getMessage().contains(quoted), e.getMessage());
        }
        assertEquals(0, all(wireMock).size(), "nothing sent");
    }

    @Test
    void aBatchItemsTypeIsNotQuoted() {
        Exchange result = template.request("direct:batch", e -> e.getMessage().setBody(
                List.of(Map.of("type", QUOTED, "userId", "u"), event("messageId", "valid"))));

        SegmentBatchException e = assertInstanceOf(SegmentBatchException.class, result.getException());
        assertEquals("batch[0].type: must be one of " + TrackingMessageValidator.TYPES + ", was another string",
                e.getFailures().get(0).reason());
        assertFalse(e.getMessage().contains(QUOTED), e.getMessage());
    }

    /** A context Map keyed by Integers (a TreeMap cannot even be asked for "library") is sent with its keys as text. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "direct:direct", "direct:buffered" })
    void aContextWithKeysThatAreNotStringsIsSent(String route) {
        Map<Integer, Object> context = new TreeMap<>(Map.of(1, "x"));

        Exchange result = template.request(route, e -> e.getMessage().setBody(event("context", context)));

        assertNull(result.getException());
        JsonNode sent = json(all(wireMock).get(0));
        JsonNode message = sent.has("batch") ? sent.get("batch").get(0) : sent;
        assertEquals("x", message.path("context").path("1").asText(), message.toString());
        assertEquals("camel-segment", message.path("context").path("library").path("name").asText());
        assertEquals(Map.of(1, "x"), context, "the caller's Map is not modified");
    }

    @Test
    void aBatchItemWithAContextKeyedByIntegersIsDeliveredWithItsNeighbours() {
        List<Object> items = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            items.add(event("messageId", "m-" + i));
        }
        items.set(4, event("context", new TreeMap<>(Map.of(1, "x"))));

        Exchange result = template.request("direct:batch", e -> e.getMessage().setBody(items));

        assertNull(result.getException());
        assertEquals(10, batchMessageIds(all(wireMock).get(0)).size());
    }

    /** A Java array is a collection like a List: its bad item fails alone, its neighbours are delivered. */
    @Test
    void anArrayBodysBadItemFailsAlone() {
        Object[] items = new Object[10];
        for (int i = 0; i < items.length; i++) {
            items[i] = event("messageId", "valid-" + i);
        }
        items[4] = withProperty("p", new Holder());

        Exchange result = template.request("direct:batch", e -> e.getMessage().setBody(items));

        assertNoError(result);
        SegmentBatchException e = assertInstanceOf(SegmentBatchException.class, result.getException(),
                () -> String.valueOf(result.getException()));
        assertEquals(1, e.getFailures().size(), e.getMessage());
        assertEquals(4, e.getFailures().get(0).index());
        assertTrue(e.getFailures().get(0).reason().startsWith("batch[4].properties.p.inner.secretSauce: could not be "
                                                              + "read"), e.getFailures().get(0).reason());
        assertEquals(9, batchMessageIds(all(wireMock).get(0)).size());
    }

    /** An Iterable that gives one iterator only (a stream's, a DirectoryStream, a database cursor) is read once. */
    @Test
    void aOneShotIterableIsDelivered() {
        List<Object> events = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            events.add(event("messageId", "m-" + i));
        }
        Iterable<Object> oneShot = events.stream()::iterator;

        Exchange result = template.request("direct:batch", e -> e.getMessage().setBody(oneShot));

        assertNull(result.getException());
        assertEquals(List.of("m-0", "m-1", "m-2"), batchMessageIds(all(wireMock).get(0)));
    }

    /**
     * A collection that fails while it is read (a cursor whose connection dropped) fails the exchange, naming where it
     * failed; the iterator's own message is not repeated (it may quote the content).
     */
    @Test
    void anIterableThatFailsWhileReadIsRefused() {
        Iterable<Object> failing = () -> new java.util.Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                if (next == 2) {
                    throw new IllegalStateException("cursor closed at " + WRITE_KEY);
                }
                return true;
            }

            @Override
            public Object next() {
                return event("messageId", "m-" + next++);
            }
        };

        Exchange result = template.request("direct:batch", e -> e.getMessage().setBody(failing));

        assertRejected(result, "batch", "could not be read after item 1: its iterator threw "
                                        + "java.lang.IllegalStateException");
        assertFalse(result.getException().getMessage().contains(WRITE_KEY), result.getException().getMessage());
        assertEquals(0, all(wireMock).size(), "nothing sent");
    }

    /** A stream body that fails while read is refused by the class of what it threw: its message may quote content. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "direct:uncached", "direct:uncachedBatch" })
    void anInputStreamThatFailsWhileReadIsRefused(String route) {
        java.io.InputStream failing = new java.io.InputStream() {
            @Override
            public int read() throws java.io.IOException {
                throw new java.io.IOException("connection reset after {\"writeKey\":\"" + QUOTED + "\"");
            }
        };

        Exchange result = template.request(route, e -> e.getMessage().setBody(failing));

        assertRejected(result, "body", "could not be read as JSON: java.io.IOException");
        assertFalse(result.getException().getMessage().contains(QUOTED), result.getException().getMessage());
        assertEquals(0, all(wireMock).size(), "nothing sent");
    }

    /** Whatever one item throws when read (here a Map whose session closed) fails that item, never its neighbours. */
    @Test
    void aBatchItemThatThrowsWhenReadFailsAlone() {
        List<Object> items = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            items.add(event("messageId", "valid-" + i));
        }
        items.set(4, new AbstractMap<String, Object>() {
            @Override
            public Set<Entry<String, Object>> entrySet() {
                throw new IllegalStateException("session closed");
            }
        });

        Exchange result = template.request("direct:batch", e -> e.getMessage().setBody(items));

        assertNoError(result);
        SegmentBatchException e = assertInstanceOf(SegmentBatchException.class, result.getException());
        assertEquals(1, e.getFailures().size(), e.getMessage());
        assertEquals(4, e.getFailures().get(0).index());
        assertEquals("batch[4]: could not be read as a message: java.lang.IllegalStateException",
                e.getFailures().get(0).reason());
        assertEquals(9, batchMessageIds(all(wireMock).get(0)).size());
    }

    /** An Error no check expects (a Map that asserts when read) fails the exchange: it never bypasses onException. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "direct:direct", "direct:buffered", "direct:batch" })
    void anErrorThrownByTheBodyFailsTheExchange(String route) {
        Map<String, Object> asserting = new AbstractMap<>() {
            @Override
            public Set<Entry<String, Object>> entrySet() {
                throw new AssertionError("not read");
            }
        };

        Exchange result = template.request(route, e -> e.getMessage().setBody(route.endsWith("batch")
                ? List.of(asserting) : asserting));

        assertNoError(result);
        assertEquals(SegmentException.class, result.getException().getClass());
        assertEquals(route.substring("direct:".length()).replace("direct", "track").replace("buffered", "track")
                     + " failed on this exchange's input: java.lang.AssertionError",
                result.getException().getMessage());
        assertInstanceOf(AssertionError.class, result.getException().getCause());
        assertEquals(0, all(wireMock).size(), "nothing sent");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("writeKeysThatAreNotStrings")
    void aBodyWriteKeyThatIsNotAStringIsRefused(String route, Object body) {
        Exchange result = template.request(route, e -> e.getMessage().setBody(body));

        assertRejected(result, "writeKey", "must be a string");
        assertEquals(0, all(wireMock).size(), "nothing sent");
    }

    static Stream<Arguments> writeKeysThatAreNotStrings() {
        return Stream.of(
                Arguments.of("direct:direct", event("writeKey", 42)),
                Arguments.of("direct:buffered", event("writeKey", Map.of("key", "k"))),
                Arguments.of("direct:batch", Map.of("writeKey", List.of("k"), "batch", List.of(event("x", 1)))));
    }

    /** A value Camel would turn into text such as "{id=42}" or "Customer@1b6d3586", which Segment takes as an id. */
    static Stream<Arguments> textHeadersWithoutText() {
        Object pojo = new Object() {
        };
        return Stream.of(
                Arguments.of(SegmentConstants.USER_ID, Map.of("id", 42), "java.util.ImmutableCollections$Map1"),
                Arguments.of(SegmentConstants.USER_ID, List.of("u1"), "java.util.ImmutableCollections$List12"),
                Arguments.of(SegmentConstants.ANONYMOUS_ID, new String[] { "a1" }, "java.lang.String[]"),
                Arguments.of(SegmentConstants.USER_ID, JsonNodeFactory.instance.objectNode().put("id", 42),
                        "com.fasterxml.jackson.databind.node.ObjectNode"),
                Arguments.of(SegmentConstants.USER_ID, java.util.Optional.of("u1"), "java.util.Optional"),
                Arguments.of(SegmentConstants.MESSAGE_ID, pojo, pojo.getClass().getTypeName()),
                Arguments.of(SegmentConstants.WRITE_KEY, new int[] { 1 }, "int[]"));
    }

    @ParameterizedTest(name = "{0} = {2}")
    @MethodSource("textHeadersWithoutText")
    void aTextHeaderWithoutATextFormIsRefused(String header, Object value, String type) {
        for (String route : List.of("direct:direct", "direct:buffered")) {
            Exchange result = template.request(route, e -> {
                e.getMessage().setBody(Map.of("a", 1));
                e.getMessage().setHeader(header, value);
            });

            assertRejected(result, header, "must be text (a String, or a number, UUID or bytes Camel converts to "
                                            + "text), was a " + type);
        }
        assertEquals(0, all(wireMock).size(), "nothing sent");
    }

    /** A value whose toString() throws is refused saying so, by the class of what it threw, never its message. */
    @Test
    void aTextHeaderWhoseToStringThrowsIsRefusedSayingSo() {
        Object throwing = new Object() {
            @Override
            public String toString() {
                throw new IllegalStateException("lazy proxy closed: " + QUOTED);
            }
        };
        for (String route : List.of("direct:direct", "direct:buffered")) {
            Exchange result = template.request(route, e -> {
                e.getMessage().setBody(Map.of("a", 1));
                e.getMessage().setHeader(SegmentConstants.USER_ID, throwing);
            });

            assertRejected(result, SegmentConstants.USER_ID, "could not be converted to text: converting it threw "
                                                             + "java.lang.IllegalStateException");
            assertFalse(result.getException().getMessage().contains(QUOTED), result.getException().getMessage());
        }
        assertEquals(0, all(wireMock).size(), "nothing sent");
    }

    /** Scalars keep their text, as Camel converts them: a number, a UUID, the bytes of a Kafka header, a JSON string. */
    @Test
    void textHeadersOfOtherScalarTypesAreSentAsTheirText() {
        java.util.UUID uuid = new java.util.UUID(1, 2);
        Exchange result = template.request("direct:direct", e -> {
            e.getMessage().setBody(Map.of("a", 1));
            e.getMessage().setHeader(SegmentConstants.USER_ID, 4_242L);
            e.getMessage().setHeader(SegmentConstants.ANONYMOUS_ID, "anon-\u00e9".getBytes(
                    java.nio.charset.StandardCharsets.UTF_8));
            e.getMessage().setHeader(SegmentConstants.MESSAGE_ID, uuid);
            e.getMessage().setHeader(SegmentConstants.EVENT, JsonNodeFactory.instance.textNode("Signed Up"));
        });

        assertNull(result.getException());
        JsonNode sent = json(all(wireMock).get(0));
        assertEquals("4242", sent.path("userId").textValue());
        assertEquals("anon-\u00e9", sent.path("anonymousId").textValue());
        assertEquals(uuid.toString(), sent.path("messageId").textValue());
        assertEquals("Signed Up", sent.path("event").textValue());
    }

    @Test
    void aJsonStringOverJacksonsLengthLimitNamesTheLimit() {
        // 50 MB of text in one string: over Jackson's 20,000,000-character limit per string
        String body = "{\"type\":\"track\",\"userId\":\"u\",\"event\":\"E\",\"properties\":{\"a\":\""
                      + "x".repeat(50_000_000) + "\"}}";

        Exchange result = template.request("direct:direct", e -> e.getMessage().setBody(body));

        assertRejected(result, "body", "getMaxStringLength");
        assertEquals(0, all(wireMock).size(), "nothing sent");
    }

    /**
     * Fields of a JSON text body are named inside "body" when reading finds them (body.properties.a), by their place
     * in the message when writing does (properties.a); those of a Map body by their place in the message.
     */
    private static String singleField(Object body, String field) {
        return body instanceof String && field.isEmpty() ? "body" : field;
    }

    private static void assertNoError(Exchange result) {
        // An Error would have been thrown out of template.request, past onException.
        assertNotNull(result.getException(), "the exchange failed");
        assertEquals(Boolean.TRUE, result.getMessage().getHeader("seenByOnException"), "onException saw it");
    }

    private static void assertRejected(Exchange result, String field, String rule) {
        assertNoError(result);
        SegmentValidationException e
                = assertInstanceOf(SegmentValidationException.class, result.getException(), () -> String.valueOf(
                        result.getException()));
        assertTrue(e.getField().startsWith(field) || e.getField().startsWith("body." + field),
                () -> "field " + e.getField() + ", expected " + field);
        assertTrue(e.getRule().contains(rule), () -> "rule: " + e.getRule() + ", expected: " + rule);
        assertFalse(e.getMessage().contains("getter failed"), "the getter's own message is not repeated");
    }

    private static String toJson(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
