package dev.jcompose.model.load.normalize;

import dev.jcompose.model.ComposeException;
import dev.jcompose.model.load.Nodes;
import dev.jcompose.model.load.YMap;
import dev.jcompose.model.load.YScalar;
import dev.jcompose.model.load.YNode;
import dev.jcompose.model.load.YSeq;
import java.util.ArrayList;
import java.util.List;

/**
 * Integer attributes the schema lets through as strings (so that interpolation can fill them):
 * compose-go decodes them into integers, so {@code "3"} becomes {@code 3} and {@code "two"} is a
 * located error. Covers {@code scale}, the cpu and pids numbers, {@code healthcheck.retries},
 * {@code deploy.replicas}, deploy's attempt and parallelism counts, device request counts
 * ({@code all} is -1) and {@code ulimits}.
 */
final class Integers {
    private static final List<String> SERVICE = List.of("scale", "cpu_shares", "cpu_count", "cpu_period", "cpu_quota", "cpu_rt_period",
            "cpu_rt_runtime", "pids_limit", "oom_score_adj");

    private Integers() {
    }

    static YMap normalize(YMap s, String path) {
        YMap out = s;
        for (String k : SERVICE) {
            out = field(out, k, path);
        }
        if (out.get("healthcheck") instanceof YMap h) {
            out = out.with("healthcheck", field(h, "retries", path + ".healthcheck"));
        }
        if (out.get("ulimits") instanceof YMap u) {
            YMap nu = u;
            for (String name : u.entries().keySet()) {
                if (u.get(name) instanceof YMap limit) {
                    String p = path + ".ulimits." + name;
                    nu = nu.with(name, field(field(limit, "soft", p), "hard", p));
                }
            }
            out = out.with("ulimits", nu);
        }
        if (out.get("gpus") instanceof YSeq gpus) {
            out = out.with("gpus", deviceCounts(gpus, path + ".gpus"));
        }
        if (out.get("deploy") instanceof YMap d) {
            YMap nd = field(d, "replicas", path + ".deploy");
            nd = child(nd, "restart_policy", "max_attempts", path + ".deploy");
            nd = child(nd, "update_config", "parallelism", path + ".deploy");
            nd = child(nd, "rollback_config", "parallelism", path + ".deploy");
            if (nd.get("resources") instanceof YMap r) {
                YMap nr = child(child(r, "limits", "pids", path + ".deploy.resources"), "reservations", "pids", path + ".deploy.resources");
                if (nr.get("reservations") instanceof YMap res && res.get("devices") instanceof YSeq devices) {
                    nr = nr.with("reservations", res.with("devices", deviceCounts(devices, path + ".deploy.resources.reservations.devices")));
                }
                nd = nd.with("resources", nr);
            }
            if (out.get("scale") instanceof YScalar scale && !scale.isNull() && !nd.has("replicas")) {
                nd = nd.with("replicas", scale); // compose-go's consistency check copies scale into deploy.replicas
            }
            out = out.with("deploy", nd);
        }
        return out;
    }

    /** Device requests: {@code count: all} is compose-go's -1, other counts are integers. */
    private static YSeq deviceCounts(YSeq devices, String path) {
        List<YNode> out = new ArrayList<>();
        for (int i = 0; i < devices.items().size(); i++) {
            YNode d = devices.items().get(i);
            if (d instanceof YMap m && m.get("count") instanceof YScalar c && !c.isNull()) {
                long count;
                try {
                    count = c.text().equalsIgnoreCase("all") ? -1 : Long.parseLong(c.text().strip());
                } catch (NumberFormatException e) {
                    throw new ComposeException(c.mark(), path + "[" + i + "].count", "invalid value \"" + c.text()
                            + "\", the only value allowed is 'all' or a number");
                }
                d = m.with("count", Nodes.num(count, c.mark()));
            }
            out.add(d);
        }
        return new YSeq(out, devices.mark(), devices.tag());
    }

    private static YMap child(YMap m, String key, String field, String path) {
        return m.get(key) instanceof YMap c ? m.with(key, field(c, field, path + "." + key)) : m;
    }

    private static YMap field(YMap m, String key, String path) {
        if (!(m.get(key) instanceof YScalar v) || v.isNull() || v.kind() == YScalar.Kind.INT) {
            return m;
        }
        try {
            return m.with(key, Nodes.num(Long.parseLong(v.text().strip()), v.mark()));
        } catch (NumberFormatException e) {
            throw new ComposeException(v.mark(), path + "." + key, "must be an integer, not \"" + v.text() + "\"");
        }
    }
}
