package dev.jcompose.planner.reconcile;

import java.util.List;

/** The project as the compose file wants it: services in declaration order, and engine names of its networks and volumes. */
public record DesiredProject(String name, List<DesiredService> services, List<String> networks, List<String> volumes) {
    public DesiredProject {
        services = List.copyOf(services);
        networks = List.copyOf(networks);
        volumes = List.copyOf(volumes);
    }
}
