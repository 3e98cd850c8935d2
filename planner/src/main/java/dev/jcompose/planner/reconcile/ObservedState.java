package dev.jcompose.planner.reconcile;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What exists for the project on the engine: its containers, the networks and volumes by engine name, and the
 * {@code com.docker.compose.config-hash} label of the project's networks that carry one ({@code networkHashes},
 * by engine name; a network without it — made by an older compose or by hand — is left as it is).
 */
public record ObservedState(List<ObservedContainer> containers, Set<String> networks, Set<String> volumes,
                            Map<String, String> networkHashes) {
    public static final ObservedState EMPTY = new ObservedState(List.of(), Set.of(), Set.of());

    public ObservedState {
        containers = List.copyOf(containers);
        networks = Set.copyOf(networks);
        volumes = Set.copyOf(volumes);
        networkHashes = Map.copyOf(networkHashes);
    }

    public ObservedState(List<ObservedContainer> containers, Set<String> networks, Set<String> volumes) {
        this(containers, networks, volumes, Map.of());
    }
}
