package dev.jcompose.engine.image.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy on a free loopback port in front of a registry, passing responses at a limited rate
 * so a test can stop a pull halfway through a blob. It records the request lines it passes
 * ({@code GET /v2/…/blobs/sha256:…}), so a test can count what a pull asked for.
 */
public final class ThrottledProxy implements AutoCloseable {
    private static final int CHUNK = 16 * 1024;
    private final ServerSocket server;
    private final int targetPort;
    private final long bytesPerSecond;
    private static final java.util.regex.Pattern REQUEST_LINE = java.util.regex.Pattern.compile("(?m)^([A-Z]+) (/\\S*) HTTP/1\\.[01]\r?$");
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final Thread acceptor;
    private final java.util.concurrent.atomic.AtomicInteger open = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicInteger maxOpen = new java.util.concurrent.atomic.AtomicInteger();

    public ThrottledProxy(int targetPort, long bytesPerSecond) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.targetPort = targetPort;
        this.bytesPerSecond = bytesPerSecond;
        this.acceptor = new Thread(this::accept, "throttled-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public String host() {
        return "127.0.0.1:" + server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                sockets.add(client);
                sockets.add(upstream);
                maxOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
                pump(client, upstream, 0, false, true);
                pump(upstream, client, bytesPerSecond, true, false);
            } catch (IOException e) {
                return;
            }
        }
    }

    /** The most client connections that were open at the same time. */
    public int maxOpenConnections() {
        return maxOpen.get();
    }

    /** The request lines passed so far ({@code "GET /v2/x/blobs/sha256:…"}), in order. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    private void pump(Socket from, Socket to, long rate, boolean countsClose, boolean recordsRequests) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[CHUNK];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buf)) > 0) {
                    if (recordsRequests) {
                        java.util.regex.Matcher m = REQUEST_LINE.matcher(new String(buf, 0, n, java.nio.charset.StandardCharsets.ISO_8859_1));
                        while (m.find()) {
                            requests.add(m.group(1) + " " + m.group(2));
                        }
                    }
                    out.write(buf, 0, n);
                    out.flush();
                    if (rate > 0) {
                        Thread.sleep(Math.max(1, n * 1000L / rate));
                    }
                }
            } catch (IOException | InterruptedException e) {
                // one side closed: close both
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                if (countsClose) {
                    open.decrementAndGet();
                }
            }
        }, "throttled-proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        sockets.forEach(ThrottledProxy::closeQuietly);
    }
}
