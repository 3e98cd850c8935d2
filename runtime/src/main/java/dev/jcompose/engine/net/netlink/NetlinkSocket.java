package dev.jcompose.engine.net.netlink;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Runtime;
import jnr.ffi.annotations.SaveError;

/**
 * A {@code NETLINK_ROUTE} socket in the engine's own network namespace, through libc: requests that
 * expect an ACK, and dumps read until {@code NLMSG_DONE}. One caller at a time (synchronized).
 */
public final class NetlinkSocket implements AutoCloseable {
    private static final int AF_NETLINK = 16;
    private static final int SOCK_RAW = 3;
    private static final int SOCK_CLOEXEC = 02000000;
    private static final int NETLINK_ROUTE = 0;
    private static final int SOCKADDR_NL_LEN = 12;
    private static final int SOL_SOCKET = 1;
    private static final int SO_RCVTIMEO = 20;
    private static final long RECEIVE_TIMEOUT_SECONDS = 10;

    /** libc as jnr-ffi binds it. */
    public interface LibC {
        @SaveError
        int socket(int domain, int type, int protocol);

        @SaveError
        int bind(int fd, byte[] addr, int len);

        @SaveError
        int setsockopt(int fd, int level, int name, byte[] value, int len);

        @SaveError
        long sendto(int fd, byte[] buf, long len, int flags, byte[] addr, int addrLen);

        @SaveError
        long recv(int fd, byte[] buf, long len, int flags);

        int close(int fd);
    }

    private static final class Holder {
        static final LibC LIBC = LibraryLoader.create(LibC.class).load("c");
    }

    private final LibC libc;
    private final int fd;
    private final byte[] rx = new byte[65536];
    private int seq;
    private boolean closed;

    private NetlinkSocket(LibC libc, int fd) {
        this.libc = libc;
        this.fd = fd;
    }

    public static NetlinkSocket open() throws IOException {
        LibC libc = Holder.LIBC;
        int fd = libc.socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
        if (fd < 0) {
            throw new NetlinkException("open netlink route socket", errno(libc));
        }
        byte[] sa = new byte[SOCKADDR_NL_LEN];
        sa[0] = AF_NETLINK;
        // struct timeval {tv_sec, tv_usec} on LP64: a kernel that never answers fails with EAGAIN
        byte[] tv = java.nio.ByteBuffer.allocate(16).order(java.nio.ByteOrder.nativeOrder())
                .putLong(RECEIVE_TIMEOUT_SECONDS).putLong(0).array();
        if (libc.setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, tv, tv.length) < 0 || libc.bind(fd, sa, sa.length) < 0) {
            int e = errno(libc);
            libc.close(fd);
            throw new NetlinkException("set up (receive timeout, bind) netlink route socket", e);
        }
        return new NetlinkSocket(libc, fd);
    }

    /** The next sequence number, for the builder of the next request. */
    public synchronized int nextSeq() {
        return ++seq;
    }

    /** Sends a request built with {@code NLM_F_ACK} and waits for its ACK; throws the kernel's error. */
    public synchronized List<NlMessage> request(byte[] msg, String action) throws IOException {
        send(msg, action);
        int want = seqOf(msg);
        List<NlMessage> replies = new ArrayList<>();
        while (true) {
            for (NlMessage m : receive(action)) {
                if (m.seq() != want) {
                    continue;
                }
                if (m.type() == Rtnl.NLMSG_ERROR) {
                    if (m.errno() != 0) {
                        throw new NetlinkException(action, m.errno());
                    }
                    return replies;
                }
                replies.add(m);
            }
        }
    }

    /** Sends a dump request and collects every message up to {@code NLMSG_DONE}. */
    public synchronized List<NlMessage> dump(byte[] msg, String action) throws IOException {
        send(msg, action);
        int want = seqOf(msg);
        List<NlMessage> out = new ArrayList<>();
        while (true) {
            for (NlMessage m : receive(action)) {
                if (m.seq() != want) {
                    continue;
                }
                if (m.type() == Rtnl.NLMSG_DONE) {
                    return out;
                }
                if (m.type() == Rtnl.NLMSG_ERROR) {
                    throw new NetlinkException(action, m.errno());
                }
                out.add(m);
            }
        }
    }

    private void send(byte[] msg, String action) throws IOException {
        ensureOpen();
        byte[] sa = new byte[SOCKADDR_NL_LEN];
        sa[0] = AF_NETLINK;
        if (libc.sendto(fd, msg, msg.length, 0, sa, sa.length) < 0) {
            throw new NetlinkException(action + " (send)", errno(libc));
        }
    }

    private List<NlMessage> receive(String action) throws IOException {
        long n = libc.recv(fd, rx, rx.length, 0);
        if (n < 0) {
            throw new NetlinkException(action + " (receive)", errno(libc));
        }
        return NlMessage.parseAll(rx, (int) n);
    }

    private static int seqOf(byte[] msg) {
        return java.nio.ByteBuffer.wrap(msg).order(java.nio.ByteOrder.nativeOrder()).getInt(8);
    }

    private static int errno(LibC libc) {
        return Runtime.getRuntime(libc).getLastError();
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("netlink socket is closed");
        }
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            libc.close(fd);
        }
    }
}
