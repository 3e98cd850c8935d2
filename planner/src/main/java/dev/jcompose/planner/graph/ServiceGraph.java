package dev.jcompose.planner.graph;

import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jgrapht.Graph;
import org.jgrapht.alg.cycle.CycleDetector;
import org.jgrapht.graph.DirectedMultigraph;
import org.jgrapht.traverse.TopologicalOrderIterator;

/**
 * The services of a project and what each needs first, as a JGraphT graph with an edge from each
 * service to each of its dependencies. Built once, checked for cycles (the error names the cycle),
 * then read: start order (dependencies first, ties in declaration order), stop order (the reverse),
 * and the closure of a selection of services.
 */
public final class ServiceGraph {
    private final Graph<String, Edge> graph;
    private final List<String> declared;

    /** An edge carrying its {@link Dependency}. */
    public static final class Edge {
        final Dependency dependency;

        Edge(Dependency dependency) {
            this.dependency = dependency;
        }
    }

    private ServiceGraph(Graph<String, Edge> graph, List<String> declared) {
        this.graph = graph;
        this.declared = declared;
    }

    /**
     * @param services service name → its dependencies, in declaration order
     * @throws GraphException when a dependency names a service that does not exist (and is required),
     *                        or the dependencies form a cycle
     */
    public static ServiceGraph of(Map<String, List<Dependency>> services) {
        Graph<String, Edge> g = new DirectedMultigraph<>(Edge.class);
        services.keySet().forEach(g::addVertex);
        for (var e : services.entrySet()) {
            for (Dependency d : e.getValue()) {
                if (!g.containsVertex(d.target())) {
                    if (!d.required()) {
                        continue;
                    }
                    throw new GraphException("service \"" + e.getKey() + "\" depends on undefined service \"" + d.target() + "\"");
                }
                if (d.target().equals(e.getKey())) {
                    throw new GraphException("service \"" + e.getKey() + "\" depends on itself");
                }
                g.addEdge(e.getKey(), d.target(), new Edge(d));
            }
        }
        ServiceGraph sg = new ServiceGraph(g, List.copyOf(services.keySet()));
        sg.checkAcyclic();
        return sg;
    }

    private void checkAcyclic() {
        CycleDetector<String, Edge> detector = new CycleDetector<>(graph);
        if (!detector.detectCycles()) {
            return;
        }
        String start = declared.stream().filter(detector.findCycles()::contains).findFirst().orElseThrow();
        throw new GraphException("dependency cycle detected: " + String.join(" -> ", cycleFrom(start)));
    }

    /** A path start → … → start through the cycle, for the error message. */
    private List<String> cycleFrom(String start) {
        Deque<List<String>> paths = new ArrayDeque<>();
        paths.add(List.of(start));
        Set<String> seen = new LinkedHashSet<>();
        while (!paths.isEmpty()) {
            List<String> path = paths.removeFirst();
            String last = path.get(path.size() - 1);
            for (String next : dependenciesOf(last)) {
                List<String> longer = new ArrayList<>(path);
                longer.add(next);
                if (next.equals(start)) {
                    return longer;
                }
                if (seen.add(next)) {
                    paths.add(longer);
                }
            }
        }
        return List.of(start, start);
    }

    public List<String> services() {
        return declared;
    }

    /** The direct dependencies of {@code service}, in declaration order. */
    public List<String> dependenciesOf(String service) {
        Set<String> out = new LinkedHashSet<>();
        graph.outgoingEdgesOf(service).forEach(e -> out.add(graph.getEdgeTarget(e)));
        return inDeclarationOrder(out);
    }

    /** The direct dependents of {@code service} (services that need it). */
    public List<String> dependentsOf(String service) {
        Set<String> out = new LinkedHashSet<>();
        graph.incomingEdgesOf(service).forEach(e -> out.add(graph.getEdgeSource(e)));
        return inDeclarationOrder(out);
    }

    /** The edges leaving {@code service}, with their conditions. */
    public List<Dependency> edgesOf(String service) {
        return graph.outgoingEdgesOf(service).stream().map(e -> e.dependency).toList();
    }

    /** Every service in an order where each comes after its dependencies; ties keep declaration order. */
    public List<String> startOrder() {
        Map<String, Integer> rank = new LinkedHashMap<>();
        for (int i = 0; i < declared.size(); i++) {
            rank.put(declared.get(i), i);
        }
        Graph<String, Edge> reversed = new org.jgrapht.graph.EdgeReversedGraph<>(graph);
        List<String> order = new ArrayList<>();
        new TopologicalOrderIterator<>(reversed, (a, b) -> Integer.compare(rank.get(a), rank.get(b))).forEachRemaining(order::add);
        return order;
    }

    /** Dependents before their dependencies: the order to stop or remove in. */
    public List<String> stopOrder() {
        List<String> order = new ArrayList<>(startOrder());
        Collections.reverse(order);
        return order;
    }

    /** {@code selected} plus everything they need, transitively (what {@code up web} brings up). */
    public Set<String> withDependencies(Set<String> selected) {
        Set<String> out = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(selected);
        while (!todo.isEmpty()) {
            String s = todo.removeFirst();
            if (!graph.containsVertex(s)) {
                throw new GraphException("no such service: " + s);
            }
            if (out.add(s)) {
                todo.addAll(dependenciesOf(s));
            }
        }
        return out;
    }

    /** {@code selected} plus everything that needs them, transitively (what stopping {@code db} affects). */
    public Set<String> withDependents(Set<String> selected) {
        Set<String> out = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(selected);
        while (!todo.isEmpty()) {
            String s = todo.removeFirst();
            if (graph.containsVertex(s) && out.add(s)) {
                todo.addAll(dependentsOf(s));
            }
        }
        return out;
    }

    private List<String> inDeclarationOrder(Set<String> names) {
        return declared.stream().filter(names::contains).toList();
    }
}
