package dev.jcompose.model.load.normalize;

import dev.jcompose.model.load.YMap;
import dev.jcompose.model.load.YNode;
import dev.jcompose.model.load.YScalar;
import dev.jcompose.model.load.YSeq;
import java.util.ArrayList;
import java.util.List;

/**
 * Mappings compose-go holds as {@code map[string]string} print every value as a string
 * ({@code driver_opts: {baz: 1}} → {@code baz: "1"}): logging options, storage_opt, gpus options, deploy and
 * build labels, build args of a service; driver_opts, labels and IPAM options/aux addresses of
 * networks, volumes, secrets and configs.
 */
final class StringMaps {
    private StringMaps() {
    }

    static YMap service(YMap s) {
        YMap out = s;
        out = at(out, "storage_opt");
        if (out.get("gpus") instanceof YSeq gpus) {
            List<YNode> items = new ArrayList<>();
            gpus.items().forEach(g -> items.add(g instanceof YMap gm ? at(gm, "options") : g));
            out = out.with("gpus", new YSeq(items, gpus.mark(), gpus.tag()));
        }
        if (out.get("logging") instanceof YMap l) {
            out = out.with("logging", at(l, "options"));
        }
        if (out.get("deploy") instanceof YMap d) {
            out = out.with("deploy", at(d, "labels"));
        }
        if (out.get("build") instanceof YMap b) {
            out = out.with("build", at(at(b, "labels"), "args"));
        }
        return out;
    }

    /** One top-level network, volume, secret or config definition. */
    static YMap definition(YMap def) {
        YMap out = at(at(def, "driver_opts"), "labels");
        if (out.get("ipam") instanceof YMap ipam) {
            YMap ni = at(ipam, "options");
            if (ni.get("config") instanceof YSeq pools) {
                List<YNode> items = new ArrayList<>();
                pools.items().forEach(p -> items.add(p instanceof YMap pm ? at(pm, "aux_addresses") : p));
                ni = ni.with("config", new YSeq(items, pools.mark(), pools.tag()));
            }
            out = out.with("ipam", ni);
        }
        return out;
    }

    private static YMap at(YMap m, String key) {
        if (!(m.get(key) instanceof YMap values)) {
            return m;
        }
        YMap out = values;
        for (var e : values.entries().entrySet()) {
            if (e.getValue() instanceof YScalar v && !v.isNull() && v.kind() != YScalar.Kind.STRING) {
                out = out.with(e.getKey(), YScalar.string(v.text(), v.mark()));
            }
        }
        return m.with(key, out);
    }
}
