package dev.jcompose.cli.compose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jcompose.cli.engine.EngineClient;
import dev.jcompose.cli.engine.EngineException;
import dev.jcompose.model.Project;
import dev.jcompose.planner.execute.ProjectRuntime;
import dev.jcompose.planner.plan.Step;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The planner's runtime interface over the engine API: each step is one or two Docker API calls. */
public final class EngineProjectRuntime implements ProjectRuntime {
    private final EngineClient engine;
    private final Project project;
    private final int stopTimeout;

    /** @param stopTimeout seconds for stop steps ({@code -t}), or -1 for each container's own */
    public EngineProjectRuntime(EngineClient engine, Project project, int stopTimeout) {
        this.engine = engine;
        this.project = project;
        this.stopTimeout = stopTimeout;
    }

    @Override
    public void apply(Step step) {
        if (step instanceof Step.CreateNetwork s) {
            String key = project.networks().values().stream().filter(n -> n.name().equals(s.name())).map(n -> n.key()).findFirst().orElse(s.name());
            var decl = project.networks().get(key);
            ObjectNode body = JsonNodeFactory.instance.objectNode().put("Name", s.name()).put("Driver", "bridge");
            ObjectNode labels = body.putObject("Labels");
            labels.put(Labels.PROJECT, project.name()).put(Labels.NETWORK, key).put(Labels.VERSION, Labels.COMPOSE_VERSION);
            if (decl != null) {
                labels.put(Labels.CONFIG_HASH, NetworkHash.of(decl));
                decl.labels().forEach(labels::put);
                body.put("Internal", decl.internal());
                if (Boolean.TRUE.equals(decl.enableIpv6())) {
                    body.put("EnableIPv6", true);
                }
                if (!decl.driverOpts().isEmpty()) {
                    ObjectNode options = body.putObject("Options");
                    decl.driverOpts().forEach(options::put);
                }
                if (!decl.ipam().isEmpty()) {
                    var config = body.putObject("IPAM").putArray("Config");
                    decl.ipam().forEach(pool -> {
                        ObjectNode c = config.addObject();
                        ContainerRequest.putIf(c, "Subnet", pool.subnet());
                        ContainerRequest.putIf(c, "Gateway", pool.gateway());
                        ContainerRequest.putIf(c, "IPRange", pool.ipRange());
                        if (pool.auxAddresses() != null && !pool.auxAddresses().isEmpty()) {
                            ObjectNode aux = c.putObject("AuxiliaryAddresses");
                            pool.auxAddresses().forEach(aux::put);
                        }
                    });
                }
            }
            engine.post("/networks/create", body);
        } else if (step instanceof Step.CreateVolume s) {
            String key = project.volumes().values().stream().filter(v -> v.name().equals(s.name())).map(v -> v.key()).findFirst().orElse(s.name());
            ObjectNode body = JsonNodeFactory.instance.objectNode().put("Name", s.name());
            ObjectNode labels = body.putObject("Labels");
            labels.put(Labels.PROJECT, project.name()).put(Labels.VOLUME, key).put(Labels.VERSION, Labels.COMPOSE_VERSION);
            var decl = project.volumes().get(key);
            if (decl != null) {
                decl.labels().forEach(labels::put);
                ObjectNode opts = body.putObject("DriverOpts");
                decl.driverOpts().forEach(opts::put);
            }
            engine.post("/volumes/create", body);
        } else if (step instanceof Step.CreateContainer s) {
            ObjectNode body = ContainerRequest.build(project, project.service(s.service()), s.number(), s.name(), s.replaces());
            InheritedMounts.apply(body, s.inherit());
            try {
                engine.post("/containers/create?name=" + enc(s.name()), body);
            } catch (EngineException e) {
                if (e.isNotFound() && e.getMessage().startsWith("No such image")) {
                    throw new EngineException(404, e.getMessage() + " (load it with jcompose image load, or pull it)");
                }
                throw e;
            }
        } else if (step instanceof Step.StartContainer s) {
            engine.post("/containers/" + enc(s.name()) + "/start", null);
        } else if (step instanceof Step.StopContainer s) {
            engine.post("/containers/" + enc(s.id()) + "/stop" + (stopTimeout >= 0 ? "?t=" + stopTimeout : ""), null);
        } else if (step instanceof Step.RestartContainer s) {
            engine.post("/containers/" + enc(s.id()) + "/restart" + (stopTimeout >= 0 ? "?t=" + stopTimeout : ""), null);
        } else if (step instanceof Step.RemoveContainer s) {
            engine.delete("/containers/" + enc(s.id()) + "?force=1" + (s.anonymousVolumes() ? "&v=1" : ""));
        } else if (step instanceof Step.RenameContainer s) {
            engine.post("/containers/" + enc(s.id()) + "/rename?name=" + enc(s.to()), null);
        } else if (step instanceof Step.DisconnectNetwork s) {
            engine.post("/networks/" + enc(s.network()) + "/disconnect", JsonNodeFactory.instance.objectNode().put("Container", s.id())
                    .put("Force", true));
        } else if (step instanceof Step.ConnectNetwork s) {
            engine.post("/networks/" + enc(s.network()) + "/connect", connectBody(s));
        } else if (step instanceof Step.RemoveNetwork s) {
            engine.delete("/networks/" + enc(s.name()));
        } else if (step instanceof Step.RemoveVolume s) {
            engine.delete("/volumes/" + enc(s.name()));
        } else if (step instanceof Step.PullImage s) {
            engine.stream(org.eclipse.jetty.http.HttpMethod.POST, "/images/create?fromImage=" + enc(s.image()), null, null, m -> {
            });
        } else {
            throw new IllegalArgumentException("the engine runtime cannot apply " + step.text());
        }
    }

    @Override
    public List<ContainerStatus> observe(String service) {
        List<ContainerStatus> out = new ArrayList<>();
        for (JsonNode c : ProjectContainers.list(engine, project.name(), service)) {
            String id = c.path("Id").asText();
            if ("True".equalsIgnoreCase(c.path("Labels").path(Labels.ONEOFF).asText()) || replaced(id, ProjectContainers.name(c))) {
                continue;
            }
            JsonNode state;
            try {
                state = engine.get("/containers/" + id + "/json").path("State");
            } catch (EngineException e) {
                if (e.isNotFound()) {
                    continue; // removed since the list
                }
                throw e;
            }
            JsonNode health = state.path("Health").path("Status");
            out.add(new ContainerStatus(ProjectContainers.name(c), state.path("Status").asText(),
                    health.isMissingNode() || health.isNull() ? null : health.asText(), state.path("ExitCode").asInt()));
        }
        return out;
    }

    /**
     * The container again on a recreated network, with the endpoint (aliases, addresses …) its service asks for there
     * (docker compose's plan sends none, so its container loses its aliases there until it is recreated; jcompose keeps them).
     */
    private ObjectNode connectBody(Step.ConnectNetwork s) {
        ObjectNode create = ContainerRequest.build(project, project.service(s.service()), s.number(), s.name(), null);
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("Container", s.id());
        JsonNode endpoint = create.path("NetworkingConfig").path("EndpointsConfig").path(s.network());
        if (endpoint.isObject()) {
            body.set("EndpointConfig", endpoint);
        }
        return body;
    }

    /** An old container a recreation moved out of the way ({@code <12 hex of its id>_<name>}) until it is removed: not one to wait for. */
    private static boolean replaced(String id, String name) {
        return id.length() >= 12 && name.startsWith(id.substring(0, 12) + "_");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
