package io.camelsegment.component.segment.tracking;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelsegment.component.segment.SegmentComponent;
import io.camelsegment.component.segment.SegmentConfiguration;
import io.camelsegment.component.segment.SegmentConstants;
import io.camelsegment.component.segment.SegmentOperation;
import io.camelsegment.component.segment.SegmentValidationException;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Every body form a route may hand over (Maps, JsonNodes, JSON text and bytes, POJOs, POJOs nested in Maps, nulls,
 * headers over them): it validates as expected, batches report every item once, derived messageIds follow the content,
 * and the caller's body is never modified. (The tree-free encoding was checked byte for byte against the former
 * tree-based factory when it replaced it; the exact wire bodies are pinned by the operation tests.)
 */
class TrackingMessageBodiesTest {

    private static final ObjectMapper MAPPER = new SegmentComponent().getObjectMapper();
    private static CamelContext context;

    /** A POJO body, and POJOs nested in Maps: the mapper writes them as beans. */
    public record Product(String sku, double price, int quantity, Instant added) {
    }

    public record TrackBean(String userId, String event, Map<String, Object> properties, String writeKey) {
    }

    /** A bean without equals/hashCode: its identity must not leak into derived messageIds. */
    public static class Address {
        public final String city;

        Address(String city) {
            this.city = city;
        }
    }

    public enum Plan {
        FREE, PRO
    }

    @BeforeAll
    static void startContext() {
        context = new DefaultCamelContext();
        context.start();
    }

