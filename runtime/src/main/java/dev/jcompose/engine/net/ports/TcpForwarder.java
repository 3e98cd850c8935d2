package dev.jcompose.engine.net.ports;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP listener on the host that opens a connection to the container for every client and copies
 * both ways (blocking NIO channels, one thread per direction); half-closes are passed on.
 */
final class TcpForwarder implements Forwarder {
    private static final int BUFFER = 256 * 1024;
    private final ServerSocketChannel server;
    private final PublishedPort published;
    private final InetSocketAddress target;
    private final Set<SocketChannel> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    TcpForwarder(ServerSocketChannel server, PublishedPort published) {
        this.server = server;
        this.published = published;
        this.target = new InetSocketAddress(published.containerIp(), published.containerPort());
        Thread t = new Thread(this::acceptLoop, "proxy-tcp-" + published.hostPort());
        t.setDaemon(true);
        t.start();
    }

    @Override
    public PublishedPort published() {
        return published;
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                SocketChannel client = server.accept();
                open.add(client);
                Thread t = new Thread(() -> connect(client), "proxy-tcp-conn-" + published.hostPort());
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    private void connect(SocketChannel client) {
        SocketChannel upstream;
        try {
            upstream = SocketChannel.open();
            open.add(upstream);
            upstream.setOption(StandardSocketOptions.TCP_NODELAY, true);
            client.setOption(StandardSocketOptions.TCP_NODELAY, true);
            upstream.connect(target);
        } catch (IOException e) {
            closeQuietly(client);
            return;
        }
        AtomicInteger done = new AtomicInteger();
        Thread back = new Thread(() -> copy(upstream, client, done), "proxy-tcp-back-" + published.hostPort());
        back.setDaemon(true);
        back.start();
        copy(client, upstream, done);
    }

    /** Copies until EOF and half-closes the other side; the second direction to finish closes both. */
    private void copy(SocketChannel from, SocketChannel to, AtomicInteger done) {
        ByteBuffer buf = ByteBuffer.allocateDirect(BUFFER);
        try {
            while (from.read(buf) >= 0) {
                buf.flip();
                while (buf.hasRemaining()) {
                    to.write(buf);
                }
                buf.clear();
            }
            to.shutdownOutput();
            if (done.incrementAndGet() == 2) {
                closeQuietly(from);
                closeQuietly(to);
            }
        } catch (IOException e) {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private void closeQuietly(SocketChannel c) {
        open.remove(c);
        try {
            c.close();
        } catch (IOException ignored) {
            // closing after a failure: nothing left to report
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // already closed
        }
        open.forEach(this::closeQuietly);
    }
}
