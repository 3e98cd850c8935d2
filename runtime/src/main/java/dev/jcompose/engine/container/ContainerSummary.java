package dev.jcompose.engine.container;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One row of {@code GET /containers/json}, in Docker's {@code ContainerSummary} shape. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContainerSummary(
        @JsonProperty("Id") String id,
        @JsonProperty("Names") List<String> names,
        @JsonProperty("Image") String image,
        @JsonProperty("ImageID") String imageId,
        @JsonProperty("Command") String command,
        @JsonProperty("Created") long created,
        @JsonProperty("Ports") List<Port> ports,
        @JsonProperty("Labels") Map<String, String> labels,
        @JsonProperty("State") String state,
        @JsonProperty("Status") String status,
        @JsonProperty("HostConfig") Map<String, String> hostConfig,
        @JsonProperty("NetworkSettings") Map<String, Map<String, EndpointSettings>> networkSettings,
        @JsonProperty("Mounts") List<ContainerRecord.MountPoint> mounts) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Port(@JsonProperty("IP") String ip, @JsonProperty("PrivatePort") int privatePort,
                       @JsonProperty("PublicPort") Integer publicPort, @JsonProperty("Type") String type) {
    }

    public static ContainerSummary of(ContainerRecord r, Instant now) {
        Map<String, EndpointSettings> networks = r.networkSettings() == null ? Map.of() : r.networkSettings().networks();
        return new ContainerSummary(r.id(), List.of(r.name()), r.config().image(), r.image(),
                dockerCommand(r.path(), r.args()), Instant.parse(r.created()).getEpochSecond(), ports(r.asShown()), r.labels(),
                r.state().status(), StatusText.of(r.state(), now),
                Map.of("NetworkMode", r.hostConfig().effectiveNetworkMode()), Map.of("Networks", networks), r.mounts());
    }

    /** Docker's list Command: the path, then the arguments, each one holding a space in single quotes ({@code sh -c 'sleep 1'}). */
    static String dockerCommand(String path, List<String> args) {
        StringBuilder sb = new StringBuilder(path == null ? "" : path);
        for (String a : args) {
            sb.append(' ').append(a.contains(" ") ? "'" + a + "'" : a);
        }
        return sb.toString().strip();
    }

    private static List<Port> ports(ContainerRecord r) {
        List<Port> out = new ArrayList<>();
        Map<String, List<HostConfig.PortBinding>> published = r.networkSettings() == null ? Map.of() : r.networkSettings().ports();
        for (var e : published.entrySet()) {
            String[] portProto = e.getKey().split("/", 2);
            int priv = Integer.parseInt(portProto[0]);
            String proto = portProto.length > 1 ? portProto[1] : "tcp";
            if (e.getValue() == null || e.getValue().isEmpty()) {
                out.add(new Port(null, priv, null, proto));
            } else {
                for (HostConfig.PortBinding b : e.getValue()) {
                    out.add(new Port(b.hostIp(), priv, b.hostPort() == null || b.hostPort().isEmpty() ? null
                            : Integer.valueOf(b.hostPort()), proto));
                }
            }
        }
        return out;
    }
}
