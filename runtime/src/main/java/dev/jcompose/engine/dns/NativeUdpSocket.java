package dev.jcompose.engine.dns;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;
import jnr.ffi.annotations.SaveError;

/**
 * One UDP socket through libc (jnr-ffi), for the DNS receivers: {@code recvmmsg} takes up to
 * {@link DatagramBatch#SIZE} waiting datagrams in one call (blocking for the first only,
 * {@code MSG_WAITFORONE}) into native memory, with each sender's address in a reused
 * {@code sockaddr}, and {@code sendmmsg} sends their replies in one call; so receiving and
 * replying allocate nothing on the Java heap (a {@code DatagramChannel} makes a new
 * InetSocketAddress for every sender it did not see last, and DNS clients ask from a new port each
 * time), and a busy socket costs two system calls per batch, not per question. Bound with
 * SO_REUSEPORT, so several of them share one address. One receiving thread per socket
 * ({@link #receive}, {@link #queueReply}, {@link #sendReplies}); {@link #send} may be called from any
 * thread. {@link #shutdown} wakes the receiver (its receive returns -1), which then {@link #close}s.
 */
final class NativeUdpSocket {
    private static final int AF_INET = 2;
    private static final int AF_INET6 = 10;
    private static final int SOCK_DGRAM = 2;
    private static final int SOCK_CLOEXEC = 02000000;
    private static final int SOL_SOCKET = 1;
    private static final int SO_REUSEADDR = 2;
    private static final int SO_RCVBUF = 8;
    private static final int SO_REUSEPORT = 15;
    private static final int SO_RCVTIMEO = 20;
    private static final int SHUT_RDWR = 2;
    private static final int MSG_WAITFORONE = 0x10000;
    private static final int SOCKADDR_MAX = DatagramBatch.SOCKADDR_MAX;
    /** The longest question kept (a longer one is dropped). */
    static final int MAX_DATAGRAM = DatagramBatch.SLOT;

    /** libc as jnr-ffi binds it; the per-query calls take native memory only and save no errno. */
    public interface LibC {
        @SaveError
        int socket(int domain, int type, int protocol);

        @SaveError
        int setsockopt(int fd, int level, int name, byte[] value, int len);

        @SaveError
        int bind(int fd, byte[] addr, int len);

        /** {@code msgvec} and {@code timeout} as addresses (LP64: a pointer is passed as a 64-bit integer). */
        int recvmmsg(int fd, long msgvec, int vlen, int flags, long timeout);

        int sendmmsg(int fd, long msgvec, int vlen, int flags);

        long sendto(int fd, byte[] buf, long len, int flags, byte[] addr, int addrLen);

        int shutdown(int fd, int how);

        int close(int fd);
    }

    private static final class Holder {
        static final LibC LIBC = LibraryLoader.create(LibC.class).load("c");
    }

    private final LibC libc;
    private final int fd;
    private final DatagramBatch batch;
    private volatile boolean shut;
    private boolean closed;

    private NativeUdpSocket(LibC libc, int fd) {
        this.libc = libc;
        this.fd = fd;
        this.batch = new DatagramBatch(Runtime.getRuntime(libc));
    }

