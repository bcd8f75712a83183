package io.camelsegment.component.segment.springboot;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A minimal Segment Tracking API stand-in on loopback (JDK HttpServer): checks the write key, records every message
 * (the items of a batch one by one). Stands in until the project's test kit (camel-segment-test) is available.
 */
final class LocalTrackingReceiver implements AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpServer server;
    private final String writeKey;
    private final List<JsonNode> messages = new ArrayList<>();

    private LocalTrackingReceiver(String writeKey) throws IOException {
        this.writeKey = writeKey;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.start();
    }

    static LocalTrackingReceiver start(String writeKey) throws IOException {
        return new LocalTrackingReceiver(writeKey);
    }

    String trackingUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    String writeKey() {
        return writeKey;
    }

    List<JsonNode> awaitMessages(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (messages) {
            while (messages.size() < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("expected " + count + " messages, received " + messages.size());
                }
                messages.wait(Math.max(1, left / 1_000_000));
            }
            return List.copyOf(messages);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            String expected = "Basic " + Base64.getEncoder()
                    .encodeToString((writeKey + ":").getBytes(StandardCharsets.UTF_8));
            if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                respond(exchange, 401, "{\"success\":false}");
                return;
            }
            JsonNode body = MAPPER.readTree(in);
            synchronized (messages) {
                if (exchange.getRequestURI().getPath().equals("/v1/batch")) {
                    body.get("batch").forEach(messages::add);
                } else {
                    messages.add(body);
                }
                messages.notifyAll();
            }
            respond(exchange, 200, "{\"success\":true}");
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
