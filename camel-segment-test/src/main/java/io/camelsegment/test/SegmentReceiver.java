package io.camelsegment.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.camelsegment.component.segment.SegmentComponent;
import org.apache.camel.CamelContext;

/**
 * A Segment-compatible Tracking API receiver, in-process on 127.0.0.1, for tests of routes that send to Segment.
 * <p>
 * It accepts {@code POST /v1/{identify,track,page,screen,group,alias,batch}}, checks the write key (HTTP Basic, or
 * {@code writeKey} in the body, as Segment accepts both) and Segment's limits (see {@link SegmentLimits}), keeps
 * every message it accepted and every request it answered, and can be scripted to fail: {@link #failNext},
 * {@link #resetNext}, {@link #recordThenFailNext}, {@link #delayNext}. Answers: 200 {@code {"success":true}}; 400 for
 * invalid JSON or a body over the limits; 401 for a missing or wrong write key; 404 for another path; 405 for another
 * method.
 */
public final class SegmentReceiver implements AutoCloseable {

    private static final Set<String> PATHS = Set.of("identify", "track", "page", "screen", "group", "alias", "batch");
    private static final byte[] OK = "{\"success\":true}".getBytes(StandardCharsets.UTF_8);

    static {
        // The JDK server writes a response's headers and body separately; with Nagle's algorithm on, the body waits
        // for the client's delayed ACK (~40 ms) on every kept-alive request. Read once per JVM.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final String writeKey;
    private final boolean anyWriteKey;
    private final HttpServer server;
    private final ExecutorService executor;
    private final TrackingRequestReader reader = new TrackingRequestReader(new ObjectMapper());

    /** Guarded by this; waiters are notified on every change. */
    private final List<ReceivedMessage> messages = new ArrayList<>();
    private final List<ReceivedRequest> requests = new ArrayList<>();
    private final Queue<ScriptedFault> faults = new ConcurrentLinkedQueue<>();

    private SegmentReceiver(String writeKey, boolean anyWriteKey) throws IOException {
        this.writeKey = writeKey;
        this.anyWriteKey = anyWriteKey;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "segment-receiver");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts a receiver on a free port of 127.0.0.1 that accepts any non-blank write key. */
    public static SegmentReceiver start() {
        return start("test-write-key-" + UUID.randomUUID(), true);
    }

    /** Starts a receiver on a free port of 127.0.0.1 that accepts only this write key (others get 401). */
    public static SegmentReceiver start(String writeKey) {
        if (writeKey == null || writeKey.isBlank()) {
            throw new IllegalArgumentException("writeKey must not be blank");
        }
        return start(writeKey, false);
    }

    private static SegmentReceiver start(String writeKey, boolean anyWriteKey) {
        try {
            return new SegmentReceiver(writeKey, anyWriteKey);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start the Segment receiver on 127.0.0.1", e);
        }
    }

    /** {@code http://127.0.0.1:PORT/v1}: the component's {@code trackingUrl} option. */
    public String trackingUrl() {
        return "http://127.0.0.1:" + port() + "/v1";
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The write key it accepts (with {@link #start()}, a generated one; any other non-blank key works too). */
    public String writeKey() {
        return writeKey;
    }

    /**
     * Points the context's {@code segment} component at this receiver: its {@code trackingUrl} and {@code writeKey}.
     * Call it before routes start (endpoints copy the component's settings when created), e.g. in
     * {@code CamelTestSupport.createCamelContext()}.
     */
    public void configure(CamelContext context) {
        SegmentComponent component = context.getComponent("segment", SegmentComponent.class);
        component.getConfiguration().setTrackingUrl(trackingUrl());
        component.getConfiguration().setWriteKey(writeKey);
    }

    /**
     * The same settings as {@code camel.component.segment.*} properties, for Camel Main, Spring Boot or Quarkus:
     * {@code tracking-url} and {@code write-key}.
     */
    public Map<String, String> camelProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("camel.component.segment.tracking-url", trackingUrl());
        properties.put("camel.component.segment.write-key", writeKey);
        return properties;
    }

    // ---- fault scripting: each request takes the next scripted fault, in arrival order

    /**
     * The next {@code times} requests are answered {@code status}; their messages are not recorded, the requests are
     * (in {@link #requests()}, with that status).
     */
    public SegmentReceiver failNext(int times, int status) {
        return failNext(times, status, null);
    }

    /** As {@link #failNext(int, int)}, with a {@code Retry-After} header in whole seconds (e.g. a 429). */
    public SegmentReceiver failNext(int times, int status, Duration retryAfter) {
        return script(times, ScriptedFault.respond(status, retryAfter));
    }

    /**
     * The next {@code times} requests get their connection closed without an answer; their messages are not recorded,
     * the requests are (in {@link #requests()}, with status 0).
     */
    public SegmentReceiver resetNext(int times) {
        return script(times, ScriptedFault.reset());
    }

    /**
     * The next {@code times} requests are handled as usual (their messages are recorded) but answered {@code status}
     * instead of 200: Segment got the events, the client believes it did not (a retry then sends duplicates).
     */
    public SegmentReceiver recordThenFailNext(int times, int status) {
        return script(times, ScriptedFault.recordThenRespond(status));
    }

    /** The next {@code times} requests are answered as usual, after {@code delay}. */
    public SegmentReceiver delayNext(int times, Duration delay) {
        return script(times, ScriptedFault.delay(delay));
    }

    private SegmentReceiver script(int times, ScriptedFault fault) {
        for (int i = 0; i < times; i++) {
            faults.add(fault);
        }
        return this;
    }

    // ---- what arrived

    /** Every message accepted so far, in arrival order. */
    public synchronized List<ReceivedMessage> messages() {
        return List.copyOf(messages);
    }

    /** Messages of one type: identify, track, page, screen, group or alias. */
    public List<ReceivedMessage> messages(String type) {
        return messagesMatching(m -> type.equals(m.type()));
    }

    /** Track events with this event name. */
    public List<ReceivedMessage> tracks(String event) {
        return messagesMatching(m -> "track".equals(m.type()) && event.equals(m.event()));
    }

    /** Messages with this userId. */
    public List<ReceivedMessage> messagesOf(String userId) {
        return messagesMatching(m -> userId.equals(m.userId()));
    }

    public List<ReceivedMessage> messagesMatching(Predicate<ReceivedMessage> condition) {
        return messages().stream().filter(condition).toList();
    }

    /** The message with this messageId (the first, if it came more than once). */
    public Optional<ReceivedMessage> message(String messageId) {
        return messages().stream().filter(m -> messageId.equals(m.messageId())).findFirst();
    }

    /** Message counts by type, e.g. {@code {identify=2, track=5}}. */
    public Map<String, Long> messageCountsByType() {
        return messages().stream().collect(Collectors.groupingBy(ReceivedMessage::type, TreeMap::new,
                Collectors.counting()));
    }

    /** The messageIds that arrived more than once, with how many times. */
    public Map<String, Integer> duplicateMessageIds() {
        Map<String, Integer> counts = new HashMap<>();
        for (ReceivedMessage message : messages()) {
            if (message.messageId() != null) {
                counts.merge(message.messageId(), 1, Integer::sum);
            }
        }
        counts.values().removeIf(count -> count == 1);
        return new TreeMap<>(counts);
    }

    /** Every request answered so far (accepted, refused, faulted), in the order they were answered. */
    public synchronized List<ReceivedRequest> requests() {
        return List.copyOf(requests);
    }

    // ---- assertions

    /** Waits until at least {@code count} messages arrived and returns all of them; else an AssertionError. */
    public List<ReceivedMessage> awaitMessages(int count, Duration timeout) {
        return awaitMessages(count, m -> true, timeout, count + " messages");
    }

    /** Waits until at least {@code count} track events with this name arrived and returns them. */
    public List<ReceivedMessage> awaitTracks(String event, int count, Duration timeout) {
        return awaitMessages(count, m -> "track".equals(m.type()) && event.equals(m.event()), timeout,
                count + " track events '" + event + "'");
    }

    /** Waits until at least {@code count} messages meet the condition and returns those that do. */
    public List<ReceivedMessage> awaitMessages(int count, Predicate<ReceivedMessage> condition, Duration timeout,
                                               String description) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (this) {
            while (true) {
                List<ReceivedMessage> matching = messages.stream().filter(condition).toList();
                long left = deadline - System.nanoTime();
                if (matching.size() >= count) {
                    return matching;
                }
                if (left <= 0) {
                    throw new AssertionError("Expected " + description + " within " + timeout + ", got "
                                             + matching.size() + "; " + summary());
                }
                waitNanos(left);
            }
        }
    }

    /** Waits until at least {@code count} requests were answered and returns all of them. */
    public synchronized List<ReceivedRequest> awaitRequests(int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (requests.size() < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("Expected " + count + " requests within " + timeout + ", got "
                                         + requests.size() + "; " + summary());
            }
            waitNanos(left);
        }
        return List.copyOf(requests);
    }

    /** Fails when a messageId arrived more than once. */
    public void assertNoDuplicateMessageIds() {
        Map<String, Integer> duplicates = duplicateMessageIds();
        if (!duplicates.isEmpty()) {
            throw new AssertionError("messageIds received more than once (id=times): " + duplicates);
        }
    }

    /** Fails when a request was refused (4xx/5xx), faulted, or had events dropped. */
    public void assertAllRequestsAccepted() {
        List<ReceivedRequest> refused = requests().stream().filter(r -> !r.accepted()).toList();
        if (!refused.isEmpty()) {
            throw new AssertionError("Requests not accepted: " + refused.stream()
                    .map(r -> "/v1/" + r.path() + " " + r.status() + " " + r.reason()).toList());
        }
    }

    /** One line: messages by type, distinct and duplicate messageIds, requests and their statuses. */
    public String summary() {
        List<ReceivedMessage> received = messages();
        List<ReceivedRequest> answered = requests();
        long distinct = received.stream().map(ReceivedMessage::messageId).distinct().count();
        Map<Integer, Long> statuses = answered.stream().collect(Collectors.groupingBy(ReceivedRequest::status,
                TreeMap::new, Collectors.counting()));
        long bytes = answered.stream().mapToLong(ReceivedRequest::bodyBytes).sum();
        long largest = answered.stream().mapToLong(ReceivedRequest::bodyBytes).max().orElse(0);
        return received.size() + " messages " + messageCountsByType() + ", " + distinct + " distinct messageIds, "
               + answered.size() + " requests by status " + statuses + ", " + bytes + " bytes (largest request "
               + largest + ")";
    }

    /** Forgets every message, request and scripted fault. */
    public synchronized void reset() {
        messages.clear();
        requests.clear();
        faults.clear();
        notifyAll();
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

    @Override
    public String toString() {
        return "SegmentReceiver[" + trackingUrl() + "]";
    }

    // ---- the HTTP side

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = readBody(exchange.getRequestBody());
            long bodyBytes = body.length == SegmentLimits.MAX_BATCH_BYTES + 1
                    ? body.length + drain(exchange.getRequestBody()) : body.length;
            String path = path(exchange);
            ScriptedFault fault = faults.poll();
            if (fault != null && fault.kind() == ScriptedFault.Kind.DELAY) {
                sleep(fault.delay());
            }
            if (fault != null && fault.kind() == ScriptedFault.Kind.RESET) {
                recordRequest(exchange, path, 0, "connection reset (scripted)", bodyBytes, List.of());
                return; // closing the exchange before any answer closes the connection
            }
            if (fault != null && fault.kind() == ScriptedFault.Kind.RESPOND) {
                if (fault.retryAfter() != null) {
                    exchange.getResponseHeaders().set("Retry-After", Long.toString(fault.retryAfter().toSeconds()));
                }
                answer(exchange, path, fault.status(), "scripted status", bodyBytes, List.of());
                return;
            }
            if (!"POST".equals(exchange.getRequestMethod())) {
                answer(exchange, path, 405, "Method Not Allowed", bodyBytes, List.of());
                return;
            }
            if (!PATHS.contains(path)) {
                answer(exchange, path, 404, "Not Found", bodyBytes, List.of());
                return;
            }
            TrackingRequestReader.Body read;
            try {
                read = reader.read(path, body, body.length);
            } catch (TrackingRequestReader.Refused refused) {
                answer(exchange, path, 400, refused.getMessage(), bodyBytes, List.of());
                return;
            }
            if (!authorized(exchange.getRequestHeaders().getFirst("Authorization"), read.writeKey())) {
                answer(exchange, path, 401, "Unauthorized", bodyBytes, List.of());
                return;
            }
            int status = fault != null && fault.kind() == ScriptedFault.Kind.RECORD_THEN_RESPOND ? fault.status() : 200;
            String reason = status == 200 ? read.dropped() : "scripted status after recording";
            answer(exchange, path, status, reason, bodyBytes, read.messages());
        }
    }

