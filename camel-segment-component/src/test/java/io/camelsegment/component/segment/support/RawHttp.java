package io.camelsegment.component.segment.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Locale;
import java.util.function.Consumer;

/** Serving and reading HTTP/1.1 requests on raw sockets, for the tests' raw servers. */
public final class RawHttp {

    private RawHttp() {
    }

    /** Accepts connections until the server is closed, each served on a daemon thread of its own. */
    public static void acceptEach(ServerSocket server, String name, Consumer<Socket> connection) {
        Thread acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket socket = server.accept();
                    Thread serving = new Thread(() -> connection.accept(socket), name + "-connection");
                    serving.setDaemon(true);
                    serving.start();
                } catch (IOException closed) {
                    return;
                }
            }
        }, name);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The request line and headers up to the blank line; null when the connection ended first. */
    public static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        int c;
        while ((c = in.read()) != -1) {
            head.append((char) c);
            if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
                return head.toString();
            }
        }
        return null;
    }

    /** The Content-Length of a request head; 0 when it has none. */
    public static int contentLength(String head) {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                return Integer.parseInt(line.substring(15).trim());
            }
        }
        return 0;
    }
}
