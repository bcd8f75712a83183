package io.camelsegment.component.segment.tracking;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelsegment.component.segment.support.WireMockSegmentTestSupport;
import org.apache.camel.Exchange;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.camelsegment.component.segment.support.TrackingRequests.acceptAll;
import static io.camelsegment.component.segment.support.TrackingRequests.all;
import static io.camelsegment.component.segment.support.TrackingRequests.batchMessageIds;
import static io.camelsegment.component.segment.support.TrackingRequests.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** File-like bodies (a file consumer's GenericFile, a java.io.File, a Path) are read as JSON, not as Java beans. */
class FileBodyTest extends WireMockSegmentTestSupport {

    @TempDir
    static Path inbox;

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("file:" + inbox.toAbsolutePath() + "?include=.*\\.json&noop=true&initialDelay=0&delay=50")
                        .to("segment:batch?writeKey=RAW(" + WRITE_KEY + ")");
            }
        };
    }

    @Test
    void fileConsumerBodyIsReadAsJson() throws Exception {
        acceptAll(wireMock);
        NotifyBuilder done = new NotifyBuilder(context).whenDone(1).create();
        Files.writeString(inbox.resolve("events.json"),
                "[{\"type\":\"track\",\"userId\":\"u1\",\"event\":\"Clicked\",\"messageId\":\"f1\"},"
                                                         + "{\"type\":\"identify\",\"userId\":\"u1\",\"messageId\":\"f2\"}]",
                StandardCharsets.UTF_8);

        assertTrue(done.matches(20, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals(1, all(wireMock).size());
        assertEquals(List.of("f1", "f2"), batchMessageIds(all(wireMock).get(0)));
    }

    @Test
    void fileAndPathBodiesAreReadAsJson(@TempDir Path dir) throws Exception {
        acceptAll(wireMock);
        Path json = dir.resolve("one.json");
        Files.writeString(json, "{\"userId\":\"u2\",\"event\":\"Opened\",\"properties\":{\"a\":1}}");

        for (Object body : new Object[] { json.toFile(), json }) {
            wireMock.resetRequests();
            Exchange result = template.request("segment:track?writeKey=RAW(" + WRITE_KEY + ")",
                    e -> e.getMessage().setBody(body));
            assertNull(result.getException(), () -> body.getClass() + ": " + result.getException());
            ObjectNode sent = body(all(wireMock).get(0));
            assertEquals("Opened", sent.get("event").asText(), body.getClass().getName());
            assertEquals(1, sent.at("/properties/a").asInt());
            assertFalse(sent.toString().contains(dir.toString()), "file metadata must not be sent: " + sent);
        }
    }
}
