package dev.jcompose.planner.reconcile;

import dev.jcompose.planner.graph.Dependency;
import dev.jcompose.planner.graph.ServiceGraph;
import dev.jcompose.planner.plan.Plan;
import dev.jcompose.planner.plan.Step;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code down} as a pure function: stop and remove every container of the project (dependents
 * before what they depend on; one-off containers too; orphans only with {@code --remove-orphans}),
 * then the project's networks, then — with {@code -v} — its volumes. Works from what exists: a
 * service gone from the file is still removed when it is an orphan the user asked to remove.
 */
public final class Teardown {
    private Teardown() {
    }

    public static Reconciliation down(DesiredProject desired, ObservedState observed, DownOptions options) {
        Map<String, List<Dependency>> deps = new LinkedHashMap<>();
        desired.services().forEach(s -> deps.put(s.name(), s.dependencies()));
        ServiceGraph graph = ServiceGraph.of(deps);
        Plan.Builder plan = new Plan.Builder();
        Map<String, Set<Integer>> removedByService = new LinkedHashMap<>();
        Set<String> known = new HashSet<>(graph.services());
        List<String> warnings = new ArrayList<>();
        List<ObservedContainer> orphans = observed.containers().stream().filter(c -> !known.contains(c.service())).toList();
        if (!orphans.isEmpty() && !options.removeOrphans()) {
            warnings.add("Found orphan containers (" + orphans.stream().map(ObservedContainer::name).toList()
                    + ") for this project. If you removed or renamed this service in your compose file, you can run this"
                    + " command with the --remove-orphans flag to clean it up.");
        }
        Set<Integer> allRemoved = new LinkedHashSet<>();
        if (options.removeOrphans()) {
            orphans.forEach(c -> allRemoved.add(stopAndRemove(plan, c, Set.of(), options.volumes())));
        }
        for (String service : graph.stopOrder()) {
            Set<Integer> after = new LinkedHashSet<>();
            graph.dependentsOf(service).forEach(d -> after.addAll(removedByService.getOrDefault(d, Set.of())));
            Set<Integer> removed = new LinkedHashSet<>();
            observed.containers().stream().filter(c -> c.service().equals(service))
                    .forEach(c -> removed.add(stopAndRemove(plan, c, after, options.volumes())));
            removedByService.put(service, removed);
            allRemoved.addAll(removed);
        }
        Set<Integer> networksGone = new LinkedHashSet<>();
        desired.networks().stream().filter(observed.networks()::contains)
                .forEach(n -> networksGone.add(plan.add(new Step.RemoveNetwork(n), allRemoved)));
        if (options.volumes()) {
            desired.volumes().stream().filter(observed.volumes()::contains)
                    .forEach(v -> plan.add(new Step.RemoveVolume(v), allRemoved));
        }
        return new Reconciliation(plan.build(), warnings);
    }

    private static int stopAndRemove(Plan.Builder plan, ObservedContainer c, Set<Integer> after, boolean volumes) {
        int stop = c.running() ? plan.add(new Step.StopContainer(c.service(), c.name(), c.id()), after) : -1;
        return plan.add(new Step.RemoveContainer(c.service(), c.name(), c.id(), volumes), stop < 0 ? after : Set.of(stop));
    }
}
