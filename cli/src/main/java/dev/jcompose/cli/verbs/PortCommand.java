package dev.jcompose.cli.verbs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcompose.cli.UserError;
import dev.jcompose.cli.compose.Labels;
import dev.jcompose.cli.compose.ProjectContainers;
import dev.jcompose.cli.engine.EngineClient;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jcompose port SERVICE PRIVATE_PORT}: the host address a container port is published on ({@code 0.0.0.0:49153}). */
@Command(name = "port", description = "Print the public port for a port binding")
public final class PortCommand extends ProjectCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SERVICE")
    String service;

    @Parameters(index = "1", paramLabel = "PRIVATE_PORT")
    int privatePort;

    @Option(names = "--protocol", paramLabel = "PROTOCOL", description = "tcp or udp")
    String protocol = "tcp";

    @Option(names = "--index", paramLabel = "N", description = "Index of the container if service has multiple replicas")
    int index = 1;

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
