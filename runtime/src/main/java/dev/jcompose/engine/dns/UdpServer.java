package dev.jcompose.engine.dns;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.xbill.DNS.Message;

/**
 * The UDP side of one listening address: {@link #RECEIVERS} sockets bound to the same address
 * with SO_REUSEPORT (the kernel spreads askers over them), each served by its own thread, so
 * receiving, answering and sending run on every core. Questions come in batches (what is waiting,
 * one {@code recvmmsg}) and their replies go out together (one {@code sendmmsg}). A local question is answered from the
 * {@link AnswerCache} when it was asked before under the same snapshot (looked up with the
 * thread's reusable {@link AnswerCache.Probe} and sent with the query's ID written in): with the
 * sockets' native buffers ({@link NativeUdpSocket}) that path allocates nothing, so a steady
 * stream of questions causes no garbage collection (and no GC pause in the answers' tail). Else
 * the question is parsed and rendered by dnsjava (and the renderings stored); anything not local
 * goes to the upstreams on the forwarding pool.
 */
final class UdpServer implements AutoCloseable {
    static final int RECEIVERS = Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors()));

    /** What the server needs from the engine: the current table, the local answers, the upstream path. */
    record Answering(Supplier<NameTable> table, LocalAnswers local, AnswerCache cache, Upstreams upstreams, Executor forwarding) {
    }

    private final List<NativeUdpSocket> sockets;
    private final List<Thread> receivers = new ArrayList<>();
    private final Answering answering;

    private UdpServer(List<NativeUdpSocket> sockets, Answering answering) {
        this.sockets = sockets;
        this.answering = answering;
    }

    /** Binds {@link #RECEIVERS} sockets to {@code at} and starts serving them; throws when the address cannot be bound. */
    static UdpServer start(InetSocketAddress at, Answering answering) throws IOException {
        List<NativeUdpSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < RECEIVERS; i++) {
                sockets.add(NativeUdpSocket.bind(at));
            }
        } catch (IOException e) {
            sockets.forEach(NativeUdpSocket::close);
            throw e;
        }
        UdpServer server = new UdpServer(List.copyOf(sockets), answering);
        for (int i = 0; i < sockets.size(); i++) {
            NativeUdpSocket socket = sockets.get(i);
            String name = "dns-udp-" + at.getAddress().getHostAddress() + ":" + at.getPort() + "-" + i;
            Thread t = new Thread(() -> server.serve(socket), name);
            t.setDaemon(true);
            server.receivers.add(t);
            t.start();
        }
        return server;
    }

    private void serve(NativeUdpSocket socket) {
        byte[] buf = new byte[NativeUdpSocket.MAX_DATAGRAM];
        byte[] v4 = new byte[4];
        byte[] v6 = new byte[16];
        AnswerCache.Probe probe = new AnswerCache.Probe();
        try {
            for (int count; (count = socket.receive()) >= 0; ) {
                for (int i = 0; i < count; i++) {
                    answer(socket, i, buf, v4, v6, probe);
                }
                socket.sendReplies();
            }
        } finally {
            socket.close();
        }
    }

    /** Answers datagram {@code i} of the batch just received: a reply queued, a query handed to the forwarders, or a malformed one dropped. */
    private void answer(NativeUdpSocket socket, int i, byte[] buf, byte[] v4, byte[] v6, AnswerCache.Probe probe) {
        try {
            int length = socket.datagram(i, buf);
            byte[] asker = socket.sender(i, v4, v6);
            if (length < 12 || asker == null) {
                return; // shorter than a header (or too long to keep): dropped, as a parse failure is
            }
            NameTable table = answering.table().get();
            byte[] stored = answering.cache().get(table, probe.set(asker, buf, length));
            if (stored == null) {
                stored = answerOrForward(socket, table, probe.toKey(), socket.senderAddress(i), Arrays.copyOf(buf, length));
                if (stored == null) {
                    return;
                }
            }
            socket.queueReply(i, stored, stored.length, buf[0], buf[1]);
        } catch (IOException | RuntimeException e) {
            // a malformed query is dropped
        }
    }

    /** Renders a local answer (storing every turn of it) and returns this turn, or hands the query to the forwarders and returns null. */
    private byte[] answerOrForward(NativeUdpSocket socket, NameTable table, AnswerCache.Key key, InetSocketAddress from, byte[] query)
            throws IOException {
        Message q = new Message(query);
        int max = q.getOPT() != null ? Math.max(512, q.getOPT().getPayloadSize()) : 512;
        List<Message> turns = answering.local().answers(from.getAddress().getHostAddress(), q, table);
        if (turns == null) {
            answering.forwarding().execute(() -> forward(socket, q, max, from));
            return null;
        }
        byte[][] wires = new byte[turns.size()][];
        for (int i = 0; i < wires.length; i++) {
            wires[i] = turns.get(i).toWire(max);
        }
        answering.cache().put(table, key, wires);
        return wires[answering.local().turn(wires.length)];
    }

    private void forward(NativeUdpSocket socket, Message q, int max, InetSocketAddress to) {
        try {
            socket.send(answering.upstreams().forward(q).toWire(max), to);
        } catch (RuntimeException e) {
            // the asker is gone, or the socket closed meanwhile
        }
    }

    /** Stops the receivers and waits (a few seconds at most) until each has closed its socket, so the address is free again. */
    @Override
    public void close() {
        sockets.forEach(NativeUdpSocket::shutdown);
        for (Thread t : receivers) {
            try {
                t.join(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
