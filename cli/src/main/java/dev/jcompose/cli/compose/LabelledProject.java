package dev.jcompose.cli.compose;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcompose.cli.engine.EngineClient;
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
 * compose rebuilds it: its services from its containers' labels, its networks and volumes from
 * theirs. Enough to tear it down; dependency order is unknown, so services go in any order.
 */
public final class LabelledProject {
    private LabelledProject() {
    }

    public static DesiredProject desired(EngineClient engine, String project, ObservedState observed) {
        Set<String> services = new LinkedHashSet<>();
        observed.containers().stream().map(ObservedContainer::service).forEach(services::add);
        List<DesiredService> desired = new ArrayList<>();
        services.forEach(s -> desired.add(new DesiredService(s, 0, "", "", null, List.of())));
        String filter = URLEncoder.encode("{\"label\":[\"" + Labels.PROJECT + "=" + project + "\"]}", StandardCharsets.UTF_8);
        List<String> networks = new ArrayList<>();
        engine.get("/networks?filters=" + filter).forEach(n -> networks.add(n.path("Name").asText()));
        List<String> volumes = new ArrayList<>();
        for (JsonNode v : engine.get("/volumes?filters=" + filter).path("Volumes")) {
            volumes.add(v.path("Name").asText());
        }
        return new DesiredProject(project, desired, networks, volumes);
    }
}
