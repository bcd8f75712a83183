package io.camelsegment.component.segment.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.camelsegment.component.segment.SegmentComponent;
import io.camelsegment.component.segment.SegmentHttpException;
import io.camelsegment.component.segment.support.RawHttp;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A server (or a proxy on the way) that answers with a body without end never exhausts the heap or stalls a thread:
 * the component reads at most {@link SegmentHttpClient#MAX_ERROR_BODY_BYTES} of an error and
 * {@link SegmentHttpClient#MAX_BODY_BYTES} of a success, and drops the connection instead of reading the rest. Ordinary
 * answers are read to the end, so their connection is reused. A raw server on loopback announces a body of 1 GB, sends
 * a little more than the limit and then nothing.
 */
class ResponseBodyLimitTest extends CamelTestSupport {

    private static final long ANNOUNCED = 1_000_000_000L;

    private ServerSocket server;
    private final AtomicInteger connections = new AtomicInteger();
    /** What each request is answered with, in turn; the last one for the rest. */
    private final List<Answer> answers = new CopyOnWriteArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();

    private record Answer(int status, long announced, int sent) {
    }

    @BeforeEach
    void startServer() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        RawHttp.acceptEach(server, "raw-segment-server", socket -> {
            connections.incrementAndGet();
            serve(socket);
        });
    }

    @AfterEach
    void stopServer() throws IOException {
        server.close();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        SegmentComponent component = new SegmentComponent();
        component.getConfiguration().setRetryBackoffBase(1);
        component.getConfiguration().setRetryBackoffMax(5);
        component.getConfiguration().setResponseTimeout(30_000);
        context.addComponent("segment", component);
        return context;
    }

    private String base() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** Reads requests (headers and Content-Length body) and answers each; never closes a connection first. */
    private void serve(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            while (true) {
                String head = RawHttp.readHead(in);
                if (head == null) {
                    return;
                }
                in.readNBytes(RawHttp.contentLength(head));
                int n = requests.getAndIncrement();
                Answer answer = answers.get(Math.min(n, answers.size() - 1));
                out.write(("HTTP/1.1 " + answer.status() + " X\r\nContent-Type: text/plain\r\nContent-Length: "
                           + answer.announced() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                byte[] chunk = new byte[64 * 1024];
                Arrays.fill(chunk, (byte) 'x');
                for (int left = answer.sent(); left > 0; left -= chunk.length) {
                    out.write(chunk, 0, Math.min(left, chunk.length));
                }
                out.flush();
                if (answer.announced() > answer.sent()) {
                    in.read(); // nothing more comes: wait until the client drops the connection
                    return;
                }
            }
        } catch (IOException e) {
            // the client dropped the connection
        }
    }

    private Exchange track(String options) {
        return template.request("segment:track?writeKey=RAW(wk)&event=E&userId=u1&trackingUrl=" + base() + options,
                e -> e.getMessage().setBody(Map.of("plan", "pro")));
    }

    @Test
    void anErrorWithoutEndIsCutOffAndReported() {
        answers.add(new Answer(400, ANNOUNCED, 2 * SegmentHttpClient.MAX_ERROR_BODY_BYTES));

        long start = System.nanoTime();
        Exchange result = track("");
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        SegmentHttpException e = assertInstanceOf(SegmentHttpException.class, result.getException());
        assertEquals(400, e.getStatusCode());
        assertTrue(e.getResponseBody().startsWith("xxxx"), e.getResponseBody());
        assertTrue(tookMillis < 10_000, "took " + tookMillis + " ms: the rest of the body was waited for");
        assertEquals(1, requests.get());
    }

    /** A body that stops coming fails after one response timeout, not two (closing would otherwise wait again). */
    @Test
    void aBodyThatStopsComingFailsAfterOneResponseTimeout() {
        answers.add(new Answer(400, 1000, 10));

        long start = System.nanoTime();
        Exchange result = track("&maxRetries=0&responseTimeout=1000");
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        SegmentHttpException e = assertInstanceOf(SegmentHttpException.class, result.getException());
        assertTrue(e.getMessage().contains("SocketTimeoutException"), e.getMessage());
        assertTrue(tookMillis >= 900 && tookMillis < 1900, "took " + tookMillis + " ms");
    }

    /** Buffered: the sender thread that met it goes on sending the next batches. */
    @Test
    void aBufferedSenderGoesOnAfterAnErrorWithoutEnd() {
        answers.add(new Answer(400, ANNOUNCED, 2 * SegmentHttpClient.MAX_ERROR_BODY_BYTES));
        answers.add(new Answer(200, 16, 16));
        String options = "&batching=true&maxInFlightRequests=1&callerRunsWhenIdle=false";

        Exchange failed = track(options);
        Exchange delivered = track(options);

        assertEquals(400, assertInstanceOf(SegmentHttpException.class, failed.getException()).getStatusCode());
        assertNull(delivered.getException(), () -> String.valueOf(delivered.getException()));
        assertEquals(2, requests.get());
    }

    /** A success is read up to its limit; beyond that the Public API call fails instead of parsing a part. */
    @Test
    void aSuccessWithoutEndIsCutOffAtItsLimit() {
        answers.add(new Answer(200, ANNOUNCED, SegmentHttpClient.MAX_BODY_BYTES + 64 * 1024));

        Exchange result = template.request("segment:getDestination?accessToken=RAW(tok)&destinationId=d1"
                                           + "&publicApiUrl=" + base(),
                e -> {
                });

        SegmentHttpException e = assertInstanceOf(SegmentHttpException.class, result.getException());
        assertEquals(200, e.getStatusCode());
        assertTrue(e.getMessage().contains("more than " + SegmentHttpClient.MAX_BODY_BYTES + " bytes"), e.getMessage());
    }

    /** Answers read to the end keep their connection: three requests, one connection. */
    @Test
    void ordinaryAnswersReuseTheirConnection() {
        answers.add(new Answer(200, 16, 16));

        for (int i = 0; i < 3; i++) {
            Exchange result = track("");
            assertNull(result.getException(), () -> String.valueOf(result.getException()));
        }

        assertEquals(3, requests.get());
        assertEquals(1, connections.get());
    }
}
