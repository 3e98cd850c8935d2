package dev.jcompose.planner.reconcile;

import dev.jcompose.planner.graph.Dependency;
import dev.jcompose.planner.graph.ServiceGraph;
import dev.jcompose.planner.plan.Plan;
import dev.jcompose.planner.plan.Step;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code up} as a pure function: from what the file wants and what the engine has, the steps that
 * make them agree — create missing networks and volumes, recreate changed networks ({@link NetworkChanges});
 * per service, in dependency order, create missing replicas, start stopped ones, recreate those whose config hash
 * changed or that lack a named volume the service asks for (stop, rename the old one out of the way, create —
 * taking over the old one's anonymous volumes unless {@code -V} —, start, remove the old one), remove replicas
 * above the scale; wait
 * for each dependency's condition before touching a service; report or remove orphans.
 * As docker compose: a {@code service_started} dependency is only ordered after (never waited on);
 * when a service is recreated, the running containers of services depending on it with
 * {@code restart: true} are stopped before it and started again once their conditions hold.
 */
public final class Reconciler {
    private Reconciler() {
    }

    public static Reconciliation up(DesiredProject desired, ObservedState observed, UpOptions options) {
        return new Run(desired, observed, options).plan();
    }

    /** The state of one reconciliation while it builds its plan. */
    private static final class Run {
        private final DesiredProject desired;
        private final ObservedState observed;
        private final UpOptions options;
        private final ServiceGraph graph;
        private final Plan.Builder plan = new Plan.Builder();
        private final Map<String, Set<Integer>> readySteps = new HashMap<>();
        private final Set<String> recreated = new HashSet<>();
        /**
         * Containers stopped before a dependency's recreation (restart: true) → their stop step; containers
         * reconnected to a recreated network → their last connect step. Each starts again after that step.
         */
        private final Map<String, Integer> stoppedEarly = new HashMap<>();
        private final Set<Integer> infrastructure = new LinkedHashSet<>();
        private final List<String> running = new ArrayList<>();

        Run(DesiredProject desired, ObservedState observed, UpOptions options) {
            this.desired = desired;
            this.observed = observed;
            this.options = options;
            Map<String, List<Dependency>> deps = new LinkedHashMap<>();
            desired.services().forEach(s -> deps.put(s.name(), s.dependencies()));
            this.graph = ServiceGraph.of(deps);
        }

        Reconciliation plan() {
            Set<String> selected = options.services().isEmpty() ? new LinkedHashSet<>(graph.services())
                    : options.noDeps() ? checked(options.services()) : graph.withDependencies(options.services());
            donorsExist(selected);
            NetworkChanges.Planned networks = NetworkChanges.plan(plan, desired, observed, options.start(), selected);
            infrastructure.addAll(networks.ready());
            stoppedEarly.putAll(networks.resumeAfter());
            desired.volumes().stream().filter(v -> !observed.volumes().contains(v))
                    .forEach(v -> infrastructure.add(plan.add(new Step.CreateVolume(v), Set.of())));
            Map<String, DesiredService> byName = new LinkedHashMap<>();
            desired.services().forEach(s -> byName.put(s.name(), s));
            for (String name : graph.startOrder()) {
                if (selected.contains(name) && anyRecreated(byName.get(name))) {
                    recreated.add(name);
                }
            }
            for (String name : graph.startOrder()) {
                if (selected.contains(name)) {
                    converge(byName.get(name), selected);
                }
            }
            List<String> warnings = orphans();
            return new Reconciliation(plan.build(), warnings, running);
        }

        /**
         * A selected service sharing the network namespace or volumes of one left out ({@code --no-deps})
         * needs that service's container to exist, as docker compose checks before doing anything.
         */
        private void donorsExist(Set<String> selected) {
            for (DesiredService s : desired.services()) {
                if (!selected.contains(s.name())) {
                    continue;
                }
                for (Dependency d : s.dependencies()) {
                    boolean shares = d.kind() == Dependency.Kind.NETWORK_MODE || d.kind() == Dependency.Kind.VOLUMES_FROM;
                    if (shares && !selected.contains(d.target())
                            && observed.containers().stream().noneMatch(c -> !c.oneoff() && c.service().equals(d.target()))) {
                        throw new dev.jcompose.planner.graph.GraphException("cannot share "
                                + (d.kind() == Dependency.Kind.NETWORK_MODE ? "network namespace" : "volume") + " with service " + d.target()
                                + ": container missing");
                    }
                }
            }
        }

        private Set<String> checked(Set<String> names) {
            for (String n : names) {
                if (!graph.services().contains(n)) {
                    throw new dev.jcompose.planner.graph.GraphException("no such service: " + n);
                }
            }
            return names;
        }

        /** Whether any replica of {@code s} that stays will be recreated (run in start order: parents first). */
        private boolean anyRecreated(DesiredService s) {
            UpOptions.Recreate policy = policyFor(s);
            List<ObservedContainer> existing = existing(s);
            for (int n = 1; n <= s.scale(); n++) {
                Optional<ObservedContainer> current = replica(existing, s, n, s.containerName(desired.name(), n));
                if (current.isPresent() && mustRecreate(current.get(), s, policy)) {
                    return true;
                }
            }
            return false;
        }

        private List<ObservedContainer> existing(DesiredService s) {
            return observed.containers().stream().filter(c -> !c.oneoff() && c.service().equals(s.name()))
                    .sorted(Comparator.comparingInt(ObservedContainer::number)).toList();
        }

        /**
         * Before {@code service} is recreated: stops the running containers of the selected services that
         * depend on it with {@code restart: true} (docker compose's stopDependentContainers); returns those steps.
         */
        private Set<Integer> stopRestartingDependents(DesiredService service, Set<String> selected) {
            Set<Integer> stops = new LinkedHashSet<>();
            if (!options.start() || !recreated.contains(service.name())) {
                return stops;
            }
            for (DesiredService d : desired.services()) {
                boolean restarts = d.dependencies().stream().anyMatch(e -> e.target().equals(service.name()) && e.restart()
                        && e.kind() == Dependency.Kind.DEPENDS_ON);
                if (!restarts || !selected.contains(d.name())) {
                    continue;
                }
                for (ObservedContainer c : existing(d)) {
                    if (c.running() && c.number() <= d.scale() && !stoppedEarly.containsKey(c.id())) {
                        int stop = plan.add(new Step.StopContainer(d.name(), c.name(), c.id()), Set.of());
                        stoppedEarly.put(c.id(), stop);
                        stops.add(stop);
                    }
                }
            }
            return stops;
        }

        private void converge(DesiredService service, Set<String> selected) {
            Set<Integer> dependentStops = stopRestartingDependents(service, selected);
            Set<Integer> waits = new LinkedHashSet<>();
            if (options.start()) {
                for (Dependency d : service.dependencies()) {
                    if (!selected.contains(d.target()) || !graph.services().contains(d.target())) {
                        continue;
                    }
                    Set<Integer> targetReady = readySteps.getOrDefault(d.target(), Set.of());
                    if (d.condition() == Dependency.Condition.STARTED) {
                        waits.addAll(targetReady);
                    } else {
                        waits.add(plan.add(new Step.WaitFor(d.target(), d.condition(), d.required()), targetReady));
                    }
                }
            }
            Set<Integer> before = union(infrastructure, waits);
            UpOptions.Recreate policy = policyFor(service);
            List<ObservedContainer> existing = existing(service);
            Set<Integer> ready = new LinkedHashSet<>();
            for (int n = 1; n <= service.scale(); n++) {
                String name = service.containerName(desired.name(), n);
                Optional<ObservedContainer> current = replica(existing, service, n, name);
                if (current.isEmpty()) {
                    int create = plan.add(new Step.CreateContainer(service.name(), n, name, null), before);
                    if (options.start()) {
                        ready.add(plan.add(new Step.StartContainer(service.name(), name), Set.of(create)));
                    }
                } else if (mustRecreate(current.get(), service, policy)) {
                    ready.addAll(recreate(current.get(), service, n, name, union(waits, dependentStops)));
                } else if (stoppedEarly.containsKey(current.get().id())) {
                    ready.add(plan.add(new Step.StartContainer(service.name(), current.get().name()),
                            union(before, Set.of(stoppedEarly.get(current.get().id())))));
                } else if (!current.get().running() && options.start()) {
                    ready.add(plan.add(new Step.StartContainer(service.name(), current.get().name()), before));
                } else if (current.get().running()) {
                    running.add(current.get().name());
                }
            }
            List<ObservedContainer> surplus = new ArrayList<>(existing.stream().filter(c -> c.number() > service.scale()).toList());
            surplus.sort(Comparator.comparingInt(ObservedContainer::number).reversed());
            for (ObservedContainer c : surplus) {
                Integer early = stoppedEarly.get(c.id());
                int stop = plan.add(new Step.StopContainer(service.name(), c.name(), c.id()), early == null ? Set.of() : Set.of(early));
                plan.add(new Step.RemoveContainer(service.name(), c.name(), c.id()), Set.of(stop));
            }
            readySteps.put(service.name(), ready);
        }

        private Optional<ObservedContainer> replica(List<ObservedContainer> existing, DesiredService s, int n, String name) {
            if (s.containerName() != null) {
                return existing.stream().filter(c -> c.name().equals(name)).findFirst();
            }
            return existing.stream().filter(c -> c.number() == n).findFirst();
        }

        private boolean mustRecreate(ObservedContainer c, DesiredService s, UpOptions.Recreate policy) {
            if (policy == UpOptions.Recreate.NEVER) {
                return false;
            }
            boolean parentRecreated = s.dependencies().stream().anyMatch(d -> recreated.contains(d.target())
                    && (d.kind() == Dependency.Kind.NETWORK_MODE || d.kind() == Dependency.Kind.VOLUMES_FROM));
            return policy == UpOptions.Recreate.FORCE || !s.configHash().equals(c.configHash()) || parentRecreated
                    || ContainerVolumes.missingNamedVolume(s, c);
        }

        private Set<Integer> recreate(ObservedContainer old, DesiredService s, int n, String name, Set<Integer> waits) {
            Integer early = stoppedEarly.get(old.id());
            int stop = early != null ? early : plan.add(new Step.StopContainer(s.name(), old.name(), old.id()), waits);
            String aside = old.id().substring(0, Math.min(12, old.id().length())) + "_" + old.name();
            int rename = plan.add(new Step.RenameContainer(old.id(), old.name(), aside), early != null ? union(waits, Set.of(stop)) : Set.of(stop));
            var inherit = options.renewAnonVolumes() ? List.<dev.jcompose.planner.plan.InheritedMount>of()
                    : ContainerVolumes.inherited(s, old, observed.imageVolumes(s.image()));
            int create = plan.add(new Step.CreateContainer(s.name(), n, name, old.id(), inherit), union(infrastructure, Set.of(rename)));
            if (!options.start()) {
                plan.add(new Step.RemoveContainer(s.name(), aside, old.id()), Set.of(create));
                return Set.of();
            }
            int start = plan.add(new Step.StartContainer(s.name(), name), Set.of(create));
            plan.add(new Step.RemoveContainer(s.name(), aside, old.id()), Set.of(start));
            return Set.of(start);
        }

        /** Named services use the command's policy; their dependencies diverged-only unless --always-recreate-deps. */
        private UpOptions.Recreate policyFor(DesiredService s) {
            boolean named = options.services().isEmpty() || options.services().contains(s.name());
            if (named || options.recreate() == UpOptions.Recreate.NEVER) {
                return options.recreate();
            }
            return options.alwaysRecreateDeps() ? UpOptions.Recreate.FORCE : UpOptions.Recreate.DIVERGED;
        }

        /**
         * docker compose's orphans: containers of services the file no longer has, and one-off
         * ({@code run}) containers that have exited, whatever their service.
         */
        private List<String> orphans() {
            Set<String> services = new HashSet<>(graph.services());
            List<ObservedContainer> orphans = observed.containers().stream()
                    .filter(c -> c.oneoff() ? !c.running() : !services.contains(c.service())).toList();
            if (orphans.isEmpty()) {
                return List.of();
            }
            if (options.removeOrphans()) {
                for (ObservedContainer c : orphans) {
                    int stop = plan.add(new Step.StopContainer(c.service(), c.name(), c.id()), Set.of());
                    plan.add(new Step.RemoveContainer(c.service(), c.name(), c.id()), Set.of(stop));
                }
                return List.of();
            }
            return List.of("Found orphan containers (" + orphans.stream().map(ObservedContainer::name).toList()
                    + ") for this project. If you removed or renamed this service in your compose file, you can run this"
                    + " command with the --remove-orphans flag to clean it up.");
        }

        private static Set<Integer> union(Set<Integer> a, Set<Integer> b) {
            Set<Integer> out = new LinkedHashSet<>(a);
            out.addAll(b);
            return out;
        }
    }
}
