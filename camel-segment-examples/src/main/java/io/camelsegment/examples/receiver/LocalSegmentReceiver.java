package io.camelsegment.examples.receiver;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local, Segment-compatible Tracking API receiver on loopback: {@code POST /v1/{identify,track,page,screen,group,
 * alias,batch,import}} with Basic auth, enforcing Segment's size limits (32 KB per message, 500 KB per batch, 2500
 * events per batch: 400 beyond them, as Segment does). It counts events, requests, bytes, event types and duplicate
 * messageIds, so a run can prove that nothing was lost or duplicated. Fast enough to be the sink of the benchmark:
 * it streams each body once and keeps only messageIds.
 */
public final class LocalSegmentReceiver implements AutoCloseable {

    public static final int MAX_MESSAGE_BYTES = 32 * 1024;
    public static final int MAX_BATCH_BYTES = 500 * 1024;
    public static final int MAX_BATCH_EVENTS = 2500;

    private static final Set<String> SINGLE_PATHS = Set.of("identify", "track", "page", "screen", "group", "alias");
    private static final byte[] OK = "{\"success\":true}".getBytes(StandardCharsets.UTF_8);

    static {
        // The JDK server writes a response's headers and body separately; with Nagle's algorithm on, the body waits
        // for the client's delayed ACK (~40 ms), capping small requests at ~25/s per connection. Read once per JVM.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final JsonFactory jsonFactory = new JsonFactory();
    private final String expectedAuthorization;
    private final HttpServer server;
    private final ExecutorService executor;

    private final LongAdder requests = new LongAdder();
    private final LongAdder rejectedRequests = new LongAdder();
    private final LongAdder events = new LongAdder();
    private final LongAdder bytes = new LongAdder();
    private final LongAdder duplicates = new LongAdder();
    private final AtomicLong maxRequestBytes = new AtomicLong();
    private final Map<String, LongAdder> eventsByType = new ConcurrentHashMap<>();
    private final Set<String> messageIds = ConcurrentHashMap.newKeySet();

    /**
     * Starts a receiver on 127.0.0.1.
     *
     * @param port     the port, 0 for any free one
     * @param writeKey the write key requests must authenticate with; null accepts any Basic auth
     * @param threads  request-handling threads
     */
    public LocalSegmentReceiver(int port, String writeKey, int threads) throws IOException {
        this.expectedAuthorization = writeKey == null ? null
                : "Basic " + Base64.getEncoder().encodeToString((writeKey + ":").getBytes(StandardCharsets.UTF_8));
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 256);
        this.executor = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "local-segment-receiver");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/v1/", this::handle);
        server.start();
    }

    /** Base URL to give the component's trackingUrl option, e.g. {@code http://127.0.0.1:PORT/v1}. */
    public String trackingUrl() {
        return "http://127.0.0.1:" + port() + "/v1";
    }

    /** Base URL without /v1, as analytics-java's endpoint setting wants it. */
    public String hostUrl() {
        return "http://127.0.0.1:" + port();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = readAll(exchange.getRequestBody());
            requests.increment();
            bytes.add(body.length);
            maxRequestBytes.accumulateAndGet(body.length, Math::max);
            String path = exchange.getRequestURI().getPath().substring("/v1/".length());
            if (path.endsWith("/")) {
                path = path.substring(0, path.length() - 1);
            }
            if (!"POST".equals(exchange.getRequestMethod())) {
                reject(exchange, 405, "Method Not Allowed");
                return;
            }
            if (expectedAuthorization != null
                    && !expectedAuthorization.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                reject(exchange, 401, "Unauthorized");
                return;
            }
            boolean batch = "batch".equals(path) || "import".equals(path);
            if (!batch && !SINGLE_PATHS.contains(path)) {
                reject(exchange, 404, "Not Found");
                return;
            }
            if (body.length > (batch ? MAX_BATCH_BYTES : MAX_MESSAGE_BYTES)) {
                reject(exchange, 400, "Exceed payload limit");
                return;
            }
            Parsed parsed;
            try {
                parsed = batch ? parseBatch(body) : parseSingle(body, path);
            } catch (IOException | RuntimeException e) {
                reject(exchange, 400, "Invalid JSON");
                return;
            }
            if (parsed.count > MAX_BATCH_EVENTS) {
                reject(exchange, 400, "Too many events in batch");
                return;
            }
            parsed.record();
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, OK.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(OK);
            }
        }
    }

    private void reject(HttpExchange exchange, int status, String text) throws IOException {
        rejectedRequests.increment();
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** What one request carried; recorded only when the whole request is accepted. */
    private final class Parsed {
        final String[] ids = new String[16];
        String[] allIds = ids;
        final String[] types = new String[16];
        String[] allTypes = types;
        int count;

        void add(String type, String messageId) {
            if (count == allIds.length) {
                allIds = java.util.Arrays.copyOf(allIds, count * 2);
                allTypes = java.util.Arrays.copyOf(allTypes, count * 2);
            }
            allIds[count] = messageId;
            allTypes[count] = type;
            count++;
        }

        void record() {
            for (int i = 0; i < count; i++) {
                events.increment();
                eventsByType.computeIfAbsent(String.valueOf(allTypes[i]), t -> new LongAdder()).increment();
                if (allIds[i] != null && !messageIds.add(allIds[i])) {
                    duplicates.increment();
                }
            }
        }
    }

    private Parsed parseSingle(byte[] body, String path) throws IOException {
        Parsed parsed = new Parsed();
        try (JsonParser p = jsonFactory.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not an object");
            }
            String[] idAndType = readMessage(p);
            parsed.add(path, idAndType[0]);
        }
        return parsed;
    }

    private Parsed parseBatch(byte[] body) throws IOException {
        Parsed parsed = new Parsed();
        try (JsonParser p = jsonFactory.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not an object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if ("batch".equals(field) && value == JsonToken.START_ARRAY) {
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        String[] idAndType = readMessage(p);
                        parsed.add(idAndType[1], idAndType[0]);
                    }
                } else {
                    p.skipChildren();
                }
            }
        }
        return parsed;
    }

    /** Reads one message object (parser on its START_OBJECT); returns {messageId, type}. */
    private static String[] readMessage(JsonParser p) throws IOException {
        String messageId = null;
        String type = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            if ("messageId".equals(field) && value == JsonToken.VALUE_STRING) {
                messageId = p.getText();
            } else if ("type".equals(field) && value == JsonToken.VALUE_STRING) {
                type = p.getText();
            } else {
                p.skipChildren();
            }
        }
        return new String[] { messageId, type };
    }

    private static byte[] readAll(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }

    /** Events accepted (counting duplicates). */
    public long events() {
        return events.sum();
    }

    /** Distinct messageIds accepted. */
    public long distinctMessageIds() {
        return messageIds.size();
    }

    public boolean received(String messageId) {
        return messageIds.contains(messageId);
    }

    public long duplicates() {
        return duplicates.sum();
    }

    public long requests() {
        return requests.sum();
    }

    public long rejectedRequests() {
        return rejectedRequests.sum();
    }

    public long bytes() {
        return bytes.sum();
    }

    public long maxRequestBytes() {
        return maxRequestBytes.get();
    }

    public Map<String, Long> eventsByType() {
        Map<String, Long> copy = new java.util.TreeMap<>();
        eventsByType.forEach((k, v) -> copy.put(k, v.sum()));
        return copy;
    }

    /** Forgets everything counted so far. */
    public void reset() {
        requests.reset();
        rejectedRequests.reset();
        events.reset();
        bytes.reset();
        duplicates.reset();
        maxRequestBytes.set(0);
        eventsByType.clear();
        messageIds.clear();
    }

    /** One line for logs and consoles. */
    public String summary() {
        return "events=" + events() + " distinct=" + distinctMessageIds() + " duplicates=" + duplicates() + " requests="
               + requests() + " rejected=" + rejectedRequests() + " bytes=" + bytes() + " byType=" + eventsByType();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