    @AfterAll
    static void stopContext() {
        context.stop();
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static Map<String, Object> order() {
        Map<String, Object> properties = map("orderId", "ord-1", "revenue", 42.5, "currency", "EUR",
                "products", List.of(map("sku", "A", "price", 9.99, "quantity", 2L),
                        map("sku", "B", "price", 1.5f, "quantity", (short) 1)));
        properties.put("exact", new BigDecimal("12.30"));
        properties.put("huge", new BigInteger("123456789012345678901234567890"));
        properties.put("flags", new LinkedHashSet<>(List.of("a", "b")));
        properties.put("sparse", Arrays.asList(1, null, "three"));
        properties.put("numericKeys", Map.of(7, "seven"));
        properties.put("bean", new Product("C", 3.25, 4, Instant.parse("2026-01-02T03:04:05Z")));
        properties.put("when", new Date(0));
        properties.put("plan", Plan.PRO);
        properties.put("node", json("{\"x\":[1,{\"y\":null}]}"));
        properties.put("nothing", null);
        return properties;
    }

    static Stream<Arguments> singleMessages() {
        Consumer<Exchange> none = e -> {
        };
        return Stream.of(
                Arguments.of("benchmark-shaped map", "track", map("type", "track", "userId", "u1", "event", "Order "
                        + "Completed", "messageId", "m-1", "timestamp", "2025-06-01T00:00:00.001Z", "properties",
                        order()), none),
                Arguments.of("map, derived messageId and timestamp", "track",
                        map("userId", "u1", "event", "E", "properties", order()), none),
                Arguments.of("free-form map is the properties", "track", order(), (Consumer<Exchange>) e -> e
                        .getMessage().setHeader(SegmentConstants.USER_ID, "u1")),
                Arguments.of("free-form map is the traits", "identify", map("name", "Ada", "plan", Plan.FREE,
                        "age", 36), (Consumer<Exchange>) e -> e.getMessage().setHeader(SegmentConstants.USER_ID,
                                "u1")),
                Arguments.of("free-form map with non-string keys", "track", Map.of(1, "one"),
                        (Consumer<Exchange>) e -> e.getMessage().setHeader(SegmentConstants.ANONYMOUS_ID, "a1")),
                Arguments.of("JsonNode", "track", json("{\"userId\":\"u1\",\"event\":\"E\",\"properties\":{\"r\":1e20,"
                        + "\"n\":42,\"b\":true,\"z\":null},\"context\":{\"ip\":\"10.0.0.1\"},\"integrations\":"
                        + "{\"All\":false}}"), none),
                Arguments.of("JSON text with top-level scalars of every kind", "page", "{\"userId\":\"u1\","
                        + "\"name\":\"Home\",\"rank\":3,\"score\":2.5,\"big\":12345678901234567890,\"ok\":false,"
                        + "\"gone\":null,\"list\":[1,2],\"context\":{\"library\":{\"name\":\"mine\"}}}", none),
                Arguments.of("JSON bytes", "group", "{\"userId\":\"u1\",\"groupId\":\"g1\",\"traits\":{\"n\":1}}"
                        .getBytes(StandardCharsets.UTF_8), none),
                Arguments.of("POJO body", "track", new TrackBean("u1", "E", map("bean", new Product("P", 1, 1, null)),
                        "wk_pojo"), none),
                Arguments.of("POJO as a top-level field", "track", map("userId", "u1", "event", "E", "properties",
                        new Product("P", 2, 3, Instant.EPOCH)), none),
                Arguments.of("null fields are dropped, defaults fill them", "track", map("userId", null, "event",
                        null, "traits", null, "timestamp", null, "messageId", null, "extra", null,
                        "context", map("library", null)), none),
                Arguments.of("epoch millis timestamp (Long)", "track", map("userId", "u1", "event", "E",
                        "timestamp", 1_767_225_600_000L), none),
                Arguments.of("epoch millis timestamp (Integer)", "track", map("userId", "u1", "event", "E",
                        "timestamp", 86_400_000), none),
                Arguments.of("headers override body fields", "track", map("userId", "body-user", "event", "Body",
                        "properties", map("from", "body"), "context", map("ip", "1.1.1.1"), "messageId", "m-body"),
                        (Consumer<Exchange>) e -> {
                            e.getMessage().setHeader(SegmentConstants.USER_ID, "header-user");
                            e.getMessage().setHeader(SegmentConstants.EVENT, "Header");
                            e.getMessage().setHeader(SegmentConstants.PROPERTIES, "{\"from\":\"header\"}");
                            e.getMessage().setHeader(SegmentConstants.CONTEXT, json("{\"ip\":\"2.2.2.2\"}"));
                            e.getMessage().setHeader(SegmentConstants.INTEGRATIONS, map("All", true));
                            e.getMessage().setHeader(SegmentConstants.TIMESTAMP, Instant.parse("2026-01-31T12:00:00Z"));
                            e.getMessage().setHeader(SegmentConstants.MESSAGE_ID, "m-header");
                        }),
                Arguments.of("blank header object removes the body's", "track", map("userId", "u1", "event", "E",
                        "traits", map("a", 1)), (Consumer<Exchange>) e -> e.getMessage()
                                .setHeader(SegmentConstants.TRAITS, "  ")),
                Arguments.of("no body at all", "screen", null, (Consumer<Exchange>) e -> e.getMessage()
                        .setHeader(SegmentConstants.ANONYMOUS_ID, "a1")),
                Arguments.of("writeKey in the body", "alias", map("userId", "u1", "previousId", "p1", "writeKey",
                        "wk_body"), none),
                // validation errors must be the same
                Arguments.of("rejects userId a number", "track", map("userId", 123, "event", "E"), none),
                Arguments.of("null event takes the default", "track", map("userId", "u1", "event", null), none),
                Arguments.of("rejects groupId missing", "group", map("userId", "u1", "groupId", null), none),
                Arguments.of("rejects event blank", "track", map("userId", "u1", "event", " "), none),
                Arguments.of("rejects properties a list", "track", map("userId", "u1", "event", "E", "properties",
                        List.of(1)), none),
                Arguments.of("rejects traits header an array", "identify", map("userId", "u1"), (Consumer<Exchange>) e -> e
                        .getMessage().setHeader(SegmentConstants.TRAITS, "[1,2]")),
                Arguments.of("rejects context header broken JSON", "track", map("userId", "u1", "event", "E"),
                        (Consumer<Exchange>) e -> e.getMessage().setHeader(SegmentConstants.CONTEXT, "{broken")),
                Arguments.of("rejects messageId too long", "track", map("userId", "u1", "event", "E", "messageId",
                        "x".repeat(101)), none),
                Arguments.of("rejects timestamp a boolean", "track", map("userId", "u1", "event", "E", "timestamp", true),
                        none),
                Arguments.of("rejects timestamp not ISO", "track", map("userId", "u1", "event", "E", "timestamp",
                        "31/01/2026"), none),
                Arguments.of("rejects name a number (JSON)", "page", "{\"userId\":\"u1\",\"name\":1.5}", none),
                Arguments.of("rejects body an array", "track", "[1,2]", none),
                Arguments.of("rejects alias free-form", "alias", map("plan", "pro"), none),
                Arguments.of("rejects too big", "track", map("userId", "u1", "event", "E", "properties",
                        map("pad", "x".repeat(33_000))), none));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("singleMessages")
    void singleMessagesValidateAsNamedAndLeaveTheBodyAlone(String name, String operation, Object body,
                                                           Consumer<Exchange> headers) {
        SegmentConfiguration configuration = new SegmentConfiguration();
        configuration.setUserId("default-user");
        configuration.setEvent("Default Event");
        configuration.setName("Default Name");
        Exchange exchange = new DefaultExchange(context);
        exchange.getMessage().setBody(body);
        headers.accept(exchange);
        SegmentOperation op = SegmentOperation.valueOf(operation);
        String before = snapshot(body);

        String built = outcome(() -> {
            TrackingMessageFactory.Built b = new TrackingMessageFactory(MAPPER, configuration, "1.0").create(exchange,
                    op);
            return describe(b.event()) + " writeKey=" + b.bodyWriteKey();
        });

        assertEquals(before, snapshot(body), "the caller's body was modified");
        assertEquals(name.startsWith("rejects "), built.startsWith("invalid: "), built);
        if (!built.startsWith("invalid: ")) {
            JsonNode sent = readSent(built);
            assertEquals(operation, sent.get("type").asText(), built);
            if (!snapshot(body).contains("library")) { // a library given by the route is kept
                assertEquals("1.0", sent.at("/context/library/version").asText(), built);
            }
        }
    }

    static Stream<Arguments> batchBodies() {
        Map<String, Object> item = map("type", "track", "userId", "u1", "event", "Clicked");
        List<Object> items = new ArrayList<>(List.of(item, item,
                map("type", "identify", "userId", "u2", "traits", order(), "writeKey", "wk_item"),
                map("type", "track", "event", "E"), // no user: invalid, with its derived messageId
                map("type", null, "userId", "u1"), map("type", 5, "userId", "u1"),
                "{\"type\":\"page\",\"anonymousId\":\"a1\",\"context\":{\"ip\":\"3.3.3.3\"}}", "{broken", 42,
                json("{\"type\":\"group\",\"userId\":\"u1\",\"groupId\":\"g\",\"context\":null}"),
                map("type", "track", "userId", "u1", "event", "Ctx", "context", "not an object"),
                new TrackBean("u3", "Bean", map("p", new Product("Q", 1, 1, null)), "wk_bean")));
        return Stream.of(
                Arguments.of("list of items of every kind", items),
                Arguments.of("JSON array", "[{\"type\":\"track\",\"userId\":\"u1\",\"event\":\"A\"},\"{}\",7,"
                                           + "{\"type\":\"alias\",\"userId\":\"u1\",\"previousId\":\"p\"}]"),
                Arguments.of("envelope map", map("batch", items, "writeKey", "wk_envelope", "context",
                        map("ip", "9.9.9.9", "locale", "fr"), "integrations", map("All", false))),
                Arguments.of("envelope JSON", "{\"batch\":[{\"type\":\"track\",\"userId\":\"u1\",\"event\":\"A\","
                                              + "\"context\":{\"ip\":\"1.1.1.1\"}},\"{\\\"type\\\":\\\"track\\\"}\"],"
                                              + "\"context\":{\"ip\":\"9.9.9.9\",\"locale\":\"fr\"}}"),
                Arguments.of("envelope with a string context", map("batch", List.of(item), "context", "{}")),
                Arguments.of("envelope without batch", map("context", map())),
                Arguments.of("batch not an array", map("batch", "[]")),
                Arguments.of("empty list", List.of()),
                Arguments.of("no body", null));
    }

    /** Bodies a batch rejects as a whole; every other body yields one outcome per item. */
    private static final java.util.Set<String> REJECTED_BATCHES = java.util.Set.of("envelope without batch",
            "batch not an array", "empty list", "no body", "envelope with a string context");

    @ParameterizedTest(name = "{0}")
    @MethodSource("batchBodies")
    void batchesReportEveryItemAndLeaveTheBodyAlone(String name, Object body) {
        for (Object header : Arrays.asList(null, map("ip", "7.7.7.7", "page", map("path", "/")))) {
            Exchange exchange = new DefaultExchange(context);
            exchange.getMessage().setBody(body);
            exchange.getMessage().setHeader(SegmentConstants.CONTEXT, header);
            SegmentConfiguration configuration = new SegmentConfiguration();
            String before = snapshot(body);
            TrackingMessageFactory.BuiltBatch[] result = new TrackingMessageFactory.BuiltBatch[1];

            String built = outcome(() -> {
                result[0] = new TrackingMessageFactory(MAPPER, configuration, "1.0").createBatch(exchange);
                return "ok";
            });

            assertEquals(before, snapshot(body), "the caller's body was modified");
            // a CamelSegmentContext header takes the place of the envelope's (string, so invalid) context
            boolean rejected = REJECTED_BATCHES.contains(name)
                               && !(name.equals("envelope with a string context") && header != null);
            assertEquals(rejected, built.startsWith("invalid: "), built);
            if (result[0] != null) {
                java.util.Set<Integer> seen = new java.util.TreeSet<>(result[0].eventIndexes());
                result[0].invalid().forEach(f -> seen.add(f.index()));
                assertEquals(result[0].events().size() + result[0].invalid().size(), seen.size(),
                        "every item reported once: " + result[0]);
                assertEquals(seen.size() - 1, (int) ((java.util.TreeSet<Integer>) seen).last(),
                        "indexes 0..n-1: " + seen);
            }
        }
    }

    @Test
    void derivedMessageIdsFollowTheContent() throws Exception {
        TrackingMessageFactory factory = new TrackingMessageFactory(MAPPER, new SegmentConfiguration(), "1.0");
        Exchange exchange = new DefaultExchange(context);
        exchange.getMessage().setBody(map("userId", "u1", "event", "E", "properties", order()));
        String first = factory.create(exchange, SegmentOperation.track).event().messageId();

        assertEquals(first, factory.create(exchange, SegmentOperation.track).event().messageId());
        Map<String, Object> changed = order();
        changed.put("address", new Address("Lyon"));
        exchange.getMessage().setBody(map("userId", "u1", "event", "E", "properties", changed));
        String withAddress = factory.create(exchange, SegmentOperation.track).event().messageId();
        assertNotEquals(first, withAddress);
        changed.put("address", new Address("Lyon")); // an equal bean, another identity: same content
        assertEquals(withAddress, factory.create(exchange, SegmentOperation.track).event().messageId());
        changed.put("revenue", 42.6);
        assertNotEquals(first, factory.create(exchange, SegmentOperation.track).event().messageId());
    }

    @Test
    void contentHashIsTheTreeHash() throws Exception {
        Map<String, Object> message = map("userId", "u1", "properties", order(), "flag", true, "none", null,
                "ids", List.of(1L, 2.5, "x", false), "node", json("{\"a\":[true,null,1.5]}"),
                "numbers", List.of(1, 7L, -0.0, 3.25, Integer.MIN_VALUE, Long.MAX_VALUE, (short) 3, 2.5f,
                        new java.math.BigDecimal("1.50"), java.math.BigInteger.TEN, true));
        assertEquals(JsonBodies.toTree(MAPPER, message, "m").hashCode(), JsonValues.contentHash(MAPPER, message, ""));
    }

    private interface Build {
        String run() throws Exception;
    }

    private static String outcome(Build build) {
        try {
            return build.run();
        } catch (SegmentValidationException e) {
            return "invalid: " + e.getMessage();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String describe(EncodedEvent event) {
        return event.type() + " " + event.messageId() + " " + new String(event.json(), StandardCharsets.UTF_8);
    }

    private static String describe(List<EncodedEvent> events) {
        return events.stream().map(TrackingMessageBodiesTest::describe).toList().toString();
    }

    private static JsonNode readSent(String described) {
        try {
            return MAPPER.readTree(described.substring(described.indexOf('{'), described.lastIndexOf(" writeKey=")));
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + described, e);
        }
    }

    private static String snapshot(Object body) {
        try {
            return body instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8)
                    : MAPPER.writeValueAsString(body);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
