package dev.jcompose.cli.compose;

import dev.jcompose.model.NetworkConfig;
import dev.jcompose.model.Project;
import dev.jcompose.model.Service;
import dev.jcompose.model.VolumeConfig;
import dev.jcompose.model.service.ServiceVolume;
import dev.jcompose.planner.graph.Dependency;
import dev.jcompose.planner.reconcile.DesiredMount;
import dev.jcompose.planner.reconcile.DesiredNetwork;
import dev.jcompose.planner.reconcile.DesiredProject;
import dev.jcompose.planner.reconcile.DesiredService;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The typed project as the planner sees it: services with their replicas, hashes and dependency edges; engine names of
 * networks and volumes; each network's config hash ({@link NetworkHash}) and attached services.
 */
public final class PlanInput {
    private PlanInput() {
    }

    public static DesiredProject of(Project p) {
        return of(p, java.util.Map.of());
    }

    /** With {@code up --scale service=n} overrides. */
    public static DesiredProject of(Project p, java.util.Map<String, Integer> scale) {
        for (String s : scale.keySet()) {
            p.service(s);
        }
        List<DesiredService> services = new ArrayList<>();
        Set<String> usedNetworks = new LinkedHashSet<>();
        for (Service s : p.services().values()) {
            services.add(new DesiredService(s.name(), scale.getOrDefault(s.name(), s.lifecycle().replicas()), s.configHash(),
                    s.imageOr(p.name()), s.containerName(), dependencies(s), mounts(p, s)));
            if (s.networking().networkMode() == null) {
                usedNetworks.addAll(s.networking().networks().keySet());
            }
        }
        List<String> networks = new ArrayList<>();
        List<DesiredNetwork> configs = new ArrayList<>();
        for (String key : usedNetworks) {
            NetworkConfig n = p.networks().get(key);
            if (n != null && !n.external()) {
                networks.add(n.name());
                configs.add(new DesiredNetwork(n.name(), NetworkHash.of(n), attachedTo(p, key)));
            }
        }
        List<String> volumes = p.volumes().values().stream().filter(v -> !v.external()).map(VolumeConfig::name).toList();
        return new DesiredProject(p.name(), services, networks, volumes, configs);
    }

    /** The services with an endpoint on network {@code key} (not those sharing another's network namespace). */
    private static List<String> attachedTo(Project p, String key) {
        return p.services().values().stream().filter(s -> s.networking().networkMode() == null && s.networking().networks().containsKey(key))
                .map(Service::name).toList();
    }

    /** The service's {@code volumes}: named volumes by engine name, as the create request mounts them. */
    static List<DesiredMount> mounts(Project p, Service s) {
        List<DesiredMount> out = new ArrayList<>();
        for (ServiceVolume v : s.storage().volumes()) {
            String source = v.source() == null || v.source().isEmpty() ? null : v.source();
            if (ContainerRequest.isNamedVolume(v)) {
                VolumeConfig decl = p.volumes().get(v.source());
                source = decl == null ? v.source() : decl.name();
            }
            out.add(new DesiredMount(v.type(), source, v.target()));
        }
        return out;
    }

    static List<Dependency> dependencies(Service s) {
        List<Dependency> out = new ArrayList<>();
        s.lifecycle().dependsOn().forEach((target, d) -> out.add(new Dependency(target, Dependency.Condition.of(d.condition()), d.restart(), d.required(), Dependency.Kind.DEPENDS_ON)));
        for (String link : s.networking().links()) {
            String target = link.split(":")[0];
            if (out.stream().noneMatch(d -> d.target().equals(target))) {
                out.add(Dependency.implicit(target, Dependency.Kind.LINK));
            }
        }
        String mode = s.networking().networkMode();
        if (mode != null && mode.startsWith("service:")) {
            out.add(Dependency.implicit(mode.substring(8), Dependency.Kind.NETWORK_MODE));
        }
        for (String from : s.storage().volumesFrom()) {
            if (!from.startsWith("container:")) {
                out.add(Dependency.implicit(from.split(":")[0], Dependency.Kind.VOLUMES_FROM));
            }
        }
        return out;
    }
}
