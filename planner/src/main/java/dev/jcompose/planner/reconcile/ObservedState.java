package dev.jcompose.planner.reconcile;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What exists for the project on the engine: its containers, the networks and volumes by engine name, the
 * {@code com.docker.compose.config-hash} label of the project's networks that carry one ({@code networkHashes},
 * by engine name; a network without it — made by an older compose or by hand — is left as it is), and the
 * {@code VOLUME}s of the images the services use (by image reference as the service names it; an image the engine
 * does not have is absent).
 */
public record ObservedState(List<ObservedContainer> containers, Set<String> networks, Set<String> volumes,
                            Map<String, String> networkHashes, Map<String, Set<String>> imageVolumes) {
    public static final ObservedState EMPTY = new ObservedState(List.of(), Set.of(), Set.of());

    public ObservedState(List<ObservedContainer> containers, Set<String> networks, Set<String> volumes) {
        this(containers, networks, volumes, Map.of(), Map.of());
    }

    public ObservedState {
        containers = List.copyOf(containers);
        networks = Set.copyOf(networks);
        volumes = Set.copyOf(volumes);
        networkHashes = networkHashes == null ? Map.of() : Map.copyOf(networkHashes);
        imageVolumes = imageVolumes == null ? Map.of() : Map.copyOf(imageVolumes);
    }

    /** The {@code VOLUME} paths of {@code image}, empty when unknown. */
    public Set<String> imageVolumes(String image) {
        return imageVolumes.getOrDefault(image, Set.of());
    }
}
