package dev.jcompose.model.load.normalize;

import dev.jcompose.model.ByteSize;
import dev.jcompose.model.ComposeException;
import dev.jcompose.model.load.Nodes;
import dev.jcompose.model.load.YMap;
import dev.jcompose.model.load.YNode;
import dev.jcompose.model.load.YScalar;
import dev.jcompose.model.load.YSeq;
import java.util.ArrayList;
import java.util.List;

/**
 * The byte sizes of a service written as compose-go's {@code UnitBytes} prints them: a decimal
 * string of bytes ({@code 512m} → {@code "536870912"}, units binary as docker's {@code RAMInBytes}
 * reads them, {@code -1} kept for "unlimited"). Covers {@code mem_limit}, {@code mem_reservation},
 * {@code memswap_limit}, {@code shm_size}, {@code build.shm_size},
 * {@code deploy.resources.{limits,reservations}.memory}, {@code volumes[].tmpfs.size} and the
 * {@code blkio_config} throttle rates.
 */
final class ByteSizes {
    private static final List<String> SERVICE = List.of("mem_limit", "mem_reservation", "memswap_limit", "shm_size");

    private ByteSizes() {
    }

    static YMap normalize(YMap s, String path) {
        YMap out = s;
        for (String k : SERVICE) {
            out = field(out, k, path);
        }
        if (out.get("build") instanceof YMap b) {
            out = out.with("build", field(b, "shm_size", path + ".build"));
        }
        if (out.get("deploy") instanceof YMap d && d.get("resources") instanceof YMap r) {
            YMap nr = r;
            for (String k : List.of("limits", "reservations")) {
                if (r.get(k) instanceof YMap lim) {
                    nr = nr.with(k, field(lim, "memory", path + ".deploy.resources." + k));
                }
            }
            out = out.with("deploy", d.with("resources", nr));
        }
        if (out.get("blkio_config") instanceof YMap blkio) {
            YMap nb = blkio;
            for (String k : List.of("device_read_bps", "device_read_iops", "device_write_bps", "device_write_iops")) {
                if (blkio.get(k) instanceof YSeq devices) {
                    List<YNode> items = new ArrayList<>();
                    for (int i = 0; i < devices.items().size(); i++) {
                        YNode d = devices.items().get(i);
                        items.add(d instanceof YMap m ? field(m, "rate", path + ".blkio_config." + k + "[" + i + "]") : d);
                    }
                    nb = nb.with(k, new YSeq(items, devices.mark(), devices.tag()));
                }
            }
            out = out.with("blkio_config", nb);
        }
        if (out.get("volumes") instanceof YSeq vols) {
            List<YNode> items = new ArrayList<>();
            for (int i = 0; i < vols.items().size(); i++) {
                YNode v = vols.items().get(i);
                if (v instanceof YMap m && m.get("tmpfs") instanceof YMap t) {
                    v = m.with("tmpfs", field(t, "size", path + ".volumes[" + i + "].tmpfs"));
                }
                items.add(v);
            }
            out = out.with("volumes", new YSeq(items, vols.mark(), vols.tag()));
        }
        return out;
    }

    private static YMap field(YMap m, String key, String path) {
        if (!(m.get(key) instanceof YScalar v) || v.isNull()) {
            return m;
        }
        return m.with(key, Nodes.str(Long.toString(bytes(v, path + "." + key)), v.mark()));
    }

    /** The number of bytes {@code v} stands for, or a located error naming the value. */
    static long bytes(YScalar v, String path) {
        String text = v.text().strip();
        if (text.equals("-1")) {
            return -1;
        }
        long n = v.kind() == YScalar.Kind.BOOL ? -1 : ByteSize.parse(text);
        if (n < 0) {
            throw new ComposeException(v.mark(), path, "invalid byte size \"" + v.text() + "\": use a number of bytes or a size such as 512m or 2g");
        }
        return n;
    }
}
