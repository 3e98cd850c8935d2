package dev.jcompose.cli.verbs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcompose.cli.UserError;
import dev.jcompose.cli.args.CommandSpec;
import dev.jcompose.cli.args.ParsedArgs;
import dev.jcompose.cli.args.UsageError;
import dev.jcompose.cli.compose.Labels;
import dev.jcompose.cli.compose.ProjectContainers;
import dev.jcompose.cli.engine.EngineClient;
import java.util.List;

/** {@code jcompose port SERVICE PRIVATE_PORT}: the host address a container port is published on ({@code 0.0.0.0:49153}). */
public final class PortCommand extends ProjectCommand {
    String service;
    int privatePort;
    String protocol = "tcp";
    int index = 1;

    static final CommandSpec SPEC = CommandSpec.command("port", "Print the public port for a port binding")
            .positional("SERVICE", 1, 1)
            .positional("PRIVATE_PORT", 1, 1)
            .option("PROTOCOL", "tcp or udp", "--protocol")
            .option("N", "Index of the container if service has multiple replicas", "--index")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    protected void bind(ParsedArgs args) {
        service = args.positional(0);
        String port = args.positional(1);
        if (port != null && !port.matches("[0-9]{1,5}")) {
            throw new UsageError("invalid port \"" + port + "\": not a port number");
        }
        privatePort = port == null ? 0 : Integer.parseInt(port);
        protocol = args.value("--protocol", "tcp");
        index = args.integer("--index", 1);
    }

    @Override
    public Integer call() {
        String project = load(List.of(service)).name();
        try (EngineClient engine = engine()) {
            for (JsonNode c : ProjectContainers.list(engine, project, service)) {
                if (c.path("Labels").path(Labels.NUMBER).asInt() != index) {
                    continue;
                }
                JsonNode bindings = engine.get("/containers/" + c.path("Id").asText() + "/json").path("NetworkSettings").path("Ports")
                        .path(privatePort + "/" + protocol);
                if (bindings.isArray() && bindings.size() > 0) {
                    JsonNode b = bindings.get(0);
                    out().println((b.path("HostIp").asText().isEmpty() ? "0.0.0.0" : b.path("HostIp").asText()) + ":" + b.path("HostPort").asText());
                    out().flush();
                    return 0;
                }
                throw new UserError("no port " + privatePort + "/" + protocol + " for container " + ProjectContainers.name(c));
            }
        }
        throw new UserError("service \"" + service + "\" has no container with index " + index);
    }
}
