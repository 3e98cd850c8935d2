package dev.jcompose.engine.net.ports;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.DatagramChannel;
import java.nio.channels.ServerSocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The engine's userland proxy for published ports (as docker-proxy): listens on
 * {@code hostIp:hostPort} and relays to {@code containerIp:containerPort}, so a published port
 * answers on the host's loopback, its other addresses and, through the gateway, to other
 * containers, without route_localnet. Ports are grouped by owner (a container) for removal.
 */
public final class PortPublisher implements AutoCloseable {
    private final Map<String, List<Forwarder>> byOwner = new ConcurrentHashMap<>();

    /**
     * Binds and starts relaying; returns the port actually bound. Fails as Docker does:
     * {@code Bind for 0.0.0.0:8080 failed: port is already allocated}.
     */
    public PublishedPort publish(String owner, PortBinding b) throws IOException {
        IOException last = null;
        int from = b.hostPortStart();
        int to = b.hostPortEnd();
        for (int port = from; port <= to; port++) {
            try {
                Forwarder f = open(b, port);
                byOwner.computeIfAbsent(owner, k -> new ArrayList<>());
                synchronized (byOwner.get(owner)) {
                    byOwner.get(owner).add(f);
                }
                return f.published();
            } catch (BindException e) {
                last = e;
            }
        }
        String why = last != null && last.getMessage() != null && last.getMessage().contains("in use")
                ? "port is already allocated"
                : (last == null || last.getMessage() == null ? "no port available" : last.getMessage().toLowerCase());
        throw new IOException("Bind for " + b.hostText() + " failed: " + why);
    }

    /** Publishes all, or none: on a failure the ones already bound for this call are released. */
    public List<PublishedPort> publishAll(String owner, List<PortBinding> bindings) throws IOException {
        List<PublishedPort> out = new ArrayList<>();
        try {
            for (PortBinding b : bindings) {
                out.add(publish(owner, b));
            }
        } catch (IOException e) {
            List<Forwarder> fs = byOwner.getOrDefault(owner, List.of());
            synchronized (fs) {
                fs.removeIf(f -> {
                    boolean mine = out.contains(f.published());
                    if (mine) {
                        f.close();
                    }
                    return mine;
                });
            }
            throw e;
        }
        return out;
    }

    public List<PublishedPort> published(String owner) {
        List<Forwarder> fs = byOwner.getOrDefault(owner, List.of());
        synchronized (fs) {
            return fs.stream().map(Forwarder::published).toList();
        }
    }

    /** Stops every relay of the owner and frees its ports; open connections are closed. */
    public void unpublish(String owner) {
        List<Forwarder> fs = byOwner.remove(owner);
        if (fs != null) {
            synchronized (fs) {
                fs.forEach(Forwarder::close);
            }
        }
    }

    private static Forwarder open(PortBinding b, int port) throws IOException {
        InetSocketAddress addr = new InetSocketAddress(b.hostIp(), port);
        if (b.protocol().equals("tcp")) {
            ServerSocketChannel s = ServerSocketChannel.open();
            try {
                s.setOption(StandardSocketOptions.SO_REUSEADDR, true);
                s.bind(addr, 1024);
            } catch (IOException e) {
                s.close();
                throw e;
            }
            int bound = ((InetSocketAddress) s.getLocalAddress()).getPort();
            return new TcpForwarder(s, new PublishedPort("tcp", b.hostIp(), bound, b.containerIp(), b.containerPort()));
        }
        DatagramChannel d = DatagramChannel.open();
        try {
            d.bind(addr);
        } catch (IOException e) {
            d.close();
            throw e;
        }
        int bound = ((InetSocketAddress) d.getLocalAddress()).getPort();
        return new UdpForwarder(d, new PublishedPort("udp", b.hostIp(), bound, b.containerIp(), b.containerPort()));
    }

    @Override
    public void close() {
        List.copyOf(byOwner.keySet()).forEach(this::unpublish);
    }
}
