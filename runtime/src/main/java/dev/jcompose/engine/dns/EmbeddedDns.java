package dev.jcompose.engine.dns;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.xbill.DNS.Message;

/**
 * The embedded DNS server: UDP and TCP listeners on each network's gateway address, port 53.
 *
 * <p>Why the gateway and not 127.0.0.11 inside each container as Docker does: listening on
 * 127.0.0.11 would need a socket opened inside every container's network namespace, i.e. the JVM
 * entering the netns with setns(2), which DESIGN.md forbids (setns affects only the calling thread
 * and the JVM moves work between threads). The gateway address is on the bridge in the host's
 * namespace, reachable from every member of the network, so one plain socket per network does;
 * containers' resolv.conf names that address.
 *
 * <p>Questions are answered from an immutable {@link NameTable} held in an {@link AtomicReference}
 * and swapped whole by {@link #update} as containers come and go, so the query path takes no lock.
 * The asker's networks are those whose subnet holds its source address. Everything not local is
 * forwarded to the upstream servers on a separate pool (a slow upstream never holds up local
 * answers); with no upstream ({@code JCOMPOSE_DNS_UPSTREAM=none}) or no upstream answering, the
 * reply is SERVFAIL, as Docker's embedded DNS replies. UDP is served by {@link UdpServer} (several
 * receiver threads, and local answers replayed from an {@link AnswerCache} kept per snapshot).
 */
public final class EmbeddedDns implements AutoCloseable {
    private static final Duration UPSTREAM_TIMEOUT = Duration.ofSeconds(2);

    private final AtomicReference<NameTable> table = new AtomicReference<>(NameTable.EMPTY);
    private final LocalAnswers local = new LocalAnswers(table::get);
    private final AnswerCache cache = new AnswerCache(local::turn);
    private final Upstreams upstreams;
    private final Map<String, AutoCloseable[]> listeners = new ConcurrentHashMap<>();
    private final ExecutorService forwarding = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "dns-forward");
        t.setDaemon(true);
        return t;
    });

    /** {@code upstreamServers}: addresses, optionally {@code host:port}; empty for none. */
    public EmbeddedDns(List<String> upstreamServers) {
        this.upstreams = new Upstreams(upstreamServers, UPSTREAM_TIMEOUT);
    }

    /** Upstreams from {@code JCOMPOSE_DNS_UPSTREAM} ("none" for none), else the host's resolv.conf. */
    public static List<String> upstreamFrom(Map<String, String> env, Path resolvConf) {
        String v = env.get("JCOMPOSE_DNS_UPSTREAM");
        if (v != null) {
            return v.trim().equals("none") ? List.of() : List.of(v.split(","));
        }
        try {
            return Files.readAllLines(resolvConf).stream().map(String::trim).filter(l -> l.startsWith("nameserver"))
                    .map(l -> l.split("\\s+")).filter(f -> f.length > 1).map(f -> f[1]).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Swaps in the names of the containers now running. */
    public void update(NameTable next) {
        table.set(next);
    }

    public NameTable table() {
        return table.get();
    }

    /** Starts answering on {@code address}:{@code port} over UDP and TCP; a no-op when already listening there. */
    public synchronized void listen(String address, int port) throws IOException {
        String key = address + ":" + port;
        if (listeners.containsKey(key)) {
            return;
        }
        InetSocketAddress at = new InetSocketAddress(InetAddress.getByName(address), port);
        ServerSocket tcp = new ServerSocket();
        tcp.setReuseAddress(true);
        UdpServer udp;
        try {
            tcp.bind(at);
            udp = UdpServer.start(at, new UdpServer.Answering(table::get, local, cache, upstreams, forwarding));
        } catch (IOException e) {
            tcp.close();
            throw new IOException("could not listen for DNS on " + key + ": " + e.getMessage(), e);
        }
        listeners.put(key, new AutoCloseable[] {udp, tcp});
        start("dns-tcp-" + key, () -> serveTcp(tcp));
    }

    private static void start(String name, Runnable r) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
    }

    public synchronized void stop(String address, int port) {
        closeAll(listeners.remove(address + ":" + port));
    }

    private static void closeAll(AutoCloseable[] sockets) {
        if (sockets == null) {
            return;
        }
        for (AutoCloseable s : sockets) {
            try {
                s.close();
            } catch (Exception e) {
                // closing a listener cannot fail in a way worth reporting
            }
        }
    }

    private void serveTcp(ServerSocket server) {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                start("dns-tcp-conn", () -> serveConnection(s));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serveConnection(Socket s) {
        try (s) {
            s.setSoTimeout(10_000);
            DataInputStream in = new DataInputStream(s.getInputStream());
            DataOutputStream out = new DataOutputStream(s.getOutputStream());
            while (true) {
                int len = in.readUnsignedShort();
                byte[] query = in.readNBytes(len);
                byte[] answer = answer(s.getInetAddress().getHostAddress(), query);
                out.writeShort(answer.length);
                out.write(answer);
                out.flush();
            }
        } catch (IOException | RuntimeException e) {
            // the connection ended or sent garbage
        }
    }

    /** The wire answer to one query from {@code asker} (local, else forwarded; blocks while forwarding). */
    byte[] answer(String asker, byte[] query) throws IOException {
        Message q = new Message(query);
        Message r = local.answer(asker, q);
        return (r != null ? r : upstreams.forward(q)).toWire();
    }

    @Override
    public void close() {
        listeners.values().forEach(EmbeddedDns::closeAll);
        listeners.clear();
        forwarding.shutdownNow();
    }
}
