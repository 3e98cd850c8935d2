package dev.jcompose.model.load.assemble;

import dev.jcompose.model.load.YMap;
import dev.jcompose.model.load.YNode;
import dev.jcompose.model.load.YScalar;
import dev.jcompose.model.load.YSeq;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The services a command named and everything they need (depends_on, links, volumes_from,
 * {@code network_mode: service:…}), as compose-go's service selection: the environment of only these
 * is resolved, so {@code up web} works while another service's env_file is missing. Empty when no
 * service was named (everything is selected).
 */
final class Selection {
    private Selection() {
    }

    static Set<String> of(YMap tree, List<String> named) {
        Set<String> out = new LinkedHashSet<>();
        if (named.isEmpty() || !(tree.get("services") instanceof YMap services)) {
            return out;
        }
        Deque<String> todo = new ArrayDeque<>(named);
        while (!todo.isEmpty()) {
            String name = todo.pop();
            if (!out.add(name) || !(services.get(name) instanceof YMap s)) {
                continue;
            }
            if (s.get("depends_on") instanceof YMap deps) {
                todo.addAll(deps.entries().keySet());
            }
            for (String key : List.of("links", "volumes_from")) {
                if (s.get(key) instanceof YSeq seq) {
                    for (YNode n : seq.items()) {
                        if (n instanceof YScalar v && !v.text().startsWith("container:")) {
                            todo.add(v.text().split(":", 2)[0]);
                        }
                    }
                }
            }
            if (s.get("network_mode") instanceof YScalar m && m.text().startsWith("service:")) {
                todo.add(m.text().substring("service:".length()));
            }
        }
        return out;
    }
}
