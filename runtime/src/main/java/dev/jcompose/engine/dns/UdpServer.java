package dev.jcompose.engine.dns;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.net.StandardSocketOptions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.xbill.DNS.Message;

/**
 * The UDP side of one listening address: {@link #RECEIVERS} sockets bound to the same address
 * with SO_REUSEPORT (the kernel spreads askers over them), each served by its own thread, so
 * receiving, answering and sending run on every core. A local question is answered from the
 * {@link AnswerCache} when it was asked before under the same snapshot, else parsed and rendered
 * by dnsjava (and the renderings stored); anything else goes to {@code forward} on its pool.
 */
final class UdpServer implements AutoCloseable {
    static final int RECEIVERS = Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors()));

    /** What the server needs from the engine: the current table, the local answers, the upstream path. */
    record Answering(Supplier<NameTable> table, LocalAnswers local, AnswerCache cache, Upstreams upstreams, Executor forwarding) {
    }

    private final List<DatagramSocket> sockets;
    private final Answering answering;

    private UdpServer(List<DatagramSocket> sockets, Answering answering) {
        this.sockets = sockets;
        this.answering = answering;
    }

    /** Binds {@link #RECEIVERS} sockets to {@code at} and starts serving them; throws when the address cannot be bound. */
    static UdpServer start(InetSocketAddress at, Answering answering) throws IOException {
        List<DatagramSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < RECEIVERS; i++) {
                DatagramSocket s = new DatagramSocket(null);
                sockets.add(s);
                s.setReuseAddress(true);
                if (s.supportedOptions().contains(StandardSocketOptions.SO_REUSEPORT)) {
                    s.setOption(StandardSocketOptions.SO_REUSEPORT, true);
                } else if (i > 0) {
                    s.close();
                    sockets.remove(s);
                    break;
                }
                s.setReceiveBufferSize(1 << 20);
                s.bind(at);
            }
        } catch (IOException e) {
            sockets.forEach(DatagramSocket::close);
            throw e;
        }
        UdpServer server = new UdpServer(List.copyOf(sockets), answering);
        for (int i = 0; i < sockets.size(); i++) {
            DatagramSocket s = sockets.get(i);
            String name = "dns-udp-" + at.getAddress().getHostAddress() + ":" + at.getPort() + "-" + i;
            Thread t = new Thread(() -> server.serve(s), name);
            t.setDaemon(true);
            t.start();
        }
        return server;
    }

    private void serve(DatagramSocket socket) {
        byte[] buf = new byte[65535];
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        while (!socket.isClosed()) {
            try {
                p.setLength(buf.length);
                socket.receive(p);
                InetAddress from = p.getAddress();
                int port = p.getPort();
                int length = p.getLength();
                if (length < 12) {
                    continue; // shorter than a header: dropped, as a parse failure is
                }
                NameTable table = answering.table().get();
                AnswerCache.Key key = new AnswerCache.Key(from.getAddress(), buf, length);
                byte[] wire = answering.cache().get(table, key, buf[0], buf[1]);
                if (wire == null) {
                    wire = answerOrForward(socket, table, key, from, port, Arrays.copyOf(buf, length));
                }
                if (wire != null) {
                    send(socket, wire, from, port);
                }
            } catch (SocketException e) {
                return;
            } catch (IOException | RuntimeException e) {
                // a malformed query is dropped
            }
        }
    }

    /** Renders a local answer (storing every turn of it) and returns this turn, or hands the query to the forwarders and returns null. */
    private byte[] answerOrForward(DatagramSocket socket, NameTable table, AnswerCache.Key key, InetAddress from, int port, byte[] query)
            throws IOException {
        Message q = new Message(query);
        int max = q.getOPT() != null ? Math.max(512, q.getOPT().getPayloadSize()) : 512;
        List<Message> turns = answering.local().answers(from.getHostAddress(), q, table);
        if (turns == null) {
            answering.forwarding().execute(() -> send(socket, answering.upstreams().forward(q).toWire(max), from, port));
            return null;
        }
        byte[][] wires = new byte[turns.size()][];
        for (int i = 0; i < wires.length; i++) {
            wires[i] = turns.get(i).toWire(max);
        }
        answering.cache().put(table, key, wires);
        return wires[answering.local().turn(wires.length)];
    }

    private static void send(DatagramSocket socket, byte[] wire, InetAddress to, int port) {
        try {
            socket.send(new DatagramPacket(wire, wire.length, to, port));
        } catch (IOException e) {
            // the asker is gone
        }
    }

    @Override
    public void close() {
        sockets.forEach(DatagramSocket::close);
    }
}
