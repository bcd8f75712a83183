package io.camelsegment.test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** Plain HTTP requests to a receiver, as a Segment client sends them. */
final class TrackingClient {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final SegmentReceiver receiver;

    TrackingClient(SegmentReceiver receiver) {
        this.receiver = receiver;
    }

    HttpResponse<String> post(String path, String writeKey, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(receiver.trackingUrl() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (writeKey != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((writeKey + ":").getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    int status(String path, String writeKey, String body) throws IOException, InterruptedException {
        return post(path, writeKey, body).statusCode();
    }

    static String track(String messageId, String userId, String event) {
        return "{\"type\":\"track\",\"messageId\":\"" + messageId + "\",\"userId\":\"" + userId + "\",\"event\":\""
               + event + "\",\"properties\":{\"plan\":\"pro\"}}";
    }

    static String identify(String messageId, String userId) {
        return "{\"type\":\"identify\",\"messageId\":\"" + messageId + "\",\"userId\":\"" + userId
               + "\",\"traits\":{\"email\":\"a@example.com\"}}";
    }

    static String batch(String... items) {
        return "{\"batch\":[" + String.join(",", items) + "]}";
    }
}
