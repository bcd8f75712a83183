package io.camelsegment.benchmarks;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The workload: a deterministic stream of realistic track events ("Order Completed" and friends with an order in the
 * properties), about 360 bytes each as JSON. Event {@code i} is the same for every driver, so the sink sees the same
 * messageIds and nearly the same bytes from each.
 */
public final class TrackEvents {

    private static final String[] EVENTS = { "Order Completed", "Product Added", "Checkout Started",
            "Product Viewed" };
    private static final String[] PRODUCTS = { "Trail Running Shoe", "Merino Wool Socks", "Rain Jacket",
            "Insulated Bottle", "Headlamp 300lm" };
    private static final String[] CURRENCIES = { "EUR", "USD", "GBP" };
    private static final long ID_SEED = 0x5e6d_e47b_e7c4_a11eL;
    private static final long BASE_TIME_MILLIS = Instant.parse("2025-06-01T00:00:00Z").toEpochMilli();

    private TrackEvents() {
    }

    /**
     * What event {@code i}'s content (all but its messageId) is made from. A warm-up event (numbered from
     * {@link BenchSettings#WARMUP_FIRST_EVENT}) has the content of the measured event with its offset: warming up
     * then runs the very code paths the measured run takes. (With timestamps 30 years apart, the measured run met
     * another month than the warm-up, and the JIT recompiled the timestamp check in the middle of it.)
     */
    private static long content(long i) {
        return Math.floorMod(i, BenchSettings.WARMUP_FIRST_EVENT);
    }

    /** A unique, UUID-shaped messageId for event {@code i}. */
    public static String messageId(long i) {
        return new UUID(ID_SEED, i).toString();
    }

    public static String userId(long i) {
        return "user-" + (100_000 + content(i) % 50_000);
    }

    public static String event(long i) {
        return EVENTS[(int) (content(i) % EVENTS.length)];
    }

    public static Instant timestamp(long i) {
        return Instant.ofEpochMilli(BASE_TIME_MILLIS + content(i));
    }

    /**
     * {@link #timestamp} as ISO-8601 text with milliseconds, as a JSON body carries it. Built from the text of its
     * second, which consecutive events share, rather than with {@code Instant.toString()}: that formatter cost a
     * quarter of generating an event, on the feeding thread of the driver measured, and none of it is a driver's work
     * (analytics-java's driver hands over a Date, which its library formats).
     */
    public static String timestampText(long i) {
        long millis = BASE_TIME_MILLIS + content(i);
        long second = Math.floorDiv(millis, 1000);
        SecondText cached = lastSecond;
        if (cached.second() != second) {
            String text = Instant.ofEpochSecond(second).toString(); // yyyy-MM-ddTHH:mm:ssZ
            cached = new SecondText(second, text.substring(0, text.length() - 1));
            lastSecond = cached; // immutable: any thread may see any recent one, each is correct for its second
        }
        int ms = (int) Math.floorMod(millis, 1000);
        char[] fraction = { '.', (char) ('0' + ms / 100), (char) ('0' + ms / 10 % 10), (char) ('0' + ms % 10), 'Z' };
        return cached.text().concat(new String(fraction));
    }

    private record SecondText(long second, String text) {
    }

    private static SecondText lastSecond = new SecondText(Long.MIN_VALUE, "");

    public static Map<String, Object> properties(long event) {
        long i = content(event);
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("orderId", "ord-" + (7_000_000 + i));
        properties.put("revenue", 20 + (i % 9_000) / 100.0);
        properties.put("currency", CURRENCIES[(int) (i % CURRENCIES.length)]);
        properties.put("products", List.of(product(i), product(i + 1)));
        return properties;
    }

    private static Map<String, Object> product(long i) {
        Map<String, Object> product = new LinkedHashMap<>();
        product.put("sku", "SKU-" + (10_000 + i % 9_000));
        product.put("name", PRODUCTS[(int) (i % PRODUCTS.length)]);
        product.put("price", (999 + 100 * (i % 90)) / 100.0);
        product.put("quantity", 1 + i % 3);
        return product;
    }

    /** Event {@code i} as a Segment track message (what a route would hold as its body). */
    public static Map<String, Object> message(long i) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", "track");
        message.put("userId", userId(i));
        message.put("event", event(i));
        message.put("messageId", messageId(i));
        message.put("timestamp", timestampText(i));
        message.put("properties", properties(i));
        return message;
    }
}
