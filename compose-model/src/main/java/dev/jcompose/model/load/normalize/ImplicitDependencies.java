package dev.jcompose.model.load.normalize;

import dev.jcompose.model.load.Nodes;
import dev.jcompose.model.load.YMap;
import dev.jcompose.model.load.YNode;
import dev.jcompose.model.load.YScalar;
import dev.jcompose.model.load.YSeq;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dependencies a service has without naming them in {@code depends_on}, added as compose-go's
 * normaliser adds them (loader/normalize_test.go): {@code network_mode}, {@code ipc}, {@code pid},
 * {@code uts}, {@code cgroup} set to {@code service:x} and {@code links} give
 * {@code {condition: service_started, restart: true, required: true}}; {@code volumes_from} gives the
 * same without {@code restart}. An explicit {@code depends_on} entry is never changed.
 */
final class ImplicitDependencies {
    private static final List<String> NAMESPACES = List.of("network_mode", "ipc", "pid", "uts", "cgroup");

    private ImplicitDependencies() {
    }

    static YMap add(YMap s) {
        Map<String, Boolean> found = new LinkedHashMap<>();
        for (String k : NAMESPACES) {
            if (s.get(k) instanceof YScalar v && v.text().startsWith("service:")) {
                found.putIfAbsent(v.text().substring("service:".length()), true);
            }
        }
        if (s.get("links") instanceof YSeq links) {
            links.items().forEach(l -> found.putIfAbsent(name(l), true));
        }
        if (s.get("volumes_from") instanceof YSeq from) {
            from.items().stream().filter(f -> !name(f).equals("container")).forEach(f -> found.putIfAbsent(name(f), false));
        }
        if (found.isEmpty()) {
            return s;
        }
        YMap deps = s.get("depends_on") instanceof YMap d ? d : YMap.empty(s.mark());
        for (var e : found.entrySet()) {
            if (e.getKey().isEmpty() || deps.has(e.getKey())) {
                continue;
            }
            Map<String, YNode> dep = new LinkedHashMap<>();
            dep.put("condition", Nodes.str("service_started", s.mark()));
            if (e.getValue()) {
                dep.put("restart", Nodes.bool(true, s.mark()));
            }
            dep.put("required", Nodes.bool(true, s.mark()));
            deps = deps.with(e.getKey(), Nodes.map(dep, s.mark()));
        }
        return s.with("depends_on", deps);
    }

    private static String name(YNode ref) {
        return ref instanceof YScalar sc ? sc.text().split(":")[0] : "";
    }
}
