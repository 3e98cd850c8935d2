package dev.jcompose.model.load.normalize;

import dev.jcompose.model.ComposeException;
import dev.jcompose.model.GoDuration;
import dev.jcompose.model.load.Nodes;
import dev.jcompose.model.load.YMap;
import dev.jcompose.model.load.YScalar;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Durations of a service ({@code stop_grace_period}, healthcheck timings, deploy delays and windows) checked and written as Go prints them ({@code 1m0s}). */
final class Durations {
    private static final List<String> HEALTH = List.of("interval", "timeout", "start_period", "start_interval");
    private static final Map<String, List<String>> DEPLOY = Map.of("restart_policy", List.of("delay", "window"),
            "update_config", List.of("delay", "monitor"), "rollback_config", List.of("delay", "monitor"));

    private Durations() {
    }

    static YMap normalize(YMap s, String path) {
        YMap out = s;
        if (s.get("stop_grace_period") instanceof YScalar g && !g.isNull()) {
            out = out.with("stop_grace_period", Nodes.str(format(g, path + ".stop_grace_period"), g.mark()));
        }
        if (s.get("healthcheck") instanceof YMap h) {
            YMap nh = h;
            for (String k : HEALTH) {
                if (h.get(k) instanceof YScalar v && !v.isNull()) {
                    nh = nh.with(k, Nodes.str(format(v, path + ".healthcheck." + k), v.mark()));
                }
            }
            out = out.with("healthcheck", nh);
        }
        if (out.get("deploy") instanceof YMap d) {
            YMap nd = d;
            for (var part : DEPLOY.entrySet()) {
                if (d.get(part.getKey()) instanceof YMap m) {
                    YMap nm = m;
                    for (String k : part.getValue()) {
                        if (m.get(k) instanceof YScalar v && !v.isNull()) {
                            nm = nm.with(k, Nodes.str(format(v, path + ".deploy." + part.getKey() + "." + k), v.mark()));
                        }
                    }
                    nd = nd.with(part.getKey(), nm);
                }
            }
            out = out.with("deploy", nd);
        }
        return out;
    }

    private static String format(YScalar v, String path) {
        Duration d = GoDuration.parse(v.text());
        if (d == null) {
            throw new ComposeException(v.mark(), path, "invalid duration \"" + v.text() + "\": use Go's syntax such as 30s, 1m30s or 500ms");
        }
        return GoDuration.format(d);
    }
}
