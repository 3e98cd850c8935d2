package dev.jcompose.engine.net.netlink;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Route attributes read from a message or from a nested attribute, by type (last one wins). */
public record NlAttrs(Map<Integer, byte[]> byType) {
    private static final int NLA_TYPE_MASK = 0x3fff;

    public static NlAttrs parse(byte[] data, int from, int to) {
        ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.nativeOrder());
        Map<Integer, byte[]> map = new LinkedHashMap<>();
        int pos = from;
        while (pos + 4 <= to) {
            int len = b.getShort(pos) & 0xffff;
            int type = b.getShort(pos + 2) & NLA_TYPE_MASK;
            if (len < 4 || pos + len > to) {
                throw new IllegalArgumentException("route attribute at offset " + pos + " has bad length " + len);
            }
            map.put(type, Arrays.copyOfRange(data, pos + 4, pos + len));
            pos += NlMessageBuilder.align(len);
        }
        return new NlAttrs(Map.copyOf(map));
    }

    public Optional<byte[]> get(int type) {
        return Optional.ofNullable(byType.get(type));
    }

    public Optional<String> string(int type) {
        return get(type).map(v -> {
            int n = 0;
            while (n < v.length && v[n] != 0) {
                n++;
            }
            return new String(v, 0, n, StandardCharsets.UTF_8);
        });
    }

    public Optional<Integer> u32(int type) {
        return get(type).filter(v -> v.length >= 4)
                .map(v -> ByteBuffer.wrap(v).order(ByteOrder.nativeOrder()).getInt());
    }

    public NlAttrs nested(int type) {
        byte[] v = byType.getOrDefault(type, new byte[0]);
        return parse(v, 0, v.length);
    }
}
