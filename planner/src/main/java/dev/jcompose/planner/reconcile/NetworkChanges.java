package dev.jcompose.planner.reconcile;

import dev.jcompose.planner.plan.Plan;
import dev.jcompose.planner.plan.Step;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The network part of {@code up}: create the networks that are missing, and recreate those whose config hash
 * differs from the one their engine network carries — as docker compose does, for each changed network: stop the
 * containers of the services attached to it, disconnect them, remove the network, create it again, connect them
 * again. The containers keep their identity (they are not recreated for it); the caller starts them again after
 * their reconnection ({@link Planned#resumeAfter()}). A network without a recorded hash is left as it is.
 */
final class NetworkChanges {
    private NetworkChanges() {
    }

    /**
     * @param ready       the steps containers must wait for before they are created (the networks exist)
     * @param resumeAfter container ID → the last step of its reconnection, after which it may start (or be replaced)
     */
    record Planned(Set<Integer> ready, Map<String, Integer> resumeAfter) {
    }

    /**
     * @param selected the services this {@code up} converges: their containers start again through the caller; a
     *                 running container of another service attached to a changed network is started again here
     */
    static Planned plan(Plan.Builder plan, DesiredProject desired, ObservedState observed, boolean start, Set<String> selected) {
        Set<Integer> ready = new LinkedHashSet<>();
        Map<String, Integer> resumeAfter = new LinkedHashMap<>();
        Map<String, Integer> stops = new LinkedHashMap<>();
        for (String n : desired.networks()) {
            if (!observed.networks().contains(n)) {
                ready.add(plan.add(new Step.CreateNetwork(n), Set.of()));
                continue;
            }
            Optional<DesiredNetwork> want = desired.networkConfigs().stream().filter(d -> d.name().equals(n)).findFirst();
            String has = observed.networkHashes().get(n);
            if (want.isEmpty() || has == null || has.isEmpty() || has.equals(want.get().configHash())) {
                continue;
            }
            List<ObservedContainer> attached = attached(observed, want.get().services());
            List<Integer> disconnects = new ArrayList<>();
            for (ObservedContainer c : attached) {
                Integer stop = stops.get(c.id());
                if (stop == null && c.running()) {
                    stop = plan.add(new Step.StopContainer(c.service(), c.name(), c.id()), Set.of());
                    stops.put(c.id(), stop);
                }
                Set<Integer> after = new HashSet<>();
                if (stop != null) {
                    after.add(stop);
                }
                if (resumeAfter.containsKey(c.id())) {
                    after.add(resumeAfter.get(c.id()));
                }
                disconnects.add(plan.add(new Step.DisconnectNetwork(c.service(), c.name(), c.id(), n), after));
            }
            int remove = plan.add(new Step.RemoveNetwork(n), new LinkedHashSet<>(disconnects));
            int create = plan.add(new Step.CreateNetwork(n), Set.of(remove));
            ready.add(create);
            for (ObservedContainer c : attached) {
                int connect = plan.add(new Step.ConnectNetwork(c.service(), c.number(), c.name(), c.id(), n), Set.of(create));
                if (start || c.running()) {
                    resumeAfter.put(c.id(), connect);
                }
            }
        }
        for (ObservedContainer c : observed.containers()) {
            if (!selected.contains(c.service()) && c.running() && resumeAfter.containsKey(c.id())) {
                plan.add(new Step.StartContainer(c.service(), c.name()), Set.of(resumeAfter.remove(c.id())));
            }
        }
        return new Planned(ready, resumeAfter);
    }

    /** The project's (not one-off) containers of {@code services}, by service then number, for a stable plan. */
    private static List<ObservedContainer> attached(ObservedState observed, List<String> services) {
        return observed.containers().stream().filter(c -> !c.oneoff() && services.contains(c.service()))
                .sorted(Comparator.comparing(ObservedContainer::service).thenComparingInt(ObservedContainer::number)).toList();
    }
}
