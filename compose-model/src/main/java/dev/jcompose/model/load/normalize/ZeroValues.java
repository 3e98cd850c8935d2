package dev.jcompose.model.load.normalize;

import dev.jcompose.model.load.YMap;
import dev.jcompose.model.load.YNode;
import dev.jcompose.model.load.YScalar;
import dev.jcompose.model.load.YSeq;
import java.util.ArrayList;
import java.util.List;

/**
 * Values compose-go holds in plain (non-pointer) fields with {@code omitempty} vanish when zero:
 * false flags ({@code tty: false} is not printed) and zero numbers ({@code cpu_shares: 0},
 * {@code mem_limit: 0}), while pointer fields ({@code init}, {@code enable_ipv6}, {@code scale},
 * {@code deploy.replicas}, {@code healthcheck.retries}) and {@code depends_on.required} stay.
 * Covers the service flags and numbers, volume mount flags, build flags, {@code healthcheck.disable},
 * {@code depends_on.restart}, and {@code external}, {@code internal}, {@code attachable} of
 * top-level definitions.
 */
final class ZeroValues {
    private static final List<String> SERVICE = List.of("privileged", "read_only", "stdin_open", "tty", "oom_kill_disable", "use_api_socket");
    private static final List<String> DEFINITION = List.of("external", "internal", "attachable");
    private static final List<String> NUMBERS = List.of("cpu_count", "cpu_percent", "cpu_period", "cpu_quota", "cpu_rt_period",
            "cpu_rt_runtime", "cpus", "cpu_shares", "oom_score_adj", "pids_limit", "mem_limit", "mem_reservation", "memswap_limit",
            "shm_size");

    private ZeroValues() {
    }

    static YMap service(YMap s) {
        YMap out = drop(s, SERVICE);
        for (String k : NUMBERS) {
            if (out.get(k) instanceof YScalar v && !v.isNull() && isZero(v.text())) {
                out = out.without(k);
            }
        }
        if (out.get("build") instanceof YMap b) {
            out = out.with("build", drop(b, List.of("no_cache", "pull", "privileged")));
        }
        if (out.get("healthcheck") instanceof YMap h) {
            out = out.with("healthcheck", drop(h, List.of("disable")));
        }
        if (out.get("depends_on") instanceof YMap deps) {
            YMap nd = deps;
            for (var e : deps.entries().entrySet()) {
                if (e.getValue() instanceof YMap d) {
                    nd = nd.with(e.getKey(), drop(d, List.of("restart")));
                }
            }
            out = out.with("depends_on", nd);
        }
        if (out.get("volumes") instanceof YSeq vols) {
            List<YNode> items = new ArrayList<>();
            for (YNode v : vols.items()) {
                if (v instanceof YMap m) {
                    YMap nm = drop(m, List.of("read_only"));
                    if (nm.get("bind") instanceof YMap b) {
                        nm = nm.with("bind", drop(b, List.of("create_host_path", "recursive")));
                    }
                    if (nm.get("volume") instanceof YMap vo) {
                        nm = nm.with("volume", drop(vo, List.of("nocopy")));
                    }
                    v = nm;
                }
                items.add(v);
            }
            out = out.with("volumes", new YSeq(items, vols.mark(), vols.tag()));
        }
        return out;
    }

    static YMap definition(YMap def) {
        return drop(def, DEFINITION);
    }

    private static boolean isZero(String text) {
        try {
            return Double.parseDouble(text) == 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static YMap drop(YMap m, List<String> keys) {
        YMap out = m;
        for (String k : keys) {
            if (m.get(k) instanceof YScalar v && v.kind() == YScalar.Kind.BOOL && v.text().equalsIgnoreCase("false")) {
                out = out.without(k);
            }
        }
        return out;
    }
}
