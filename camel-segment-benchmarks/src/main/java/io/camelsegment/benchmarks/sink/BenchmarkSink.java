package io.camelsegment.benchmarks.sink;

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

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.camelsegment.test.SegmentLimits;

/**
 * The benchmark's sink: a Segment-compatible Tracking API receiver on loopback, {@code POST /v1/{identify,track,page,
 * screen,group,alias,batch,import}} with Basic auth, enforcing Segment's limits ({@link SegmentLimits}: 400 beyond 32
 * KB per message or 500 KB per batch, as Segment does; 400 beyond 2500 events per batch too, which Segment accepts
 * and drops, so that a driver overshooting it fails loudly). It counts events, requests, bytes, event types and
 * duplicate messageIds, so a run can prove that nothing was lost or duplicated. Tests of routes use the test kit's
 * plain {@code SegmentReceiver}; this one is cheap enough to be the sink of the benchmark,
 * which shares the machine's cores with what it measures: each handler thread reads bodies into one buffer, checks
 * and reads them in one pass that builds nothing ({@link ParsedRequest}, {@link JsonScanner}; invalid JSON is a 400)
 * and keeps only messageIds, UUID-shaped ones as two longs ({@link MessageIdSet}).
 */
public final class BenchmarkSink implements AutoCloseable {

    public static final int MAX_MESSAGE_BYTES = SegmentLimits.MAX_MESSAGE_BYTES;
    public static final int MAX_BATCH_BYTES = SegmentLimits.MAX_BATCH_BYTES;
    public static final int MAX_BATCH_EVENTS = SegmentLimits.MAX_BATCH_EVENTS;

    private static final Set<String> SINGLE_PATHS = Set.of("identify", "track", "page", "screen", "group", "alias");
    private static final byte[] OK = "{\"success\":true}".getBytes(StandardCharsets.UTF_8);

    static {
        // The JDK server writes a response's headers and body separately; with Nagle's algorithm on, the body waits
        // for the client's delayed ACK (~40 ms), capping small requests at ~25/s per connection. Read once per JVM.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

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
    /** Guarded by itself. */
    private final MessageIdSet messageIds = new MessageIdSet();
    /** Per handler thread: a request is read and parsed by one thread, start to end. */
    private final ThreadLocal<byte[]> bodyBuffers = ThreadLocal.withInitial(() -> new byte[MAX_BATCH_BYTES]);
    private final ThreadLocal<ParsedRequest> parsedRequests =
            ThreadLocal.withInitial(() -> new ParsedRequest(MAX_BATCH_EVENTS));

    /**
     * Starts a receiver on 127.0.0.1.
     *
     * @param port     the port, 0 for any free one
     * @param writeKey the write key requests must authenticate with; null accepts any Basic auth
     * @param threads  request-handling threads
     */
    public BenchmarkSink(int port, String writeKey, int threads) throws IOException {
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
            byte[] body = bodyBuffers.get();
            long length = readBody(exchange.getRequestBody(), body);
            requests.increment();
            bytes.add(length);
            maxRequestBytes.accumulateAndGet(length, Math::max);
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
            if (length > (batch ? MAX_BATCH_BYTES : MAX_MESSAGE_BYTES)) {
                reject(exchange, 400, "Exceed payload limit");
                return;
            }
            ParsedRequest parsed = parsedRequests.get();
            try {
                if (batch) {
                    parsed.parseBatch(body, (int) length);
                } else {
                    parsed.parseSingle(body, (int) length, path);
                }
            } catch (IOException | RuntimeException e) {
                reject(exchange, 400, "Invalid JSON");
                return;
            }
            if (parsed.events() > MAX_BATCH_EVENTS) {
                reject(exchange, 400, "Too many events in batch");
                return;
            }
            record(parsed);
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

    /** Counts an accepted request; its ids go in under one lock for the whole request, not one per id. */
    private void record(ParsedRequest parsed) {
        events.add(parsed.events());
        parsed.typeCounts().forEach((type, count) ->
                eventsByType.computeIfAbsent(type, t -> new LongAdder()).add(count[0]));
        int duplicated;
        synchronized (messageIds) {
            duplicated = parsed.addIdsTo(messageIds);
        }
        duplicates.add(duplicated);
    }

    /**
     * Reads the body into the thread's buffer, which holds the largest body accepted, and returns its length: no
     * allocation or copy per request. The bytes of a larger body (to be refused) are counted, overwriting each other.
     */
    private static long readBody(InputStream in, byte[] buffer) throws IOException {
        try (in) {
            long length = in.readNBytes(buffer, 0, buffer.length);
            if (length == buffer.length) {
                for (int n; (n = in.read(buffer)) != -1;) {
                    length += n;
                }
            }
            return length;
        }
    }

    /** Events accepted (counting duplicates). */
    public long events() {
        return events.sum();
    }

    /** Distinct messageIds accepted. */
    public long distinctMessageIds() {
        synchronized (messageIds) {
            return messageIds.size();
        }
    }

    public boolean received(String messageId) {
        synchronized (messageIds) {
            return messageIds.contains(messageId);
        }
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
        synchronized (messageIds) {
            messageIds.clear();
        }
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
