package dev.jcompose.engine.net.ports;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The proxy against a "container" that is a loopback server in the test. */
class PortPublisherTest {
    private final PortPublisher publisher = new PortPublisher();
    private ServerSocket backend;
    private DatagramSocket udpBackend;

    @AfterEach
    void close() throws IOException {
        publisher.close();
        if (backend != null) {
            backend.close();
        }
        if (udpBackend != null) {
            udpBackend.close();
        }
    }

    /** A server that reads everything, then answers with the bytes reversed and closes. */
    private int reversingServer() throws IOException {
        backend = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            while (!backend.isClosed()) {
                try (Socket s = backend.accept()) {
                    byte[] in = s.getInputStream().readAllBytes();
                    byte[] out = new byte[in.length];
                    for (int i = 0; i < in.length; i++) {
                        out[i] = in[in.length - 1 - i];
                    }
                    s.getOutputStream().write(out);
                } catch (IOException e) {
                    return;
                }
            }
        });
        t.setDaemon(true);
        t.start();
        return backend.getLocalPort();
    }

    private static byte[] roundTrip(int port, byte[] data) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(data);
            s.shutdownOutput();
            InputStream in = s.getInputStream();
            return in.readAllBytes();
        }
    }

    @Test
    void tcpRandomHostPortRelaysBothWaysWithHalfClose() throws IOException {
        int target = reversingServer();
        PublishedPort p = publisher.publish("c1", PortBinding.of("tcp", "127.0.0.1", 0, "127.0.0.1", target));
        assertTrue(p.hostPort() > 0);
        assertNotEquals(target, p.hostPort());
        byte[] data = new byte[3 * 1024 * 1024];
        new Random(7).nextBytes(data);
        byte[] back = roundTrip(p.hostPort(), data);
        assertEquals(data.length, back.length);
        assertEquals(data[0], back[back.length - 1]);
        assertEquals(data[data.length - 1], back[0]);
        assertEquals("cba", new String(roundTrip(p.hostPort(), "abc".getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8));
        assertEquals(List.of(p), publisher.published("c1"));
    }

    @Test
    void portInUseFailsAsDocker() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            IOException e = assertThrows(IOException.class,
                    () -> publisher.publish("c1", PortBinding.of("tcp", "127.0.0.1", port, "127.0.0.1", 80)));
            assertEquals("Bind for 127.0.0.1:" + port + " failed: port is already allocated", e.getMessage());
        }
    }

    @Test
    void rangeTakesTheNextFreePort() throws IOException {
        int target = reversingServer();
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            PublishedPort p = publisher.publish("c1",
                    new PortBinding("tcp", "127.0.0.1", port, Math.min(port + 20, 65535), "127.0.0.1", target));
            assertTrue(p.hostPort() > port && p.hostPort() <= port + 20, "bound " + p.hostPort());
            assertEquals("yx", new String(roundTrip(p.hostPort(), "xy".getBytes(StandardCharsets.UTF_8)),
                    StandardCharsets.UTF_8));
        }
    }

    @Test
    void unpublishFreesThePort() throws Exception {
        int target = reversingServer();
        PublishedPort p = publisher.publish("c1", PortBinding.of("tcp", "127.0.0.1", 0, "127.0.0.1", target));
        publisher.unpublish("c1");
        // the listener's close may finish on its accept thread a moment later: allow it two seconds
        long deadline = System.currentTimeMillis() + 2000;
        boolean refused = false;
        while (!refused && System.currentTimeMillis() < deadline) {
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), p.hostPort())) {
                Thread.sleep(20);
            } catch (IOException e) {
                refused = true;
            }
        }
        assertTrue(refused, "port " + p.hostPort() + " still accepts connections after unpublish");
        assertEquals(List.of(), publisher.published("c1"));
        try (ServerSocket again = new ServerSocket()) {
            again.setReuseAddress(true);
            again.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), p.hostPort()));
        }
    }

    @Test
    void allOrNothing() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            assertThrows(IOException.class, () -> publisher.publishAll("c1", List.of(
                    PortBinding.of("tcp", "127.0.0.1", 0, "127.0.0.1", 80),
                    PortBinding.of("tcp", "127.0.0.1", taken.getLocalPort(), "127.0.0.1", 81))));
            assertEquals(List.of(), publisher.published("c1"));
        }
    }

    @Test
    void udpRelaysRepliesToEachClient() throws IOException {
        udpBackend = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            byte[] buf = new byte[1500];
            while (!udpBackend.isClosed()) {
                try {
                    DatagramPacket in = new DatagramPacket(buf, buf.length);
                    udpBackend.receive(in);
                    String reply = "echo:" + new String(in.getData(), 0, in.getLength(), StandardCharsets.UTF_8);
                    byte[] r = reply.getBytes(StandardCharsets.UTF_8);
                    udpBackend.send(new DatagramPacket(r, r.length, in.getSocketAddress()));
                } catch (IOException e) {
                    return;
                }
            }
        });
        t.setDaemon(true);
        t.start();
        PublishedPort p = publisher.publish("c1",
                PortBinding.of("udp", "127.0.0.1", 0, "127.0.0.1", udpBackend.getLocalPort()));
        assertEquals("udp", p.protocol());
        for (String msg : List.of("one", "two")) {
            try (DatagramSocket client = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
                client.setSoTimeout(5000);
                byte[] m = msg.getBytes(StandardCharsets.UTF_8);
                client.send(new DatagramPacket(m, m.length, InetAddress.getLoopbackAddress(), p.hostPort()));
                DatagramPacket r = new DatagramPacket(new byte[100], 100);
                client.receive(r);
                assertArrayEquals(("echo:" + msg).getBytes(StandardCharsets.UTF_8),
                        java.util.Arrays.copyOf(r.getData(), r.getLength()));
            }
        }
    }
}
