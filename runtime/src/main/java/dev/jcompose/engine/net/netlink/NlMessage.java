package dev.jcompose.engine.net.netlink;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/** One received netlink message: header fields and the payload after the 16-byte header. */
public record NlMessage(int type, int flags, int seq, int pid, byte[] payload) {

    /** Splits a datagram into its messages, each advancing by its aligned length. */
    public static List<NlMessage> parseAll(byte[] data, int length) {
        ByteBuffer b = ByteBuffer.wrap(data, 0, length).order(ByteOrder.nativeOrder());
        List<NlMessage> out = new ArrayList<>();
        int pos = 0;
        while (pos + Rtnl.NLMSG_HDRLEN <= length) {
            int len = b.getInt(pos);
            if (len < Rtnl.NLMSG_HDRLEN || pos + len > length) {
                throw new IllegalArgumentException("netlink message at offset " + pos + " has bad length " + len);
            }
            byte[] payload = new byte[len - Rtnl.NLMSG_HDRLEN];
            System.arraycopy(data, pos + Rtnl.NLMSG_HDRLEN, payload, 0, payload.length);
            out.add(new NlMessage(b.getShort(pos + 4) & 0xffff, b.getShort(pos + 6) & 0xffff, b.getInt(pos + 8),
                    b.getInt(pos + 12), payload));
            pos += NlMessageBuilder.align(len);
        }
        return out;
    }

    /** For {@code NLMSG_ERROR}: the errno (positive), 0 for an ACK. */
    public int errno() {
        return -ByteBuffer.wrap(payload).order(ByteOrder.nativeOrder()).getInt(0);
    }

    /** The attributes that follow a fixed family header of {@code headerLen} bytes. */
    public NlAttrs attrs(int headerLen) {
        return NlAttrs.parse(payload, headerLen, payload.length);
    }

    public ByteBuffer payloadBuffer() {
        return ByteBuffer.wrap(payload).order(ByteOrder.nativeOrder());
    }
}
