package dev.jcompose.model.load.output;

import dev.jcompose.model.load.Nodes;
import dev.jcompose.model.load.YMap;
import dev.jcompose.model.load.YNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON view compose-go gives a normalised project: top-level keys sorted (compose-go builds a
 * map), every service with {@code command} and {@code entrypoint} ({@code null} when unset, their
 * JSON tags have no omitempty), {@code deploy} with {@code resources} and {@code placement} and
 * networks with {@code ipam} ({@code {}} when unset: struct fields Go always encodes), and the
 * {@code x-*} extensions of services, networks, volumes, secrets and configs left out (tagged
 * {@code json:"-"}); top-level extensions stay.
 */
final class ConfigJson {
    private ConfigJson() {
    }

    static YMap project(YMap tree) {
        Map<String, YNode> top = new TreeMap<>();
        for (var e : tree.entries().entrySet()) {
            YNode v = e.getValue();
            if (v instanceof YMap m) {
                v = switch (e.getKey()) {
                    case "services" -> each(m, ConfigJson::service);
                    case "networks" -> each(m, n -> withoutExtensions(n.has("ipam") ? n : insertAfter(n, "driver_opts", "ipam",
                            YMap.empty(n.mark()), List.of("name", "driver", "driver_opts"))));
                    case "volumes", "secrets", "configs" -> each(m, ConfigJson::withoutExtensions);
                    default -> v;
                };
            }
            top.put(e.getKey(), v);
        }
        return new YMap(top, tree.keyMarks(), tree.mark(), tree.tag());
    }

    /** One service as compose-go's {@code json.Marshal} sees it. */
    static YMap service(YMap s) {
        YMap out = ShortForms.service(withoutExtensions(s));
        for (String k : List.of("command", "entrypoint")) {
            if (!out.has(k)) {
                out = out.with(k, Nodes.nul(s.mark()));
            }
        }
        if (out.get("deploy") instanceof YMap d) {
            for (String k : List.of("resources", "placement")) { // struct fields: Go's omitempty never drops them in JSON
                if (!d.has(k)) {
                    d = d.with(k, YMap.empty(d.mark()));
                }
            }
            out = out.with("deploy", d);
        }
        return CanonicalOrder.service(out);
    }

    private static YMap withoutExtensions(YMap m) {
        YMap out = m;
        for (String k : m.entries().keySet()) {
            if (k.startsWith("x-")) {
                out = out.without(k);
            }
        }
        return out;
    }

    private interface Fn {
        YMap apply(YMap m);
    }

    private static YMap each(YMap m, Fn fn) {
        Map<String, YNode> out = new LinkedHashMap<>();
        m.entries().forEach((k, v) -> out.put(k, v instanceof YMap vm ? fn.apply(vm) : v));
        return new YMap(out, m.keyMarks(), m.mark(), m.tag());
    }

    /** {@code key} placed after the last of {@code before} present in {@code m}. */
    private static YMap insertAfter(YMap m, String after, String key, YNode value, List<String> before) {
        Map<String, YNode> out = new LinkedHashMap<>();
        boolean placed = false;
        for (var e : m.entries().entrySet()) {
            if (!placed && !before.contains(e.getKey())) {
                out.put(key, value);
                placed = true;
            }
            out.put(e.getKey(), e.getValue());
        }
        if (!placed) {
            out.put(key, value);
        }
        return new YMap(out, m.keyMarks(), m.mark(), m.tag());
    }
}
