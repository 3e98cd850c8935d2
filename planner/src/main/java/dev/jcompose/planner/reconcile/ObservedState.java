package dev.jcompose.planner.reconcile;

import java.util.List;
import java.util.Set;

/** What exists for the project on the engine: its containers, and the networks and volumes by engine name. */
public record ObservedState(List<ObservedContainer> containers, Set<String> networks, Set<String> volumes) {
    public static final ObservedState EMPTY = new ObservedState(List.of(), Set.of(), Set.of());

    public ObservedState {
        containers = List.copyOf(containers);
        networks = Set.copyOf(networks);
        volumes = Set.copyOf(volumes);
    }
}
