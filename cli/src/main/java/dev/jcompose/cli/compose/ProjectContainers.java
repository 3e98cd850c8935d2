package dev.jcompose.cli.compose;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcompose.cli.engine.EngineClient;
import dev.jcompose.planner.reconcile.ObservedContainer;
import dev.jcompose.planner.reconcile.ObservedMount;
import dev.jcompose.planner.reconcile.ObservedState;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What exists on the engine for a project, found by compose's labels (no state file: labels are the truth). */
public final class ProjectContainers {
    private ProjectContainers() {
    }

    /** The project's containers as the engine lists them (all states), newest first. */
    public static List<JsonNode> list(EngineClient engine, String project, String service) {
        List<JsonNode> out = new ArrayList<>();
        engine.get(listPath(project, service)).forEach(out::add);
        return out;
    }

    /** {@link #list} as {@code ps} shows them, read without a JSON tree (see {@link ContainerSummaries}). */
    public static List<PsContainer> summaries(EngineClient engine, String project) {
        return engine.get(listPath(project, null), ContainerSummaries::read);
    }

    private static String listPath(String project, String service) {
        String filter = "{\"label\":[\"" + Labels.PROJECT + "=" + project + "\""
                + (service == null ? "" : ",\"" + Labels.SERVICE + "=" + service + "\"") + "]}";
        return "/containers/json?all=1&filters=" + URLEncoder.encode(filter, StandardCharsets.UTF_8);
    }

    public static ObservedState observe(EngineClient engine, String project) {
        List<ObservedContainer> containers = new ArrayList<>();
        for (JsonNode c : list(engine, project, null)) {
            JsonNode labels = c.path("Labels");
            containers.add(new ObservedContainer(c.path("Id").asText(), name(c), labels.path(Labels.SERVICE).asText(),
                    labels.path(Labels.NUMBER).asInt(0), "True".equalsIgnoreCase(labels.path(Labels.ONEOFF).asText()),
                    labels.path(Labels.CONFIG_HASH).asText(), "running".equals(c.path("State").asText()), mounts(c.path("Mounts"))));
        }
        Set<String> networks = new HashSet<>();
        Map<String, String> networkHashes = new HashMap<>();
        engine.get("/networks").forEach(n -> {
            networks.add(n.path("Name").asText());
            JsonNode labels = n.path("Labels");
            if (project.equals(labels.path(Labels.PROJECT).asText()) && labels.hasNonNull(Labels.CONFIG_HASH)) {
                networkHashes.put(n.path("Name").asText(), labels.path(Labels.CONFIG_HASH).asText());
            }
        });
        Set<String> volumes = new HashSet<>();
        engine.get("/volumes").path("Volumes").forEach(v -> volumes.add(v.path("Name").asText()));
        return new ObservedState(containers, networks, volumes, networkHashes, Map.of());
    }

    /** A container summary's {@code Mounts}. */
    static List<ObservedMount> mounts(JsonNode mounts) {
        List<ObservedMount> out = new ArrayList<>();
        for (JsonNode m : mounts) {
            String name = m.path("Name").asText("");
            out.add(new ObservedMount(m.path("Type").asText(), name.isEmpty() ? null : name, m.path("Source").asText(""),
                    m.path("Destination").asText(), m.path("RW").asBoolean(true)));
        }
        return out;
    }

    /** The name compose shows in logs: {@code demo-web-1} in project {@code demo} is {@code web-1}. */
    public static String displayName(String project, String containerName) {
        String name = containerName.startsWith("/") ? containerName.substring(1) : containerName;
        return name.startsWith(project + "-") ? name.substring(project.length() + 1) : name;
    }

    public static String name(JsonNode summary) {
        String n = summary.path("Names").path(0).asText();
        return n.startsWith("/") ? n.substring(1) : n;
    }
}
