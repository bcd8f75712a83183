package io.camelsegment.examples.crash;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A Tracking API stand-in on loopback that keeps every message it received as JSON (the examples' LocalSegmentReceiver
 * keeps only counts and messageIds). Its calls mirror the test kit's {@code SegmentReceiver} ({@code trackingUrl()},
 * {@code messages()}), so a test can switch to that once it is on the build path. Accepts any write key. Each request
 * can be held for a while before the answer, so a sender's run lasts long enough to be killed in the middle.
 */
final class RecordingReceiver implements AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final byte[] OK = "{\"success\":true}".getBytes(StandardCharsets.UTF_8);

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(4);
    private final List<JsonNode> messages = new CopyOnWriteArrayList<>();
    private volatile long answerDelayMillis;

    RecordingReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(threads);
        server.createContext("/v1/", this::handle);
        server.start();
    }

    String trackingUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** Every message received (batch items one by one), in arrival order. */
    List<JsonNode> messages() {
        return List.copyOf(messages);
    }

    /** Holds each answer this long (after the messages were recorded): the sender sees a slow Segment. */
    void answerDelay(long millis) {
        answerDelayMillis = millis;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody(); OutputStream out = exchange.getResponseBody()) {
            JsonNode body = MAPPER.readTree(in);
            if (body.has("batch")) {
                body.get("batch").forEach(messages::add);
            } else {
                messages.add(body);
            }
            sleep(answerDelayMillis);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, OK.length);
            out.write(OK);
        }
    }

    private static void sleep(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
