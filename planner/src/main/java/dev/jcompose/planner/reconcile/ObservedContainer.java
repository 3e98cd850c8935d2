package dev.jcompose.planner.reconcile;

import java.util.List;

/**
 * A container of the project as the engine reports it, read from docker compose's labels:
 * {@code com.docker.compose.service}, {@code .container-number}, {@code .oneoff}, {@code .config-hash};
 * and its {@code Mounts} (empty when the engine has recorded none yet).
 */
public record ObservedContainer(String id, String name, String service, int number, boolean oneoff, String configHash,
                                boolean running, List<ObservedMount> mounts) {
    public ObservedContainer {
        mounts = mounts == null ? List.of() : List.copyOf(mounts);
    }

    public ObservedContainer(String id, String name, String service, int number, boolean oneoff, String configHash, boolean running) {
        this(id, name, service, number, oneoff, configHash, running, List.of());
    }
}
