package dev.jcompose.engine.net.netlink;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * Writes one netlink message: the 16-byte {@code nlmsghdr}, a fixed family header (ifinfomsg,
 * ifaddrmsg or rtmsg) and route attributes, nested ones included, each padded to 4 bytes. Host byte
 * order, as the kernel expects. {@link #build()} fills in the total length.
 */
public final class NlMessageBuilder {
    private ByteBuffer buf = ByteBuffer.allocate(256).order(ByteOrder.nativeOrder());
    private final Deque<Integer> nests = new ArrayDeque<>();

    public NlMessageBuilder(int type, int flags, int seq) {
        buf.putInt(0).putShort((short) type).putShort((short) flags).putInt(seq).putInt(0);
    }

    /** {@code struct ifinfomsg}: family, type, index, flags, change. */
    public NlMessageBuilder ifinfomsg(int family, int index, int flags, int change) {
        ensure(Rtnl.IFINFOMSG_LEN);
        buf.put((byte) family).put((byte) 0).putShort((short) 0).putInt(index).putInt(flags).putInt(change);
        return this;
    }

    /** {@code struct ifaddrmsg}: family, prefix length, flags, scope, index. */
    public NlMessageBuilder ifaddrmsg(int family, int prefixLen, int scope, int index) {
        ensure(Rtnl.IFADDRMSG_LEN);
        buf.put((byte) family).put((byte) prefixLen).put((byte) 0).put((byte) scope).putInt(index);
        return this;
    }

    /** {@code struct rtmsg}: family, destination length, table, protocol, scope, type; no flags. */
    public NlMessageBuilder rtmsg(int family, int dstLen, int table, int protocol, int scope, int type) {
        ensure(Rtnl.RTMSG_LEN);
        buf.put((byte) family).put((byte) dstLen).put((byte) 0).put((byte) 0)
                .put((byte) table).put((byte) protocol).put((byte) scope).put((byte) type).putInt(0);
        return this;
    }

    public NlMessageBuilder attr(int type, byte[] value) {
        int len = 4 + value.length;
        ensure(align(len));
        buf.putShort((short) len).putShort((short) type).put(value);
        pad();
        return this;
    }

    public NlMessageBuilder attrU32(int type, int value) {
        return attr(type, ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt(value).array());
    }

    /** A NUL-terminated string attribute (interface names, link kinds). */
    public NlMessageBuilder attrString(int type, String value) {
        byte[] s = value.getBytes(StandardCharsets.UTF_8);
        return attr(type, Arrays.copyOf(s, s.length + 1));
    }

    /** Opens a nested attribute; every call is matched by {@link #endNest()}. */
    public NlMessageBuilder beginNest(int type) {
        ensure(4);
        nests.push(buf.position());
        buf.putShort((short) 0).putShort((short) type);
        return this;
    }

    public NlMessageBuilder endNest() {
        int start = nests.pop();
        buf.putShort(start, (short) (buf.position() - start));
        return this;
    }

    public byte[] build() {
        if (!nests.isEmpty()) {
            throw new IllegalStateException("netlink message has " + nests.size() + " unclosed nested attribute(s)");
        }
        buf.putInt(0, buf.position());
        return Arrays.copyOf(buf.array(), buf.position());
    }

    static int align(int len) {
        return (len + 3) & ~3;
    }

    private void pad() {
        while ((buf.position() & 3) != 0) {
            buf.put((byte) 0);
        }
    }

    private void ensure(int more) {
        if (buf.remaining() < more + 4) {
            ByteBuffer bigger = ByteBuffer.allocate(Math.max(buf.capacity() * 2, buf.position() + more + 64))
                    .order(ByteOrder.nativeOrder());
            bigger.put(buf.array(), 0, buf.position());
            buf = bigger;
        }
    }
}
