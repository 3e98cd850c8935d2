package dev.jcompose.engine.net.ports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** 200 MB over loopback, straight and through the proxy; the bytes must all arrive both ways. */
class ProxyThroughputTest {
    private static final long TOTAL = 200L * 1024 * 1024;

    private static double sendMbPerSecond(int port, AtomicLong received) throws IOException {
        byte[] chunk = new byte[256 * 1024];
        long t0 = System.nanoTime();
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            OutputStream out = s.getOutputStream();
            for (long sent = 0; sent < TOTAL; sent += chunk.length) {
                out.write(chunk);
            }
            s.shutdownOutput();
            s.getInputStream().read(); // the sink closes once it has read everything
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        assertEquals(TOTAL, received.getAndSet(0));
        return TOTAL / 1048576.0 / secs;
    }

    @Test
    void throughputDirectAndProxied() throws Exception {
        AtomicLong received = new AtomicLong();
        try (ServerSocket sink = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                PortPublisher publisher = new PortPublisher()) {
            Thread t = new Thread(() -> {
                byte[] buf = new byte[256 * 1024];
                while (!sink.isClosed()) {
                    try (Socket s = sink.accept(); InputStream in = s.getInputStream()) {
                        long n = 0;
                        for (int r; (r = in.read(buf)) >= 0;) {
                            n += r;
                        }
                        received.addAndGet(n);
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            t.setDaemon(true);
            t.start();
            PublishedPort p = publisher.publish("bench",
                    PortBinding.of("tcp", "127.0.0.1", 0, "127.0.0.1", sink.getLocalPort()));
            sendMbPerSecond(sink.getLocalPort(), received); // warm-up
            sendMbPerSecond(p.hostPort(), received);
            double direct = sendMbPerSecond(sink.getLocalPort(), received);
            double proxied = sendMbPerSecond(p.hostPort(), received);
            String report = String.format("loopback TCP 200 MB: direct %.0f MB/s, through the userland proxy %.0f MB/s%n",
                    direct, proxied);
            System.out.print(report);
            Files.writeString(Path.of("target/net-bench.txt"), report, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }
}
