package dev.jcompose.planner.reconcile;

/**
 * A container of the project as the engine reports it, read from docker compose's labels:
 * {@code com.docker.compose.service}, {@code .container-number}, {@code .oneoff}, {@code .config-hash}.
 */
public record ObservedContainer(String id, String name, String service, int number, boolean oneoff, String configHash,
                                boolean running) {
}
