package dev.jcompose.engine.dns;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;
import jnr.ffi.annotations.SaveError;

/**
 * One UDP socket through libc (jnr-ffi), for the DNS receivers: {@code recvfrom} into native
 * memory with the sender's address written into a reused {@code sockaddr} buffer, so receiving and
 * replying allocate nothing on the Java heap (a {@code DatagramChannel} makes a new
 * InetSocketAddress for every sender it did not see last, and DNS clients ask from a new port
 * each time). Bound with SO_REUSEPORT, so several of them share one address. One receiving thread
 * per socket ({@link #receive}, {@link #reply}); {@link #send} may be called from any thread.
 * {@link #shutdown} wakes the receiver (its receive returns -1), which then {@link #close}s.
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
    private static final int SOCKADDR_MAX = 28;
    static final int MAX_DATAGRAM = 65535;

    /** libc as jnr-ffi binds it; the per-query calls take native memory only and save no errno. */
    public interface LibC {
        @SaveError
        int socket(int domain, int type, int protocol);

        @SaveError
        int setsockopt(int fd, int level, int name, byte[] value, int len);

        @SaveError
        int bind(int fd, byte[] addr, int len);

        long recvfrom(int fd, Pointer buf, long len, int flags, Pointer addr, Pointer addrLen);

        long sendto(int fd, Pointer buf, long len, int flags, Pointer addr, int addrLen);

        long sendto(int fd, byte[] buf, long len, int flags, byte[] addr, int addrLen);

        int shutdown(int fd, int how);

        int close(int fd);
    }

    private static final class Holder {
        static final LibC LIBC = LibraryLoader.create(LibC.class).load("c");
    }

    private final LibC libc;
    private final int fd;
    private final Pointer rx;
    private final Pointer tx;
    private final Pointer sender;
    private final Pointer senderLength;
    private volatile boolean shut;
    private boolean closed;

    private NativeUdpSocket(LibC libc, int fd) {
        this.libc = libc;
        this.fd = fd;
        Runtime r = Runtime.getRuntime(libc);
        this.rx = Memory.allocateDirect(r, MAX_DATAGRAM);
        this.tx = Memory.allocateDirect(r, MAX_DATAGRAM);
        this.sender = Memory.allocateDirect(r, SOCKADDR_MAX, true);
        this.senderLength = Memory.allocateDirect(r, 4, true);
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
     * Waits for the next datagram and copies up to {@code into.length} bytes of it into {@code into};
     * returns its length, 0 for a timeout or an interruption, -1 once {@link #shutdown} was called.
     */
    int receive(byte[] into) {
        while (!shut) {
            senderLength.putInt(0, SOCKADDR_MAX);
            long n = libc.recvfrom(fd, rx, MAX_DATAGRAM, 0, sender, senderLength);
            if (shut) {
                break;
            }
            if (n < 0) {
                return 0;
            }
            int length = (int) Math.min(n, into.length);
            rx.get(0, into, 0, length);
            return length;
        }
        return -1;
    }

    /**
     * Writes the last datagram's sender address bytes (4 or 16) into {@code v4} or {@code v6};
     * returns the array written, or null for another family.
     */
    byte[] sender(byte[] v4, byte[] v6) {
        int family = sender.getShort(0);
        if (family == AF_INET) {
            sender.get(4, v4, 0, 4);
            return v4;
        }
        if (family == AF_INET6) {
            sender.get(8, v6, 0, 16);
            return v6;
        }
        return null;
    }

    /** The last datagram's sender, as a new address (for the paths that may allocate). */
    InetSocketAddress senderAddress() throws UnknownHostException {
        int port = (sender.getByte(2) & 0xff) << 8 | sender.getByte(3) & 0xff;
        byte[] ip = sender(new byte[4], new byte[16]);
        if (ip == null) {
            throw new UnknownHostException("not an IPv4 or IPv6 sender");
        }
        return new InetSocketAddress(InetAddress.getByAddress(ip), port);
    }

    /** Sends {@code length} bytes of {@code reply}, with {@code id0 id1} as its first two bytes, to the last datagram's sender. */
    void reply(byte[] reply, int length, byte id0, byte id1) {
        tx.put(0, reply, 0, length);
        tx.putByte(0, id0);
        tx.putByte(1, id1);
        libc.sendto(fd, tx, length, 0, sender, senderLength.getInt(0));
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
