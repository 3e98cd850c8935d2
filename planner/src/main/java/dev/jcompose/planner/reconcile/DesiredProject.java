package dev.jcompose.planner.reconcile;

import java.util.List;

/**
 * The project as the compose file wants it: services in declaration order, engine names of its networks and
 * volumes, and the networks' config hashes and attached services ({@code networkConfigs}; a network missing there
 * is never found changed).
 */
public record DesiredProject(String name, List<DesiredService> services, List<String> networks, List<String> volumes,
                             List<DesiredNetwork> networkConfigs) {
    public DesiredProject {
        services = List.copyOf(services);
        networks = List.copyOf(networks);
        volumes = List.copyOf(volumes);
        networkConfigs = List.copyOf(networkConfigs);
    }

    public DesiredProject(String name, List<DesiredService> services, List<String> networks, List<String> volumes) {
        this(name, services, networks, volumes, List.of());
    }
}