    private static String path(HttpExchange exchange) {
        String path = exchange.getRequestURI().getPath();
        path = path.startsWith("/v1/") ? path.substring("/v1/".length()) : path;
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private boolean authorized(String authorization, String bodyWriteKey) {
        String key = basicUser(authorization);
        if (key == null) {
            key = bodyWriteKey;
        }
        if (key == null || key.isBlank()) {
            return false;
        }
        return anyWriteKey || writeKey.equals(key);
    }

    /** The user of a Basic Authorization header (Segment's write key; the password is empty), or null. */
    private static String basicUser(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? decoded : decoded.substring(0, colon);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private void answer(HttpExchange exchange, String path, int status, String reason, long bodyBytes,
                        List<ReceivedMessage> accepted) throws IOException {
        // Recorded before answering, so that a client that saw the answer finds the messages here.
        recordRequest(exchange, path, status, reason, bodyBytes, accepted);
        byte[] response = status == 200 ? OK : reason.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", status == 200 ? "application/json" : "text/plain");
        try {
            exchange.sendResponseHeaders(status, response.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response);
            }
        } catch (IOException e) {
            // The client gave up (e.g. its response timeout during a scripted delay): nothing to answer.
        }
    }

    private synchronized void recordRequest(HttpExchange exchange, String path, int status, String reason,
                                            long bodyBytes, List<ReceivedMessage> accepted) {
        Map<String, String> headers = new TreeMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!"authorization".equalsIgnoreCase(name) && !values.isEmpty()) {
                headers.put(name.toLowerCase(Locale.ROOT), values.get(0));
            }
        });
        messages.addAll(accepted);
        requests.add(new ReceivedRequest(path, status, reason, bodyBytes, accepted.size(), Map.copyOf(headers),
                Instant.now()));
        notifyAll();
    }

    /** Reads up to one byte more than the largest body Segment accepts (so that a larger one is recognised). */
    private static byte[] readBody(InputStream in) throws IOException {
        return in.readNBytes(SegmentLimits.MAX_BATCH_BYTES + 1);
    }

    private static long drain(InputStream in) throws IOException {
        return in.transferTo(OutputStream.nullOutputStream());
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void waitNanos(long nanos) {
        try {
            TimeUnit.NANOSECONDS.timedWait(this, Math.min(nanos, TimeUnit.MILLISECONDS.toNanos(200)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while waiting for the Segment receiver", e);
        }
    }
}
