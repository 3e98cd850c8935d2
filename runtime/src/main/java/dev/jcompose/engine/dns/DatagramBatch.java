package dev.jcompose.engine.dns;

import jnr.ffi.Memory;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;

/**
 * The native memory of one receiver's {@code recvmmsg}/{@code sendmmsg} batches: {@link #SIZE}
 * {@code struct mmsghdr} for the datagrams received (each with its own {@link #SLOT}-byte buffer
 * and {@code sockaddr}), and as many for the replies, whose addresses point at the askers'
 * {@code sockaddr}s and whose data is copied one after another into a reply area. Laid out once,
 * reused for every batch: a batch costs one system call in and one out, however many questions
 * it carries, and allocates nothing on the Java heap.
 *
 * <pre>
 * struct mmsghdr (LP64: x86_64, aarch64)          64 bytes
 *   msg_name      void *        0                 struct iovec   16 bytes
 *   msg_namelen   socklen_t     8                   iov_base  0
 *   msg_iov       struct iovec* 16                  iov_len   8
 *   msg_iovlen    size_t        24
 *   msg_control   void *        32
 *   msg_controllen size_t       40
 *   msg_flags     int           48
 *   msg_len       unsigned int  56   (bytes received / sent)
 * </pre>
 */
final class DatagramBatch {
    /** Datagrams per system call. */
    static final int SIZE = 16;
    /** Bytes kept of a received datagram; a longer one is flagged truncated and dropped (DNS questions are far smaller). */
    static final int SLOT = 2048;
    static final int SOCKADDR_MAX = 28;
    private static final int MSG_TRUNC = 0x20;
    private static final int MMSG = 64;
    private static final int IOV = 16;
    private static final int ADDR = 32;
    private static final int REPLY_AREA = 65536;

    private final Pointer rxHeaders;
    private final Pointer txHeaders;
    private final Pointer rxData;
    private final Pointer addrs;
    private final Pointer txData;
    private final Pointer rxIov;
    private final Pointer txIov;
    private int txCount;
    private int txUsed;

    DatagramBatch(Runtime runtime) {
        if (runtime.addressSize() != 8) {
            throw new IllegalStateException("the DNS receivers need a 64-bit runtime (struct mmsghdr layout)");
        }
        rxHeaders = Memory.allocateDirect(runtime, SIZE * MMSG, true);
        txHeaders = Memory.allocateDirect(runtime, SIZE * MMSG, true);
        rxIov = Memory.allocateDirect(runtime, SIZE * IOV, true);
        txIov = Memory.allocateDirect(runtime, SIZE * IOV, true);
        rxData = Memory.allocateDirect(runtime, SIZE * SLOT);
        addrs = Memory.allocateDirect(runtime, SIZE * ADDR, true);
        txData = Memory.allocateDirect(runtime, REPLY_AREA);
        for (int i = 0; i < SIZE; i++) {
            long h = (long) i * MMSG;
            rxIov.putAddress((long) i * IOV, rxData.address() + (long) i * SLOT);
            rxIov.putLong((long) i * IOV + 8, SLOT);
            rxHeaders.putAddress(h, addrs.address() + (long) i * ADDR);
            rxHeaders.putAddress(h + 16, rxIov.address() + (long) i * IOV);
            rxHeaders.putLong(h + 24, 1);
            txHeaders.putAddress(h + 16, txIov.address() + (long) i * IOV);
            txHeaders.putLong(h + 24, 1);
        }
    }

    /** Makes the receive headers ready for the next {@code recvmmsg} (the kernel rewrote their address lengths and flags). */
    void resetReceived() {
        for (int i = 0; i < SIZE; i++) {
            long h = (long) i * MMSG;
            rxHeaders.putInt(h + 8, SOCKADDR_MAX);
            rxHeaders.putInt(h + 48, 0);
        }
    }

    /** Datagram {@code i}'s length, or -1 when it was longer than a slot (truncated). */
    int length(int i) {
        long h = (long) i * MMSG;
        return (rxHeaders.getInt(h + 48) & MSG_TRUNC) != 0 ? -1 : rxHeaders.getInt(h + 56);
    }

    /** Copies datagram {@code i} ({@code length} bytes) into {@code into}. */
    void copy(int i, byte[] into, int length) {
        rxData.get((long) i * SLOT, into, 0, length);
    }

    /** The {@code sockaddr} datagram {@code i} came from: its family at 0, port at 2, IPv4 at 4, IPv6 at 8. */
    long senderOffset(int i) {
        return (long) i * ADDR;
    }

    Pointer senders() {
        return addrs;
    }

    /**
     * Queues {@code length} bytes of {@code reply}, with {@code id0 id1} as its first two bytes, to
     * datagram {@code i}'s sender; false when the batch is full (send it, then queue again).
     */
    boolean queue(int i, byte[] reply, int length, byte id0, byte id1) {
        if (txCount == SIZE || REPLY_AREA - txUsed < length) {
            return false;
        }
        txData.put(txUsed, reply, 0, length);
        txData.putByte(txUsed, id0);
        txData.putByte(txUsed + 1L, id1);
        long iov = (long) txCount * IOV;
        txIov.putAddress(iov, txData.address() + txUsed);
        txIov.putLong(iov + 8, length);
        long h = (long) txCount * MMSG;
        txHeaders.putAddress(h, addrs.address() + (long) i * ADDR);
        txHeaders.putInt(h + 8, rxHeaders.getInt((long) i * MMSG + 8));
        txCount++;
        txUsed += length;
        return true;
    }

    /** The address of the receive headers, for {@code recvmmsg}. */
    long rxHeaders() {
        return rxHeaders.address();
    }

    /** The address of reply header {@code k}, for {@code sendmmsg} from there on. */
    long txHeader(int k) {
        return txHeaders.address() + (long) k * MMSG;
    }

    int queued() {
        return txCount;
    }

    /** Forgets the queued replies (after they were sent). */
    void clearQueued() {
        txCount = 0;
        txUsed = 0;
    }
}
