package io.camelsegment.examples.data;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Writes the example's sample input, {@code src/main/data/events.jsonl}: a month of browsing and buying on a fictional
 * web shop, as Segment identify, track and page messages, one JSON object per line, sorted by timestamp. Deterministic
 * (fixed seed), so the committed file can be checked against it ({@code SampleEventsFileTest}).
 * <p>
 * Regenerate: run {@code SampleEventsFileTest} with {@code -Dsample.regenerate=true}, from the repository root
 * {@code mvn -B verify -pl camel-segment-examples -am -Dtest=SampleEventsFileTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dsample.regenerate=true}, or run {@link #main} with the examples module as
 * working directory.
 * <p>
 * Names, companies and addresses are invented: e-mail domains use the reserved {@code .example} TLD, IP addresses the
 * documentation ranges (RFC 5737).
 */
public final class SampleEventsGenerator {

    public static final Path DEFAULT_OUTPUT = Path.of("src/main/data/events.jsonl");

    private static final long SEED = 20250301L;
    private static final int CUSTOMERS = 70;
    private static final int ANONYMOUS_VISITORS = 40;
    private static final Instant MONTH_START = Instant.parse("2025-03-01T00:00:00Z");
    private static final String SHOP = "https://shop.example.com";

    private static final String[] FIRST_NAMES = { "Ava", "Liam", "Noah", "Emma", "Olivia", "Lucas", "Mia", "Ethan",
        "Sofia", "Mateo", "Chloe", "Arjun", "Hana", "Yusuf", "Elena", "Jonas", "Priya", "Kenji", "Amara", "Leo",
        "Nora", "Omar", "Ines", "Felix", "Zara", "Diego", "Freya", "Tomas", "Aisha", "Hugo" };
    private static final String[] LAST_NAMES = { "Garcia", "Nguyen", "Smith", "Müller", "Rossi", "Kowalski",
        "Okafor", "Tanaka", "Silva", "Haddad", "Johansson", "Dubois", "Patel", "Kim", "Novak", "Moreau", "Costa",
        "Schmidt", "Lopez", "Walker" };
    private static final String[][] COMPANIES = { { "Northwind Traders", "Retail", "120" },
        { "Bluefin Analytics", "Software", "45" }, { "Cedar & Pine Studio", "Design", "12" },
        { "Helios Logistics", "Logistics", "800" }, { "Quill Publishing", "Media", "60" },
        { "Granite Health", "Healthcare", "2300" }, { "Lumen Robotics", "Manufacturing", "310" },
        { "Tidewater Foods", "Food & Beverage", "95" }, { "Orbit Travel", "Travel", "40" },
        { "Kestrel Finance", "Financial Services", "1500" } };
    private static final String[][] CITIES = { { "Austin", "US" }, { "Denver", "US" }, { "Leeds", "GB" },
        { "Munich", "DE" }, { "Lyon", "FR" }, { "Valencia", "ES" }, { "Osaka", "JP" } };
    private static final String[] PLANS = { "free", "free", "starter", "starter", "pro", "enterprise" };
    private static final String[][] PRODUCTS = {
        { "P-1001", "Trail Running Shoes", "Footwear", "Summit", "129.00" },
        { "P-1002", "Waterproof Hiking Boots", "Footwear", "Summit", "189.00" },
        { "P-1003", "Merino Wool Socks (3-pack)", "Accessories", "Woolly", "24.50" },
        { "P-1004", "Ultralight Rain Jacket", "Outerwear", "Cirrus", "149.00" },
        { "P-1005", "Insulated Down Vest", "Outerwear", "Cirrus", "119.00" },
        { "P-1006", "30L Daypack", "Bags", "Ridgeline", "89.95" },
        { "P-1007", "Trekking Poles (pair)", "Gear", "Ridgeline", "64.00" },
        { "P-1008", "Insulated Water Bottle 750ml", "Gear", "Hydra", "32.00" },
        { "P-1009", "Headlamp 400 lm", "Gear", "Beacon", "44.90" },
        { "P-1010", "Quick-Dry Hiking Shorts", "Apparel", "Summit", "54.00" },
        { "P-1011", "Base Layer Long Sleeve", "Apparel", "Woolly", "69.00" },
        { "P-1012", "Two-Person Tent", "Camping", "Basecamp", "299.00" },
        { "P-1013", "Sleeping Bag -5°C", "Camping", "Basecamp", "179.00" },
        { "P-1014", "Camp Stove", "Camping", "Basecamp", "79.00" },
        { "P-1015", "Sun Hat", "Accessories", "Cirrus", "29.00" },
        { "P-1016", "Polarized Sunglasses", "Accessories", "Beacon", "99.00" } };
    private static final String[] SEARCHES = { "rain jacket", "tent", "hiking boots", "socks", "headlamp",
        "sleeping bag", "daypack", "trail shoes" };
    private static final String[] USER_AGENTS = {
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/133.0.0.0 Safari/537.36",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_3) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.3 Safari/605.1.15",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 18_3 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.3 Mobile/15E148 Safari/604.1",
        "Mozilla/5.0 (Linux; Android 15; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/133.0.0.0 Mobile Safari/537.36",
        "Mozilla/5.0 (X11; Linux x86_64; rv:135.0) Gecko/20100101 Firefox/135.0" };
    private static final String[] LOCALES = { "en-US", "en-GB", "de-DE", "fr-FR", "es-ES", "ja-JP" };
    private static final String[] TIMEZONES = { "America/New_York", "Europe/London", "Europe/Berlin", "Europe/Paris",
        "Europe/Madrid", "Asia/Tokyo" };
    private static final String[] REFERRERS = { "https://www.google.com/", "https://duckduckgo.com/",
        "https://news.example.org/best-gear-2025", "", "" };
    private static final String[] CAMPAIGNS = { "spring_sale", "newsletter_march", "retargeting" };

    private final Random random = new Random(SEED);
    private final List<Map<String, Object>> events = new ArrayList<>();
    private int messageCounter;
    private int orderCounter;

    private SampleEventsGenerator() {
    }

    public static void main(String[] args) throws IOException {
        Path output = args.length > 0 ? Path.of(args[0]) : DEFAULT_OUTPUT;
        Files.createDirectories(output.toAbsolutePath().getParent());
        try (Writer out = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
            out.write(generate());
        }
        System.out.println("Wrote " + output.toAbsolutePath());
    }

    /** The whole file: one event per line, each line ending with a newline. */
    public static String generate() throws IOException {
        SampleEventsGenerator generator = new SampleEventsGenerator();
        generator.generateAll();
        ObjectMapper mapper = new ObjectMapper();
        StringBuilder text = new StringBuilder();
        for (Map<String, Object> event : generator.events) {
            text.append(mapper.writeValueAsString(event)).append('\n');
        }
        return text.toString();
    }

    private void generateAll() {
        for (int i = 1; i <= CUSTOMERS; i++) {
            customer(i);
        }
        for (int i = 1; i <= ANONYMOUS_VISITORS; i++) {
            Visitor visitor = new Visitor(null, device());
            browse(visitor, randomTime(), 1 + random.nextInt(3), false);
        }
        events.sort(Comparator.comparing((Map<String, Object> e) -> (String) e.get("timestamp"))
                .thenComparing(e -> (String) e.get("messageId")));
    }

    /** A shopper who signs up on the first visit and comes back a few times. */
    private void customer(int number) {
        String userId = String.format(Locale.ROOT, "user-%05d", 40000 + number);
        Visitor visitor = new Visitor(null, device());
        Instant time = randomTime();
        time = browse(visitor, time, 1 + random.nextInt(3), false);
        visitor.userId = userId;
        Map<String, Object> traits = traits(number);
        time = time.plusSeconds(20 + random.nextInt(90));
        emit(identify(visitor, time, traits));
        emit(track(visitor, time.plusMillis(350), "Signed Up", props("plan", traits.get("plan"), "method",
                pick("email", "google", "apple"))));
        time = browse(visitor, time.plusSeconds(30), 1 + random.nextInt(4), true);
        int returns = random.nextInt(4);
        for (int r = 0; r < returns; r++) {
            time = time.plus(1 + random.nextInt(6), ChronoUnit.DAYS).plusSeconds(random.nextInt(36000));
            if (random.nextInt(3) == 0) {
                visitor = new Visitor(userId, device()); // another device: a new anonymousId
            }
            if (random.nextInt(2) == 0) {
                emit(identify(visitor, time, props("email", traits.get("email"), "plan", traits.get("plan"))));
            }
            time = browse(visitor, time.plusSeconds(5), 2 + random.nextInt(5), true);
        }
    }

    /** One session: pages and product interest, sometimes a purchase. Returns the time after it. */
    private Instant browse(Visitor visitor, Instant time, int productViews, boolean mayBuy) {
        String campaign = random.nextInt(4) == 0 ? pick(CAMPAIGNS) : null;
        emit(page(visitor, time, "Home", null, "/", "Trailhead Outfitters | Outdoor gear", campaign));
        List<String[]> cart = new ArrayList<>();
        String cartId = UUID.nameUUIDFromBytes(("cart-" + visitor.anonymousId + time).getBytes(StandardCharsets.UTF_8))
                .toString();
        for (int v = 0; v < productViews; v++) {
            time = time.plusSeconds(15 + random.nextInt(120));
            if (random.nextInt(4) == 0) {
                String query = pick(SEARCHES);
                emit(page(visitor, time, "Search", "Search", "/search?q=" + query.replace(' ', '+'),
                        "Search results for \"" + query + "\"", null));
                emit(track(visitor, time.plusMillis(120), "Products Searched", props("query", query)));
                time = time.plusSeconds(5 + random.nextInt(20));
            }
            String[] product = PRODUCTS[random.nextInt(PRODUCTS.length)];
            emit(page(visitor, time, "Product", product[2], productPath(product), product[1] + " | Trailhead Outfitters",
                    null));
            emit(track(visitor, time.plusMillis(200), "Product Viewed", product(product, null)));
            if (random.nextInt(3) == 0) {
                time = time.plusSeconds(10 + random.nextInt(60));
                int quantity = 1 + (random.nextInt(5) == 0 ? 1 : 0);
                Map<String, Object> added = product(product, quantity);
                added.put("cart_id", cartId);
                emit(track(visitor, time, "Product Added", added));
                cart.add(new String[] { product[0], product[1], product[2], product[3], product[4],
                    String.valueOf(quantity) });
            }
        }
        if (!cart.isEmpty() && (mayBuy || visitor.userId != null) && random.nextInt(5) < 3) {
            time = checkout(visitor, time.plusSeconds(30 + random.nextInt(90)), cartId, cart);
        }
        return time.plusSeconds(60);
    }

    private Instant checkout(Visitor visitor, Instant time, String cartId, List<String[]> cart) {
        String orderId = String.format(Locale.ROOT, "ORD-%06d", 250000 + ++orderCounter);
        List<Map<String, Object>> products = new ArrayList<>();
        double subtotal = 0;
        for (String[] item : cart) {
            Map<String, Object> line = product(item, Integer.parseInt(item[5]));
            products.add(line);
            subtotal += Double.parseDouble(item[4]) * Integer.parseInt(item[5]);
        }
        emit(page(visitor, time, "Cart", "Checkout", "/cart", "Your cart | Trailhead Outfitters", null));
        emit(track(visitor, time.plusMillis(150), "Cart Viewed", props("cart_id", cartId, "products", products)));
        time = time.plusSeconds(20 + random.nextInt(60));
        double shipping = subtotal >= 100 ? 0 : 6.95;
        double tax = round(subtotal * 0.08);
        Map<String, Object> order = props("order_id", orderId, "value", round(subtotal), "revenue", round(subtotal),
                "shipping", shipping, "tax", tax, "currency", "USD", "products", products);
        emit(page(visitor, time, "Checkout", "Checkout", "/checkout", "Checkout | Trailhead Outfitters", null));
        emit(track(visitor, time.plusMillis(180), "Checkout Started", order));
        if (random.nextInt(6) == 0) {
            return time.plusSeconds(40); // abandoned checkout
        }
        time = time.plusSeconds(60 + random.nextInt(180));
        Map<String, Object> completed = new LinkedHashMap<>(order);
        completed.put("checkout_id", "CHK-" + orderId.substring(4));
        completed.put("total", round(subtotal + shipping + tax));
        if (random.nextInt(4) == 0) {
            completed.put("coupon", "SPRING10");
            completed.put("discount", round(subtotal * 0.10));
        }
        completed.put("payment_method", pick("card", "card", "paypal", "apple_pay"));
        emit(page(visitor, time, "Order Confirmation", "Checkout", "/checkout/confirmation",
                "Thank you for your order | Trailhead Outfitters", null));
        emit(track(visitor, time.plusMillis(220), "Order Completed", completed));
        return time;
    }

    private void emit(Map<String, Object> event) {
        events.add(event);
    }

    private Map<String, Object> traits(int number) {
        String first = FIRST_NAMES[random.nextInt(FIRST_NAMES.length)];
        String last = LAST_NAMES[random.nextInt(LAST_NAMES.length)];
        String[] company = COMPANIES[random.nextInt(COMPANIES.length)];
        String domain = company[0].toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", "") + ".example";
        String email = ascii(first + "." + last).toLowerCase(Locale.ROOT) + number + "@" + domain;
        String[] city = CITIES[random.nextInt(CITIES.length)];
        Map<String, Object> address = props("city", city[0], "country", city[1]);
        return props("email", email, "firstName", first, "lastName", last, "name", first + " " + last, "plan",
                pick(PLANS), "company", props("name", company[0], "industry", company[1], "employee_count",
                        Integer.parseInt(company[2])), "address", address, "newsletter", random.nextBoolean());
    }

    private Map<String, Object> identify(Visitor visitor, Instant time, Map<String, Object> traits) {
        Map<String, Object> event = base("identify", visitor, time);
        event.put("traits", new LinkedHashMap<>(traits));
        event.put("context", visitor.context(null));
        return event;
    }

    private Map<String, Object> track(Visitor visitor, Instant time, String name, Map<String, Object> properties) {
        Map<String, Object> event = base("track", visitor, time);
        event.put("event", name);
        event.put("properties", properties);
        event.put("context", visitor.context(null));
        return event;
    }

    private Map<String, Object> page(Visitor visitor, Instant time, String name, String category, String path,
                                     String title, String campaign) {
        Map<String, Object> event = base("page", visitor, time);
        event.put("name", name);
        if (category != null) {
            event.put("category", category);
        }
        String referrer = pick(REFERRERS);
        Map<String, Object> page = props("path", path.contains("?") ? path.substring(0, path.indexOf('?')) : path,
                "referrer", referrer, "search", path.contains("?") ? path.substring(path.indexOf('?')) : "",
                "title", title, "url", SHOP + path);
        event.put("properties", new LinkedHashMap<>(page));
        Map<String, Object> context = visitor.context(page);
        if (campaign != null) {
            context.put("campaign", props("name", campaign, "source", "newsletter", "medium", "email"));
        }
        event.put("context", context);
        return event;
    }

    private Map<String, Object> base(String type, Visitor visitor, Instant time) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", type);
        event.put("messageId", UUID.nameUUIDFromBytes(("sample-" + SEED + "-" + ++messageCounter)
                .getBytes(StandardCharsets.UTF_8)).toString());
        if (visitor.userId != null) {
            event.put("userId", visitor.userId);
        }
        event.put("anonymousId", visitor.anonymousId);
        event.put("timestamp", time.truncatedTo(ChronoUnit.MILLIS).toString());
        return event;
    }

    private Map<String, Object> product(String[] product, Integer quantity) {
        Map<String, Object> properties = props("product_id", product[0], "sku", product[0] + "-" + product[3]
                .substring(0, 3).toUpperCase(Locale.ROOT), "name", product[1], "category", product[2], "brand",
                product[3], "price", Double.parseDouble(product[4]), "currency", "USD", "url", SHOP
                                                                                            + productPath(product));
        if (quantity != null) {
            properties.put("quantity", quantity);
        }
        return properties;
    }

    private static String productPath(String[] product) {
        return "/products/" + ascii(product[1]).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("-$", "");
    }

    private Device device() {
        return new Device(UUID.nameUUIDFromBytes(("device-" + random.nextLong()).getBytes(StandardCharsets.UTF_8))
                .toString(), pick(USER_AGENTS), pick("192.0.2.", "198.51.100.", "203.0.113.") + (1 + random.nextInt(
                        254)), random.nextInt(LOCALES.length));
    }

    private Instant randomTime() {
        return MONTH_START.plusSeconds(random.nextInt(28 * 24 * 3600)).plusMillis(random.nextInt(1000));
    }

    private String pick(String... values) {
        return values[random.nextInt(values.length)];
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private static String ascii(String text) {
        return java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD).replaceAll("[^\\p{ASCII}]", "");
    }

    /** An insertion-ordered map from alternating keys and values. */
    private static Map<String, Object> props(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private record Device(String anonymousId, String userAgent, String ip, int locale) {
    }

    /** Someone on one device: a stable anonymousId, and a userId once known. */
    private static final class Visitor {
        String userId;
        final String anonymousId;
        final Device device;

        Visitor(String userId, Device device) {
            this.userId = userId;
            this.device = device;
            this.anonymousId = device.anonymousId();
        }

        Map<String, Object> context(Map<String, Object> page) {
            Map<String, Object> context = props("ip", device.ip(), "userAgent", device.userAgent(), "locale",
                    LOCALES[device.locale()], "timezone", TIMEZONES[device.locale()]);
            if (page != null) {
                context.put("page", page);
            }
            return context;
        }
    }
}