    /** A socket bound to {@code at} with SO_REUSEPORT (and a 1 s receive timeout, so a missed wake-up still ends the receiver). */
    static NativeUdpSocket bind(InetSocketAddress at) throws IOException {
        LibC libc = Holder.LIBC;
        boolean v6 = at.getAddress() instanceof Inet6Address;
        int fd = libc.socket(v6 ? AF_INET6 : AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        if (fd < 0) {
            throw new IOException("could not open a UDP socket: " + errno(libc));
        }
        byte[] one = intBytes(1);
        byte[] timeout = ByteBuffer.allocate(16).order(ByteOrder.nativeOrder()).putLong(1).putLong(0).array();
        byte[] addr = sockaddr(at);
        if (libc.setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, one, 4) < 0 || libc.setsockopt(fd, SOL_SOCKET, SO_REUSEPORT, one, 4) < 0
                || libc.setsockopt(fd, SOL_SOCKET, SO_RCVBUF, intBytes(1 << 20), 4) < 0
                || libc.setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, timeout, timeout.length) < 0 || libc.bind(fd, addr, addr.length) < 0) {
            String e = errno(libc);
            libc.close(fd);
            throw new IOException("could not bind UDP " + at.getAddress().getHostAddress() + ":" + at.getPort() + ": " + e);
        }
        return new NativeUdpSocket(libc, fd);
    }

    /**
     * Waits for the next datagrams (up to {@link DatagramBatch#SIZE} of those waiting); returns how
     * many were received, 0 for a timeout or an interruption, -1 once {@link #shutdown} was called.
     */
    int receive() {
        while (!shut) {
            batch.resetReceived();
            int n = libc.recvmmsg(fd, batch.rxHeaders(), DatagramBatch.SIZE, MSG_WAITFORONE, 0L);
            if (shut) {
                break;
            }
            return Math.max(n, 0);
        }
        return -1;
    }

    /** Copies datagram {@code i} of the last batch into {@code into}; returns its length, or -1 when it was too long to keep. */
    int datagram(int i, byte[] into) {
        int length = batch.length(i);
        if (length < 0 || length > into.length) {
            return -1;
        }
        batch.copy(i, into, length);
        return length;
    }

    /**
     * Writes datagram {@code i}'s sender address bytes (4 or 16) into {@code v4} or {@code v6};
     * returns the array written, or null for another family.
     */
    byte[] sender(int i, byte[] v4, byte[] v6) {
        Pointer a = batch.senders();
        long at = batch.senderOffset(i);
        int family = a.getShort(at);
        if (family == AF_INET) {
            a.get(at + 4, v4, 0, 4);
            return v4;
        }
        if (family == AF_INET6) {
            a.get(at + 8, v6, 0, 16);
            return v6;
        }
        return null;
    }

    /** Datagram {@code i}'s sender, as a new address (for the paths that may allocate). */
    InetSocketAddress senderAddress(int i) throws UnknownHostException {
        Pointer a = batch.senders();
        long at = batch.senderOffset(i);
        int port = (a.getByte(at + 2) & 0xff) << 8 | a.getByte(at + 3) & 0xff;
        byte[] ip = sender(i, new byte[4], new byte[16]);
        if (ip == null) {
            throw new UnknownHostException("not an IPv4 or IPv6 sender");
        }
        return new InetSocketAddress(InetAddress.getByAddress(ip), port);
    }

    /** Queues {@code length} bytes of {@code reply}, with {@code id0 id1} as its first two bytes, to datagram {@code i}'s sender. */
    void queueReply(int i, byte[] reply, int length, byte id0, byte id1) {
        if (!batch.queue(i, reply, length, id0, id1)) {
            sendReplies();
            batch.queue(i, reply, length, id0, id1);
        }
    }

    /** Sends the queued replies (one {@code sendmmsg}; a reply the kernel refuses is skipped, as a lost datagram). */
    void sendReplies() {
        int count = batch.queued();
        int done = 0;
        while (done < count) {
            int n = libc.sendmmsg(fd, batch.txHeader(done), count - done, 0);
            done += n > 0 ? n : 1;
        }
        batch.clearQueued();
    }

    /** Sends {@code wire} to {@code to}, from any thread (the forwarding path); nothing once closed (the fd number may be another file's by then). */
    synchronized void send(byte[] wire, InetSocketAddress to) {
        if (!closed) {
            byte[] addr = sockaddr(to);
            libc.sendto(fd, wire, wire.length, 0, addr, addr.length);
        }
    }

    /** Wakes the receiver and makes {@link #receive} return -1; the receiver then closes the socket. */
    void shutdown() {
        shut = true;
        libc.shutdown(fd, SHUT_RDWR);
    }

    synchronized void close() {
        if (!closed) {
            closed = true;
            libc.close(fd);
        }
    }

    private static byte[] sockaddr(InetSocketAddress at) {
        byte[] ip = at.getAddress().getAddress();
        ByteBuffer b = ByteBuffer.allocate(ip.length == 4 ? 16 : SOCKADDR_MAX).order(ByteOrder.nativeOrder());
        b.putShort((short) (ip.length == 4 ? AF_INET : AF_INET6));
        b.order(ByteOrder.BIG_ENDIAN).putShort((short) at.getPort());
        if (ip.length == 4) {
            b.put(ip);
        } else {
            b.putInt(0).put(ip).order(ByteOrder.nativeOrder()).putInt(at.getAddress() instanceof Inet6Address a6 ? a6.getScopeId() : 0);
        }
        return b.array();
    }

    private static byte[] intBytes(int v) {
        return ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt(v).array();
    }

    private static String errno(LibC libc) {
        int e = Runtime.getRuntime(libc).getLastError();
        return "errno " + e + (e == 98 ? " (Address already in use)" : e == 99 ? " (Cannot assign requested address)" : "");
    }
}
