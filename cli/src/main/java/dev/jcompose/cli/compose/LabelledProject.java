package dev.jcompose.cli.compose;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcompose.cli.engine.EngineClient;
import dev.jcompose.planner.graph.Dependency;
import dev.jcompose.planner.reconcile.DesiredProject;
import dev.jcompose.planner.reconcile.DesiredService;
import dev.jcompose.planner.reconcile.ObservedContainer;
import dev.jcompose.planner.reconcile.ObservedState;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A project known only by its name ({@code jcompose -p demo down} with no compose file), as docker
 * compose rebuilds it: its services from its containers' labels (with their dependencies from
 * {@code com.docker.compose.depends_on}: {@code name:condition:restart,…}), its networks and volumes
 * from theirs. Enough to tear it down, or to start, stop and restart it in dependency order.
 */
public final class LabelledProject {
    private LabelledProject() {
    }

    public static DesiredProject desired(EngineClient engine, String project, ObservedState observed) {
        Set<String> services = new LinkedHashSet<>();
        observed.containers().stream().map(ObservedContainer::service).forEach(services::add);
        java.util.Map<String, String> dependsOn = new java.util.HashMap<>();
        for (JsonNode c : ProjectContainers.list(engine, project, null)) {
            dependsOn.putIfAbsent(c.path("Labels").path(Labels.SERVICE).asText(), c.path("Labels").path(Labels.DEPENDS_ON).asText(""));
        }
        List<DesiredService> desired = new ArrayList<>();
        services.forEach(s -> desired.add(new DesiredService(s, 0, "", "", null, dependencies(dependsOn.getOrDefault(s, ""), services))));
        String filter = URLEncoder.encode("{\"label\":[\"" + Labels.PROJECT + "=" + project + "\"]}", StandardCharsets.UTF_8);
        List<String> networks = new ArrayList<>();
        engine.get("/networks?filters=" + filter).forEach(n -> networks.add(n.path("Name").asText()));
        List<String> volumes = new ArrayList<>();
        for (JsonNode v : engine.get("/volumes?filters=" + filter).path("Volumes")) {
            volumes.add(v.path("Name").asText());
        }
        return new DesiredProject(project, desired, networks, volumes);
    }

    /** The depends_on label's edges to services that still have containers ({@code db:service_healthy:true}). */
    static List<Dependency> dependencies(String label, Set<String> services) {
        List<Dependency> out = new ArrayList<>();
        for (String part : label.split(",")) {
            String[] f = part.split(":");
            if (f.length < 2 || !services.contains(f[0])) {
                continue;
            }
            out.add(new Dependency(f[0], Dependency.Condition.of(f[1]), f.length > 2 && Boolean.parseBoolean(f[2]), true, Dependency.Kind.DEPENDS_ON));
        }
        return out;
    }
}
