package dev.jcompose.planner.reconcile;

import dev.jcompose.planner.graph.Dependency;
import dev.jcompose.planner.graph.ServiceGraph;
import dev.jcompose.planner.plan.Plan;
import dev.jcompose.planner.plan.Step;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * {@code start}, {@code stop} and {@code restart} of existing containers as plans, so they run in
 * dependency order yet in parallel wherever the graph allows, as docker compose orders them:
 * <ul>
 * <li>start: the named services and their dependencies, dependencies first, each service after its
 * dependencies' conditions hold ({@code service_started} is ordering only); running containers are left; a
 * service without containers (not scaled to 0) is an error, as start creates nothing.</li>
 * <li>stop: the named services only, dependents first.</li>
 * <li>restart: the named services plus, unless {@code --no-deps}, the services depending on them with
 * {@code restart: true} (transitively); only {@code restart: true} edges order it.</li>
 * </ul>
 * One-off containers are left alone.
 */
public final class LifecyclePlans {
    private LifecyclePlans() {
    }

    public static Plan start(DesiredProject desired, ObservedState observed, Set<String> services) {
        ServiceGraph graph = graph(desired, d -> true);
        Set<String> selected = services.isEmpty() ? new LinkedHashSet<>(graph.services()) : graph.withDependencies(checked(graph, services));
        for (String service : graph.startOrder()) {
            boolean scaledToZero = desired.services().stream().anyMatch(d -> d.name().equals(service) && d.scale() == 0);
            if (selected.contains(service) && !scaledToZero && containers(observed, service).isEmpty()) {
                // start never creates: docker compose's words, pointing the user at up
                throw new dev.jcompose.planner.graph.GraphException("service \"" + service + "\" has no container to start");
            }
        }
        return forward(desired, observed, graph, selected, c -> !c.running(), c -> new Step.StartContainer(c.service(), c.name()));
    }

    public static Plan stop(DesiredProject desired, ObservedState observed, Set<String> services) {
        ServiceGraph graph = graph(desired, d -> true);
        Set<String> selected = services.isEmpty() ? new LinkedHashSet<>(graph.services()) : checked(graph, services);
        Plan.Builder plan = new Plan.Builder();
        Map<String, Set<Integer>> stopped = new HashMap<>();
        for (String service : graph.stopOrder()) {
            Set<Integer> after = new LinkedHashSet<>();
            graph.dependentsOf(service).forEach(d -> after.addAll(stopped.getOrDefault(d, Set.of())));
            Set<Integer> mine = new LinkedHashSet<>();
            if (selected.contains(service)) {
                containers(observed, service).stream().filter(ObservedContainer::running)
                        .forEach(c -> mine.add(plan.add(new Step.StopContainer(service, c.name(), c.id()), after)));
            }
            // an unselected service passes its dependents' stops on, so order holds across it
            stopped.put(service, mine.isEmpty() ? after : mine);
        }
        return plan.build();
    }

    public static Plan restart(DesiredProject desired, ObservedState observed, Set<String> services, boolean noDeps) {
        ServiceGraph graph = graph(desired, Dependency::restart);
        Set<String> named = services.isEmpty() ? new LinkedHashSet<>(graph.services()) : checked(graph, services);
        Set<String> selected = noDeps ? named : graph.withDependents(named);
        return forward(desired, observed, graph, selected, c -> true, c -> new Step.RestartContainer(c.service(), c.name(), c.id()));
    }

    /** Steps for the selected services' containers that {@code wanted}, in start order, each service after its dependencies are ready. */
    private static Plan forward(DesiredProject desired, ObservedState observed, ServiceGraph graph, Set<String> selected,
                                Predicate<ObservedContainer> wanted, Function<ObservedContainer, Step> step) {
        Plan.Builder plan = new Plan.Builder();
        Map<String, Set<Integer>> ready = new HashMap<>();
        for (String service : graph.startOrder()) {
            if (!selected.contains(service)) {
                continue;
            }
            Set<Integer> before = new LinkedHashSet<>();
            for (Dependency d : graph.edgesOf(service)) {
                if (!selected.contains(d.target())) {
                    continue;
                }
                Set<Integer> targetReady = ready.getOrDefault(d.target(), Set.of());
                if (d.condition() == Dependency.Condition.STARTED) {
                    before.addAll(targetReady);
                } else {
                    before.add(plan.add(new Step.WaitFor(d.target(), d.condition(), d.required()), targetReady));
                }
            }
            Set<Integer> mine = new LinkedHashSet<>();
            containers(observed, service).stream().filter(wanted).forEach(c -> mine.add(plan.add(step.apply(c), before)));
            ready.put(service, mine);
        }
        return plan.build();
    }

    private static ServiceGraph graph(DesiredProject desired, Predicate<Dependency> keep) {
        Map<String, List<Dependency>> deps = new LinkedHashMap<>();
        desired.services().forEach(s -> deps.put(s.name(), s.dependencies().stream().filter(keep).toList()));
        return ServiceGraph.of(deps);
    }

    private static List<ObservedContainer> containers(ObservedState observed, String service) {
        return observed.containers().stream().filter(c -> !c.oneoff() && c.service().equals(service))
                .sorted(java.util.Comparator.comparingInt(ObservedContainer::number)).toList();
    }

    private static Set<String> checked(ServiceGraph graph, Set<String> names) {
        for (String n : names) {
            if (!graph.services().contains(n)) {
                throw new dev.jcompose.planner.graph.GraphException("no such service: " + n);
            }
        }
        return new LinkedHashSet<>(names);
    }
}
