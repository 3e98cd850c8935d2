package dev.jcompose.engine.dns;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * The embedded DNS server: one UDP listener on each network's gateway address, port 53 (the
 * containers' resolv.conf points there; the engine cannot listen at 127.0.0.11 inside each netns
 * because the JVM never enters namespaces). It answers A queries for the names of the asking
 * container's networks from an immutable {@link NameTable} swapped as containers come and go —
 * round-robin over several addresses, TTL 600 as Docker's — and forwards the rest to the upstream
 * resolvers ({@code JCOMPOSE_DNS_UPSTREAM}: comma-separated addresses, or {@code none}: answer
 * local names only and REFUSED for others).
 */
public final class EmbeddedDns implements AutoCloseable {
    private static final long TTL = 600;

    private final AtomicReference<NameTable> table = new AtomicReference<>(NameTable.EMPTY);
    private final Map<String, DatagramSocket> listeners = new ConcurrentHashMap<>();
    private final List<Resolver> upstream;
    private final AtomicInteger rotation = new AtomicInteger();

    public EmbeddedDns(List<String> upstreamServers) {
        List<Resolver> r = new ArrayList<>();
        for (String s : upstreamServers) {
            try {
                SimpleResolver res = new SimpleResolver(s);
                res.setTimeout(java.time.Duration.ofSeconds(2));
                r.add(res);
            } catch (java.net.UnknownHostException e) {
                // an unusable upstream entry is skipped
            }
        }
        this.upstream = List.copyOf(r);
    }

    /** Upstreams from {@code JCOMPOSE_DNS_UPSTREAM} ("none" for none), else the host's resolv.conf. */
    public static List<String> upstreamFrom(Map<String, String> env, java.nio.file.Path resolvConf) {
        String v = env.get("JCOMPOSE_DNS_UPSTREAM");
        if (v != null) {
            return v.equals("none") ? List.of() : List.of(v.split(","));
        }
        try {
            return java.nio.file.Files.readAllLines(resolvConf).stream().filter(l -> l.startsWith("nameserver"))
                    .map(l -> l.split("\\s+")[1]).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    public void update(NameTable next) {
        table.set(next);
    }

    /** Starts answering on {@code address}:{@code port} (a network's gateway); a no-op when already listening there. */
    public synchronized void listen(String address, int port) throws IOException {
        String key = address + ":" + port;
        if (listeners.containsKey(key)) {
            return;
        }
        DatagramSocket socket = new DatagramSocket(null);
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getByName(address), port));
        listeners.put(key, socket);
        Thread t = new Thread(() -> serve(socket), "dns-" + address);
        t.setDaemon(true);
        t.start();
    }

    public synchronized void stop(String address, int port) {
        DatagramSocket s = listeners.remove(address + ":" + port);
        if (s != null) {
            s.close();
        }
    }

    private void serve(DatagramSocket socket) {
        byte[] buf = new byte[4096];
        while (!socket.isClosed()) {
            try {
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                socket.receive(p);
                byte[] answer = answer(p.getAddress().getHostAddress(), java.util.Arrays.copyOf(p.getData(), p.getLength()));
                if (answer != null) {
                    socket.send(new DatagramPacket(answer, answer.length, p.getSocketAddress()));
                }
            } catch (SocketException e) {
                return;
            } catch (IOException e) {
                // a malformed query is dropped
            }
        }
    }

    /** The wire answer to one query from {@code asker}, or null to drop it. */
    byte[] answer(String asker, byte[] query) throws IOException {
        Message q = new Message(query);
        Record question = q.getQuestion();
        if (question == null) {
            return null;
        }
        Message r = new Message(q.getHeader().getID());
        r.getHeader().setFlag(Flags.QR);
        r.getHeader().setFlag(Flags.RA);
        if (q.getHeader().getFlag(Flags.RD)) {
            r.getHeader().setFlag(Flags.RD);
        }
        r.addRecord(question, Section.QUESTION);
        Name name = question.getName();
        String plain = name.toString(true);
        List<String> local = table.get().lookup(asker, plain);
        if (!local.isEmpty()) {
            // a local name: its A records; for other types (AAAA …) an empty answer, never the upstream's
            r.getHeader().setFlag(Flags.AA);
            if (question.getType() == Type.A) {
                List<String> addrs = new ArrayList<>(local);
                Collections.rotate(addrs, rotation.getAndIncrement() % Math.max(1, addrs.size()));
                for (String a : addrs) {
                    r.addRecord(new ARecord(name, DClass.IN, TTL, InetAddress.getByName(a)), Section.ANSWER);
                }
            }
            return r.toWire();
        }
        for (Resolver u : upstream) {
            try {
                Message forwarded = u.send(q);
                return forwarded.toWire();
            } catch (IOException e) {
                // try the next upstream
            }
        }
        r.getHeader().setRcode(upstream.isEmpty() ? Rcode.REFUSED : Rcode.SERVFAIL);
        return r.toWire();
    }

    @Override
    public void close() {
        listeners.values().forEach(DatagramSocket::close);
        listeners.clear();
    }
}
