package io.camelsegment.karaf.it;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** A Tracking API stand-in on 127.0.0.1 (JDK HTTP server): records each request and answers 200. */
final class LoopbackReceiver implements AutoCloseable {

    record Request(String path, String authorization, JsonNode body) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    private LoopbackReceiver(HttpServer server) {
        this.server = server;
    }

    static LoopbackReceiver start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        LoopbackReceiver receiver = new LoopbackReceiver(server);
        server.createContext("/", receiver::handle);
        server.start();
        return receiver;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            requests.add(new Request(exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Authorization"), JSON.readTree(in)));
            byte[] ok = "{\"success\": true}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, ok.length);
            exchange.getResponseBody().write(ok);
        }
    }

    String trackingUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** The events received so far, a batch's messages one by one. */
    List<JsonNode> events() {
        List<JsonNode> events = new ArrayList<>();
        for (Request request : requests) {
            if (request.body().has("batch")) {
                request.body().get("batch").forEach(events::add);
            } else {
                events.add(request.body());
            }
        }
        return events;
    }

    /**
     * Waits until {@code count} events arrived; fails with {@code diagnosis} (e.g. Karaf's log) after {@code timeout},
     * or as soon as {@code failed} says the sender cannot deliver any more.
     */
    List<Request> awaitEvents(int count, Duration timeout, BooleanSupplier failed, Supplier<String> diagnosis)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (events().size() < count) {
            if (Instant.now().isAfter(deadline) || failed.getAsBoolean()) {
                throw new AssertionError("received " + events().size() + " of " + count + " events\n"
                        + diagnosis.get());
            }
            Thread.sleep(250);
        }
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
