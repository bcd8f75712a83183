package io.camelsegment.component.segment.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A small HTTP proxy on loopback for tests: forwards plain HTTP requests (absolute-form request line) and tunnels
 * CONNECT, optionally demanding Basic proxy authentication (407 with {@code Proxy-Authenticate} until the request
 * carries the right {@code Proxy-Authorization}). Records every request head it received.
 */
public final class TestProxy implements AutoCloseable {

    /** A request head as the proxy received it. */
    public record Seen(String method, String target, String proxyAuthorization, boolean authorized) {
    }

    private final ServerSocket server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "test-proxy");
        t.setDaemon(true);
        return t;
    });
    private final String expectedAuthorization;
    private final List<Seen> seen = new CopyOnWriteArrayList<>();

    private TestProxy(String username, String password) throws IOException {
        this.expectedAuthorization = username == null ? null
                : "Basic " + Base64.getEncoder().encodeToString((username + ":" + password)
                        .getBytes(StandardCharsets.UTF_8));
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.execute(this::acceptLoop);
    }

    /** An open proxy. */
    public static TestProxy open() throws IOException {
        return new TestProxy(null, null);
    }

    /** A proxy that wants Basic authentication with this user and password. */
    public static TestProxy authenticating(String username, String password) throws IOException {
        return new TestProxy(username, password);
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Every request head received, in order (including the ones answered 407). */
    public List<Seen> seen() {
        return List.copyOf(seen);
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                threads.execute(() -> serve(client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            while (true) {
                List<String> head = readHead(in);
                if (head.isEmpty()) {
                    return;
                }
                String[] requestLine = head.get(0).split(" ");
                Map<String, String> headers = headers(head);
                String auth = headers.get("proxy-authorization");
                boolean authorized = expectedAuthorization == null || expectedAuthorization.equals(auth);
                seen.add(new Seen(requestLine[0], requestLine[1], auth, authorized));
                byte[] body = in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0")));
                if (!authorized) {
                    out.write(("HTTP/1.1 407 Proxy Authentication Required\r\n"
                               + "Proxy-Authenticate: Basic realm=\"test-proxy\"\r\nContent-Length: 0\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    continue;
                }
                if (requestLine[0].equals("CONNECT")) {
                    tunnel(client, requestLine[1]);
                } else {
                    forward(head, body, out);
                }
                return;
            }
        } catch (IOException e) {
            // the client or the target went away: nothing to do in a test proxy
        }
    }

    private void tunnel(Socket client, String authority) throws IOException {
        int colon = authority.lastIndexOf(':');
        try (Socket target = new Socket(authority.substring(0, colon), Integer.parseInt(authority.substring(colon + 1)))) {
            client.getOutputStream().write("HTTP/1.1 200 Connection established\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            client.getOutputStream().flush();
            threads.execute(() -> pipe(target, client));
            pipe(client, target);
        }
    }

    /** Sends the request on to its target with Connection: close and copies the answer back. */
    private static void forward(List<String> head, byte[] body, OutputStream out) throws IOException {
        String[] requestLine = head.get(0).split(" ");
        URI uri = URI.create(requestLine[1]);
        try (Socket target = new Socket(uri.getHost(), uri.getPort() > 0 ? uri.getPort() : 80)) {
            StringBuilder request = new StringBuilder(requestLine[0]).append(' ').append(uri.getRawPath())
                    .append(uri.getRawQuery() != null ? "?" + uri.getRawQuery() : "").append(" HTTP/1.1\r\n");
            for (String line : head.subList(1, head.size())) {
                String name = line.substring(0, line.indexOf(':')).toLowerCase(Locale.ROOT);
                if (!name.startsWith("proxy-") && !name.equals("connection")) {
                    request.append(line).append("\r\n");
                }
            }
            request.append("Connection: close\r\n\r\n");
            OutputStream targetOut = target.getOutputStream();
            targetOut.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            targetOut.write(body);
            targetOut.flush();
            target.getInputStream().transferTo(out);
            out.flush();
        }
    }

    private static void pipe(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
        } catch (IOException ignored) {
            // one side closed
        } finally {
            try {
                to.shutdownOutput();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }

    private static List<String> readHead(InputStream in) throws IOException {
        List<String> lines = new ArrayList<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1).stripTrailing();
                line.reset();
                if (text.isEmpty()) {
                    return lines;
                }
                lines.add(text);
            } else {
                line.write(b);
            }
        }
        return List.of();
    }

    private static Map<String, String> headers(List<String> head) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line : head.subList(1, head.size())) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        return headers;
    }

    public InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), port());
    }

    @Override
    public void close() throws IOException {
        server.close();
        threads.shutdownNow();
    }
}
