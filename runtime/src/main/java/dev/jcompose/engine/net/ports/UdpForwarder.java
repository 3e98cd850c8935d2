package dev.jcompose.engine.net.ports;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A UDP socket on the host relaying datagrams to the container: one connected socket per client
 * address (so replies find their way back), dropped after {@value #IDLE_MILLIS} ms without traffic.
 */
final class UdpForwarder implements Forwarder {
    static final long IDLE_MILLIS = 90_000;
    private static final int MAX_DATAGRAM = 65507;
    private final DatagramChannel server;
    private final PublishedPort published;
    private final InetSocketAddress target;
    private final Map<SocketAddress, Flow> flows = new ConcurrentHashMap<>();
    private volatile boolean closed;

    private final class Flow {
        final DatagramChannel upstream;
        volatile long lastUsed = System.currentTimeMillis();

        Flow(SocketAddress client) throws IOException {
            upstream = DatagramChannel.open();
            upstream.connect(target);
            Thread t = new Thread(() -> replies(client, this), "proxy-udp-flow-" + published.hostPort());
            t.setDaemon(true);
            t.start();
        }
    }

    UdpForwarder(DatagramChannel server, PublishedPort published) {
        this.server = server;
        this.published = published;
        this.target = new InetSocketAddress(published.containerIp(), published.containerPort());
        Thread t = new Thread(this::receiveLoop, "proxy-udp-" + published.hostPort());
        t.setDaemon(true);
        t.start();
    }

    @Override
    public PublishedPort published() {
        return published;
    }

    private void receiveLoop() {
        ByteBuffer buf = ByteBuffer.allocateDirect(MAX_DATAGRAM);
        while (!closed) {
            try {
                buf.clear();
                SocketAddress client = server.receive(buf);
                buf.flip();
                Flow f = flows.get(client);
                if (f == null) {
                    expire();
                    f = new Flow(client);
                    flows.put(client, f);
                }
                f.lastUsed = System.currentTimeMillis();
                f.upstream.write(buf);
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    private void replies(SocketAddress client, Flow f) {
        ByteBuffer buf = ByteBuffer.allocateDirect(MAX_DATAGRAM);
        while (!closed && f.upstream.isOpen()) {
            try {
                buf.clear();
                f.upstream.read(buf);
                buf.flip();
                f.lastUsed = System.currentTimeMillis();
                server.send(buf, client);
            } catch (IOException e) {
                // ICMP port unreachable from the container or the flow was closed: drop the flow
                flows.remove(client, f);
                closeQuietly(f.upstream);
                return;
            }
        }
    }

    private void expire() {
        long now = System.currentTimeMillis();
        flows.entrySet().removeIf(e -> {
            boolean idle = now - e.getValue().lastUsed > IDLE_MILLIS;
            if (idle) {
                closeQuietly(e.getValue().upstream);
            }
            return idle;
        });
    }

    private static void closeQuietly(DatagramChannel c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // nothing to report when closing
        }
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly(server);
        flows.values().forEach(f -> closeQuietly(f.upstream));
        flows.clear();
    }
}
