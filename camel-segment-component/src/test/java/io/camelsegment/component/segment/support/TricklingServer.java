package io.camelsegment.component.segment.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A raw HTTP server on loopback that answers every request 200 with a JSON body sent one byte at a time, a byte every
 * {@code interval} ms, flushed: no read of the client waits long, the whole answer takes as long as the server likes.
 */
public final class TricklingServer implements AutoCloseable {

    private static final byte[] BODY = ("{\"success\":true,\"data\":{}}" + " ".repeat(200))
            .getBytes(StandardCharsets.US_ASCII);

    private final ServerSocket server;
    private final long intervalMillis;
    private final AtomicInteger requests = new AtomicInteger();

    public TricklingServer(long intervalMillis) throws IOException {
        this.intervalMillis = intervalMillis;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        RawHttp.acceptEach(server, "trickling-server", this::serve);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** Requests whose head and body were read. */
    public int requests() {
        return requests.get();
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            String head = RawHttp.readHead(in);
            if (head == null) {
                return;
            }
            in.readNBytes(RawHttp.contentLength(head));
            requests.incrementAndGet();
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + BODY.length
                       + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            for (byte b : BODY) {
                Thread.sleep(intervalMillis);
                out.write(b);
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // the client dropped the connection
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
