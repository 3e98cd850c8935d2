package dev.jcompose.engine.net.testutil;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.nio.charset.StandardCharsets;

/**
 * A UDP echo server for root tests to start inside a test netns (busybox nc has no UDP):
 * {@code java -cp test-classes ...UdpEcho PORT} prints "ready" once bound and answers each datagram
 * with "echo:" + its payload.
 */
public final class UdpEcho {
    private UdpEcho() {
    }

    public static void main(String[] args) throws Exception {
        try (DatagramSocket s = new DatagramSocket(Integer.parseInt(args[0]))) {
            System.out.println("ready");
            System.out.flush();
            byte[] buf = new byte[2048];
            while (true) {
                DatagramPacket in = new DatagramPacket(buf, buf.length);
                s.receive(in);
                byte[] out = ("echo:" + new String(in.getData(), 0, in.getLength(), StandardCharsets.UTF_8))
                        .getBytes(StandardCharsets.UTF_8);
                s.send(new DatagramPacket(out, out.length, in.getSocketAddress()));
            }
        }
    }
}
