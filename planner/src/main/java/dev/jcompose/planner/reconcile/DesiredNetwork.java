package dev.jcompose.planner.reconcile;

import java.util.List;

/**
 * A network the file defines, as far as reconciling needs it: its engine name, the config hash its engine
 * network must carry ({@code com.docker.compose.config-hash}), and the services attached to it.
 */
public record DesiredNetwork(String name, String configHash, List<String> services) {
    public DesiredNetwork {
        services = List.copyOf(services);
    }
}
