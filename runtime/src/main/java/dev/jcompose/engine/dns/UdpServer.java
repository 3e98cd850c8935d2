package dev.jcompose.engine.dns;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
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
 * {@link AnswerCache} when it was asked before under the same snapshot (looked up with the
 * thread's reusable {@link AnswerCache.Probe}, copied into the thread's reply buffer with the
 * query's ID: no allocation of ours; the JDK's receive still makes the sender's InetSocketAddress
 * when the sender changes, about 120 bytes), else parsed and rendered by dnsjava (and the
 * renderings stored); anything else goes to the upstreams on the forwarding pool.
 */
final class UdpServer implements AutoCloseable {
    static final int RECEIVERS = Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors()));

    /** What the server needs from the engine: the current table, the local answers, the upstream path. */
    record Answering(Supplier<NameTable> table, LocalAnswers local, AnswerCache cache, Upstreams upstreams, Executor forwarding) {
    }

    private final List<DatagramChannel> channels;
    private final Answering answering;

    private UdpServer(List<DatagramChannel> channels, Answering answering) {
        this.channels = channels;
        this.answering = answering;
    }

    /** Binds {@link #RECEIVERS} sockets to {@code at} and starts serving them; throws when the address cannot be bound. */
    static UdpServer start(InetSocketAddress at, Answering answering) throws IOException {
        List<DatagramChannel> channels = new ArrayList<>();
        try {
            for (int i = 0; i < RECEIVERS; i++) {
                DatagramChannel ch = DatagramChannel.open(at.getAddress() instanceof Inet6Address ? StandardProtocolFamily.INET6
                        : StandardProtocolFamily.INET);
                channels.add(ch);
                ch.setOption(StandardSocketOptions.SO_REUSEADDR, true);
                if (ch.supportedOptions().contains(StandardSocketOptions.SO_REUSEPORT)) {
                    ch.setOption(StandardSocketOptions.SO_REUSEPORT, true);
                } else if (i > 0) {
                    ch.close();
                    channels.remove(ch);
                    break;
                }
                ch.setOption(StandardSocketOptions.SO_RCVBUF, 1 << 20);
                ch.bind(at);
            }
        } catch (IOException e) {
            closeAll(channels);
            throw e;
        }
        UdpServer server = new UdpServer(List.copyOf(channels), answering);
        for (int i = 0; i < channels.size(); i++) {
            DatagramChannel ch = channels.get(i);
            String name = "dns-udp-" + at.getAddress().getHostAddress() + ":" + at.getPort() + "-" + i;
            Thread t = new Thread(() -> server.serve(ch), name);
            t.setDaemon(true);
            t.start();
        }
        return server;
    }

    private void serve(DatagramChannel channel) {
        byte[] buf = new byte[65535];
        ByteBuffer in = ByteBuffer.wrap(buf);
        byte[] reply = new byte[65535];
        ByteBuffer out = ByteBuffer.wrap(reply);
        AnswerCache.Probe probe = new AnswerCache.Probe();
        while (channel.isOpen()) {
            try {
                in.clear();
                InetSocketAddress from = (InetSocketAddress) channel.receive(in);
                int length = in.position();
                if (length < 12) {
                    continue; // shorter than a header: dropped, as a parse failure is
                }
                NameTable table = answering.table().get();
                byte[] stored = answering.cache().get(table, probe.set(from.getAddress(), buf, length));
                if (stored == null) {
                    stored = answerOrForward(channel, table, probe.toKey(), from, Arrays.copyOf(buf, length));
                    if (stored == null) {
                        continue;
                    }
                }
                System.arraycopy(stored, 2, reply, 2, stored.length - 2);
                reply[0] = buf[0];
                reply[1] = buf[1];
                out.clear().limit(stored.length);
                channel.send(out, from);
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException | RuntimeException e) {
                // a malformed query is dropped
            }
        }
    }

    /** Renders a local answer (storing every turn of it) and returns this turn, or hands the query to the forwarders and returns null. */
    private byte[] answerOrForward(DatagramChannel channel, NameTable table, AnswerCache.Key key, InetSocketAddress from, byte[] query)
            throws IOException {
        Message q = new Message(query);
        int max = q.getOPT() != null ? Math.max(512, q.getOPT().getPayloadSize()) : 512;
        List<Message> turns = answering.local().answers(from.getAddress().getHostAddress(), q, table);
        if (turns == null) {
            answering.forwarding().execute(() -> send(channel, answering.upstreams().forward(q).toWire(max), from));
            return null;
        }
        byte[][] wires = new byte[turns.size()][];
        for (int i = 0; i < wires.length; i++) {
            wires[i] = turns.get(i).toWire(max);
        }
        answering.cache().put(table, key, wires);
        return wires[answering.local().turn(wires.length)];
    }

    private static void send(DatagramChannel channel, byte[] wire, InetSocketAddress to) {
        try {
            channel.send(ByteBuffer.wrap(wire), to);
        } catch (IOException e) {
            // the asker is gone
        }
    }

    private static void closeAll(List<DatagramChannel> channels) {
        for (DatagramChannel ch : channels) {
            try {
                ch.close();
            } catch (IOException e) {
                // closing a listener cannot fail in a way worth reporting
            }
        }
    }

    @Override
    public void close() {
        closeAll(channels);
    }
}
