package dev.jcompose.cli.e2e;

import dev.jcompose.engine.container.ContainerFilters;
import dev.jcompose.engine.container.ContainerRecord;
import java.util.List;
import java.util.Map;

/**
 * What the Go scenarios' {@code ServiceState}, {@code OneOffState}, {@code ServiceScale},
 * {@code ServiceNotCreated} and {@code NotRecreated} checks read, taken from the fixture's engine by
 * compose labels (as docker compose finds its containers).
 */
final class ServiceStates {
    private final E2eFixture c;
    private final String project;

    ServiceStates(E2eFixture c, String project) {
        this.c = c;
        this.project = project;
    }

    /** The project's containers of {@code service}: numbered replicas, or one-offs when {@code oneOff}. */
    List<ContainerRecord> containers(String service, boolean oneOff) {
        return c.engine.containers().list(true, ContainerFilters.NONE).stream().map(r -> c.engine.containers().inspect(r.id())).filter(r -> {
            Map<String, String> l = r.config().labels();
            return l != null && project.equals(l.get("com.docker.compose.project")) && service.equals(l.get("com.docker.compose.service"))
                    && oneOff == "True".equals(l.get("com.docker.compose.oneoff"));
        }).toList();
    }

    /** The state of the service's only replica, {@code "none"} when it has none. */
    String service(String service) {
        return only(containers(service, false), service);
    }

    /** The state of the service's only one-off container, {@code "none"} when it has none. */
    String oneOff(String service) {
        return only(containers(service, true), service + " (one-off)");
    }

    /** The service's replica's container id (for {@code NotRecreated}). */
    String id(String service) {
        List<ContainerRecord> all = containers(service, false);
        if (all.size() != 1) {
            throw new AssertionError("expected one container for " + service + ", found " + all.size());
        }
        return all.get(0).id();
    }

    private static String only(List<ContainerRecord> all, String what) {
        if (all.isEmpty()) {
            return "none";
        }
        if (all.size() > 1) {
            throw new AssertionError("expected one container for " + what + ", found " + all.size());
        }
        return all.get(0).state().status();
    }
}
