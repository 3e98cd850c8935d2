package dev.jcompose.engine.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jcompose.engine.net.testutil.UdpEcho;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Published ports with random host ports ({@code -p 8080 -p 9090/udp}), found with {@code docker port},
 * answer on 127.0.0.1 and on the host's own non-loopback address (read from its interfaces; the
 * traffic stays on this machine). TCP: busybox nc in the container; UDP: the test's UdpEcho run in
 * the container's network namespace with nsenter (busybox nc has no UDP).
 */
@Tag("root")
class PortCliRootTest {
    @TempDir
    Path dir;
    private NetworkTestEngine t;
    private Process udpEcho;

    @BeforeEach
    void start() throws Exception {
        t = NetworkTestEngine.start(dir);
    }

    @AfterEach
    void stop() throws Exception {
        if (udpEcho != null) {
            udpEcho.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        if (t != null) {
            t.close();
        }
    }

    @Test
    void tcpAndUdpAnswerOnLoopbackAndTheHostsAddress() throws Exception {
        InetAddress host = hostAddress();
        assumeTrue(host != null, "needs a non-loopback IPv4 address on an interface that is up");
        assumeTrue(EngineApiTest.findOnPath("nsenter") != null, "needs nsenter (util-linux) to run the UDP echo in the container's netns");
        t.cli.ok("network", "create", "--subnet", "10.213.15.0/24", "network-ports");
        t.run("network-web", "while true; do echo hi-tcp | nc -l -p 8080; done", "--network", "network-ports", "-p", "8080",
                "-p", "9090/udp");
        String pid = t.cli.ok("inspect", "--format", "{{.State.Pid}}", "network-web");
        udpEcho = new ProcessBuilder("nsenter", "-t", pid, "-n", ProcessHandle.current().info().command().orElse("java"), "-cp",
                System.getProperty("java.class.path"), UdpEcho.class.getName(), "9090").redirectErrorStream(true).start();
        assertEquals("ready", new String(udpEcho.getInputStream().readNBytes(5), StandardCharsets.UTF_8));

        int tcp = hostPort(t.cli.ok("port", "network-web", "8080/tcp"));
        int udp = hostPort(t.cli.ok("port", "network-web", "9090/udp"));
        String all = t.cli.ok("port", "network-web");
        assertTrue(all.contains("8080/tcp -> 0.0.0.0:" + tcp) && all.contains("9090/udp -> 0.0.0.0:" + udp), all);

        for (InetAddress to : List.of(InetAddress.getLoopbackAddress(), host)) {
            assertEquals("hi-tcp", tcpLine(to, tcp), "TCP through " + to.getHostAddress());
            assertEquals("echo:ping-" + to.getHostAddress(), udpExchange(to, udp, "ping-" + to.getHostAddress()),
                    "UDP through " + to.getHostAddress());
        }
    }

    /** The first IPv4 address of an interface that is up and is not loopback nor one of the engines' bridges or veths. */
    private static InetAddress hostAddress() throws Exception {
        for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            String n = nif.getName();
            if (!nif.isUp() || nif.isLoopback() || n.startsWith("jc") || n.startsWith("veth") || n.startsWith("br-") || n.startsWith("docker")) {
                continue;
            }
            for (InetAddress a : Collections.list(nif.getInetAddresses())) {
                if (a instanceof Inet4Address) {
                    return a;
                }
            }
        }
        return null;
    }

    /** {@code 0.0.0.0:32768} (first line of docker port's answer) → 32768. */
    private static int hostPort(String answer) {
        String first = answer.lines().findFirst().orElse("");
        assertTrue(first.startsWith("0.0.0.0:"), answer);
        return Integer.parseInt(first.substring(first.lastIndexOf(':') + 1));
    }

    private static String tcpLine(InetAddress to, int port) throws Exception {
        long deadline = System.currentTimeMillis() + 5000;
        while (true) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(to, port), 2000);
                s.setSoTimeout(3000);
                InputStream in = s.getInputStream();
                String line = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
                if (!line.isEmpty() || System.currentTimeMillis() > deadline) {
                    return line;
                }
            }
            Thread.sleep(100); // nc is between two connections
        }
    }

    private static String udpExchange(InetAddress to, int port, String payload) throws Exception {
        try (DatagramSocket s = new DatagramSocket()) {
            s.setSoTimeout(1000);
            byte[] out = payload.getBytes(StandardCharsets.UTF_8);
            for (int attempt = 0; attempt < 5; attempt++) {
                s.send(new DatagramPacket(out, out.length, to, port));
                DatagramPacket in = new DatagramPacket(new byte[2048], 2048);
                try {
                    s.receive(in);
                    return new String(in.getData(), 0, in.getLength(), StandardCharsets.UTF_8);
                } catch (java.net.SocketTimeoutException e) {
                    // the proxy may still be starting; send again
                }
            }
            assertNotNull(null, "no UDP answer from " + to.getHostAddress() + ":" + port);
            return null;
        }
    }
}
