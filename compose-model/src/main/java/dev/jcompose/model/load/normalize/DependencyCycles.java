package dev.jcompose.model.load.normalize;

import dev.jcompose.model.ComposeException;
import dev.jcompose.model.load.YMap;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds a {@code depends_on} cycle among the services of a normalised project and reports it by
 * name, as compose-go does: {@code dependency cycle detected: a -> b -> a}. Self-dependency is the
 * one-service cycle {@code a -> a}. Services are visited in name order so the reported cycle is stable.
 */
final class DependencyCycles {
    private final YMap services;
    private final Set<String> done = new HashSet<>();
    private final List<String> stack = new ArrayList<>();

    private DependencyCycles(YMap services) {
        this.services = services;
    }

    static void check(YMap services) {
        DependencyCycles c = new DependencyCycles(services);
        for (String name : services.entries().keySet()) {
            c.visit(name);
        }
    }

    private void visit(String name) {
        if (done.contains(name) || !(services.get(name) instanceof YMap s)) {
            return;
        }
        int at = stack.indexOf(name);
        if (at >= 0) {
            List<String> cycle = new ArrayList<>(stack.subList(at, stack.size()));
            cycle.add(name);
            YMap from = (YMap) services.get(stack.get(stack.size() - 1));
            YMap deps = (YMap) from.get("depends_on");
            throw new ComposeException(deps.keyMark(name), "services." + stack.get(stack.size() - 1) + ".depends_on",
                    "dependency cycle detected: " + String.join(" -> ", cycle));
        }
        stack.add(name);
        if (s.get("depends_on") instanceof YMap deps) {
            for (String d : deps.entries().keySet()) {
                visit(d);
            }
        }
        stack.remove(stack.size() - 1);
        done.add(name);
    }
}
