package io.camelsegment.component.segment.support;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A Segment Tracking API stand-in on a raw loopback socket (a minimal HTTP/1.1 server: Content-Length bodies,
 * keep-alive), so that faults WireMock cannot script per request can be injected at random: 500s, 429s with
 * Retry-After, connection resets before the request is read, and responses lost after the request was processed
 * (reset, close or time out after recording the events). Records every processed event by messageId.
 */
public final class FaultInjectingSegmentSink implements AutoCloseable {

    /** Probabilities of each fault per request, and the delays they use. */
    public record Faults(double error500, double throttle429, double resetBeforeRead, double resetAfterProcess,
                         double closeAfterProcess, double timeoutAfterProcess, double slow, long slowMillis,
                         long timeoutMillis) {
        public static final Faults NONE = new Faults(0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    /** What the sink saw of one processed batch request. */
    public record Request(String authorization, int retryCount, int events, int bytes, List<String> messageIds) {
    }

    // Strict: a body with anything after its JSON (bytes of an earlier request) is refused, as Segment refuses it.
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final ServerSocket server;
    private final ExecutorService connections = Executors.newCachedThreadPool();
    private final Random random;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> arrivals = new ConcurrentHashMap<>();
    private final Map<String, String> firstBodies = new ConcurrentHashMap<>();
    private final Set<String> mismatchedDuplicates = ConcurrentHashMap.newKeySet();
    private final AtomicInteger malformedBodies = new AtomicInteger();
    private final List<Request> processed = new CopyOnWriteArrayList<>();
    private final AtomicInteger attempts = new AtomicInteger();
    private final Map<String, AtomicInteger> faultCounts = new ConcurrentHashMap<>();
    private volatile Faults faults = Faults.NONE;
    private volatile long responseDelayMillis;
    private volatile CountDownLatch gate;
    private final List<Long> attemptNanos = new CopyOnWriteArrayList<>();
    private final Set<String> answered = ConcurrentHashMap.newKeySet();
    private volatile int scriptedStatus;
    private volatile String scriptedHeaders = "";
    private final AtomicInteger scriptedLeft = new AtomicInteger();

    public FaultInjectingSegmentSink(long seed) throws IOException {
        this.random = new Random(seed);
        this.server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "segment-sink-acceptor");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public String trackingUrl() {
        return "http://127.0.0.1:" + server.getLocalPort() + "/v1";
    }

    public void setFaults(Faults faults) {
        this.faults = faults;
    }

    /**
     * The next {@code times} requests are answered with this status and extra header lines (e.g.
     * {@code "Retry-After: 2\r\n"}) without being recorded, before any random fault.
     */
    public void script(int status, String headers, int times) {
        scriptedStatus = status;
        scriptedHeaders = headers;
        scriptedLeft.set(times);
    }

    /** System.nanoTime() of every request received, in order of arrival. */
    public List<Long> attemptTimes() {
        return new ArrayList<>(attemptNanos);
    }

    /** messageIds of batches whose 200 response was written in full: what Segment accepted. */
    public Set<String> answered() {
        return Set.copyOf(answered);
    }

    /** Delays every successful response (the events are recorded first). */
    public void setResponseDelayMillis(long millis) {
        this.responseDelayMillis = millis;
    }

    /** From now on, successful responses wait (after the events were recorded) until {@link #releaseResponses}. */
    public void holdResponses() {
        gate = new CountDownLatch(1);
    }

    public void releaseResponses() {
        CountDownLatch g = gate;
        gate = null;
        if (g != null) {
            g.countDown();
        }
    }

    /** How many times each messageId was processed (recorded). */
    public Map<String, Integer> arrivals() {
        Map<String, Integer> copy = new HashMap<>();
        arrivals.forEach((id, n) -> copy.put(id, n.get()));
        return copy;
    }

    /** messageIds that arrived more than once with different content (must stay empty). */
    public Set<String> mismatchedDuplicates() {
        return mismatchedDuplicates;
    }

    /** The first content received for each messageId: the event's JSON as the sink parsed it. */
    public Map<String, String> firstBodies() {
        return new HashMap<>(firstBodies);
    }

    /** Batch requests whose body was not one JSON object (connection dropped, nothing recorded): must stay 0. */
    public int malformedBodies() {
        return malformedBodies.get();
    }

    /** Processed batch requests (recorded, whatever happened to the response). */
    public List<Request> processed() {
        return new ArrayList<>(processed);
    }

    /** Every HTTP request received, faulted or not. */
    public int attempts() {
        return attempts.get();
    }

    public Map<String, Integer> faultCounts() {
        Map<String, Integer> copy = new HashMap<>();
        faultCounts.forEach((k, n) -> copy.put(k, n.get()));
        return copy;
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                open.add(socket);
                connections.execute(() -> serve(socket));
            } catch (IOException | RuntimeException e) {
                if (!server.isClosed()) {
                    System.err.println("sink acceptor: " + e);
                }
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            while (true) {
                Map<String, String> headers = new HashMap<>();
                String requestLine = readHead(in, headers);
                if (requestLine == null) {
                    return;
                }
                attempts.incrementAndGet();
                attemptNanos.add(System.nanoTime());
                if (scriptedLeft.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
                    in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0")));
                    respond(out, scriptedStatus, scriptedHeaders, "{\"success\":false}");
                    continue;
                }
                String fault = pickFault();
                if (fault.equals("resetBeforeRead")) {
                    count(fault);
                    reset(socket);
                    return;
                }
                int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
                byte[] body = in.readNBytes(length);
                if (fault.equals("error500")) {
                    count(fault);
                    respond(out, 500, "", "{\"success\":false}");
                    continue;
                }
                if (fault.equals("throttle429")) {
                    count(fault);
                    respond(out, 429, "Retry-After: 1\r\n", "{\"success\":false}");
                    continue;
                }
                List<String> recorded = record(requestLine, headers, body);
                switch (fault) {
                    case "resetAfterProcess" -> {
                        count(fault);
                        reset(socket);
                        return;
                    }
                    case "closeAfterProcess" -> {
                        count(fault);
                        return;
                    }
                    case "timeoutAfterProcess" -> {
                        count(fault);
                        Thread.sleep(faults.timeoutMillis());
                        return;
                    }
                    case "slow" -> {
                        count(fault);
                        Thread.sleep(faults.slowMillis());
                    }
                    default -> {
                        CountDownLatch g = gate;
                        if (g != null) {
                            g.await();
                        }
                        if (responseDelayMillis > 0) {
                            Thread.sleep(responseDelayMillis);
                        }
                    }
                }
                respond(out, 200, "", "{\"success\":true}");
                answered.addAll(recorded);
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            // connection gone: the client sees it
        } finally {
            open.remove(socket);
        }
    }

    private String pickFault() {
        Faults f = faults;
        double r;
        synchronized (random) {
            r = random.nextDouble();
        }
        double[] p = { f.error500(), f.throttle429(), f.resetBeforeRead(), f.resetAfterProcess(),
                f.closeAfterProcess(), f.timeoutAfterProcess(), f.slow() };
        String[] names = { "error500", "throttle429", "resetBeforeRead", "resetAfterProcess", "closeAfterProcess",
                "timeoutAfterProcess", "slow" };
        double acc = 0;
        for (int i = 0; i < p.length; i++) {
            acc += p[i];
            if (r < acc) {
                return names[i];
            }
        }
        return "none";
    }

    private void count(String fault) {
        faultCounts.computeIfAbsent(fault, k -> new AtomicInteger()).incrementAndGet();
    }

    private List<String> record(String requestLine, Map<String, String> headers, byte[] body) throws IOException {
        if (!requestLine.startsWith("POST /v1/batch ")) {
            return List.of();
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (IOException e) {
            malformedBodies.incrementAndGet();
            throw e;
        }
        List<String> ids = new ArrayList<>();
        for (JsonNode event : root.get("batch")) {
            String id = event.get("messageId").asText();
            ids.add(id);
            String text = event.toString();
            String first = firstBodies.putIfAbsent(id, text);
            if (first != null && !first.equals(text)) {
                mismatchedDuplicates.add(id);
            }
            arrivals.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
        }
        processed.add(new Request(headers.get("authorization"),
                Integer.parseInt(headers.getOrDefault("x-retry-count", "0")), ids.size(), body.length, ids));
        return ids;
    }

    /** The write key a request authenticated with (decoded Basic auth user). */
    public static String writeKeyOf(Request request) {
        String encoded = request.authorization().substring("Basic ".length());
        String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        return decoded.substring(0, decoded.length() - 1);
    }

    private static void reset(Socket socket) throws IOException {
        socket.setSoLinger(true, 0); // close with RST
        socket.close();
    }

    private static void respond(OutputStream out, int status, String extraHeaders, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + status + " X\r\nContent-Type: application/json\r\nContent-Length: " + bytes.length
                      + "\r\n" + extraHeaders + "\r\n";
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.flush();
    }

    /** Reads the request line and headers (names lower-cased); null at end of stream. */
    private static String readHead(InputStream in, Map<String, String> headers) throws IOException {
        String requestLine = readLine(in);
        if (requestLine == null || requestLine.isEmpty()) {
            return null;
        }
        String line;
        while ((line = readLine(in)) != null && !line.isEmpty()) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
        }
        return requestLine;
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                break;
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        if (b == -1 && line.size() == 0) {
            return null;
        }
        return line.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException {
        releaseResponses();
        server.close();
        for (Socket socket : open) {
            try {
                socket.close();
            } catch (SocketException ignored) {
                // closing anyway
            }
        }
        connections.shutdownNow();
    }
}
