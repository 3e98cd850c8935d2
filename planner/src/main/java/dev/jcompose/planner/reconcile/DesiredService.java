package dev.jcompose.planner.reconcile;

import dev.jcompose.planner.graph.Dependency;
import java.util.List;

/**
 * What the compose file wants of one service, as far as reconciling needs it: how many replicas,
 * the config hash its containers must carry, its image, an explicit {@code container_name}
 * (or null), its dependencies, and its {@code volumes} (named volumes by engine name).
 */
public record DesiredService(String name, int scale, String configHash, String image, String containerName,
                             List<Dependency> dependencies, List<DesiredMount> mounts) {
    public DesiredService(String name, int scale, String configHash, String image, String containerName, List<Dependency> dependencies) {
        this(name, scale, configHash, image, containerName, dependencies, List.of());
    }

    public DesiredService {
        dependencies = List.copyOf(dependencies);
        mounts = mounts == null ? List.of() : List.copyOf(mounts);
        if (scale < 0) {
            throw new IllegalArgumentException("service " + name + ": scale must not be negative");
        }
        if (containerName != null && scale > 1) {
            throw new IllegalArgumentException("service " + name + " has container_name \"" + containerName
                    + "\" and cannot be scaled to " + scale + " containers");
        }
    }

    /** {@code <project>-<service>-<n>}, or the container_name. */
    public String containerName(String project, int number) {
        return containerName != null ? containerName : project + "-" + name + "-" + number;
    }
}
