package dev.jcompose.engine.container;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * Everything the engine knows about one container, persisted as {@code containers/<id>/container.json}
 * and answered, in Docker's {@code ContainerInspect} shape, by {@code GET /containers/{id}/json}.
 * Immutable: every change makes a new record that the {@link ContainerStore} writes atomically.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContainerRecord(
        @JsonProperty("Id") String id,
        @JsonProperty("Created") String created,
        @JsonProperty("Path") String path,
        @JsonProperty("Args") List<String> args,
        @JsonProperty("State") ContainerState state,
        @JsonProperty("Image") String image,
        @JsonProperty("ResolvConfPath") String resolvConfPath,
        @JsonProperty("HostnamePath") String hostnamePath,
        @JsonProperty("HostsPath") String hostsPath,
        @JsonProperty("LogPath") String logPath,
        @JsonProperty("Name") String name,
        @JsonProperty("RestartCount") int restartCount,
        @JsonProperty("Driver") String driver,
        @JsonProperty("Platform") String platform,
        @JsonProperty("ExecIDs") List<String> execIds,
        @JsonProperty("HostConfig") HostConfig hostConfig,
        @JsonProperty("Mounts") List<MountPoint> mounts,
        @JsonProperty("Config") ContainerConfig config,
        @JsonProperty("NetworkSettings") NetworkSettings networkSettings) {

    /** A mount as inspect reports it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MountPoint(@JsonProperty("Type") String type, @JsonProperty("Name") String name,
                             @JsonProperty("Source") String source, @JsonProperty("Destination") String destination,
                             @JsonProperty("Driver") String driver, @JsonProperty("Mode") String mode,
                             @JsonProperty("RW") boolean rw, @JsonProperty("Propagation") String propagation) {
    }

    /** Docker's {@code NetworkSettings}: the published ports and one endpoint per attached network. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record NetworkSettings(@JsonProperty("SandboxKey") String sandboxKey,
                                  @JsonProperty("Ports") Map<String, List<HostConfig.PortBinding>> ports,
                                  @JsonProperty("Networks") Map<String, EndpointSettings> networks) {
        public NetworkSettings {
            ports = ports == null ? Map.of() : Map.copyOf(ports);
            networks = networks == null ? Map.of() : Map.copyOf(networks);
        }
    }

    public ContainerRecord {
        args = args == null ? List.of() : List.copyOf(args);
        execIds = execIds == null ? null : List.copyOf(execIds);
        mounts = mounts == null ? List.of() : List.copyOf(mounts);
    }

    /** The name without Docker's leading slash. */
    public String shortName() {
        return name.startsWith("/") ? name.substring(1) : name;
    }

    public Map<String, String> labels() {
        return config.labels();
    }

    /**
     * The record as inspect shows it: as Docker, a container that is not running (created, exited,
     * dead) shows no published ports; the stored record keeps them for its next start.
     */
    public ContainerRecord asShown() {
        boolean live = state.running() || state.paused() || state.restarting();
        if (live || networkSettings == null || networkSettings.ports().isEmpty()) {
            return this;
        }
        return withNetworkSettings(new NetworkSettings(networkSettings.sandboxKey(), Map.of(), networkSettings.networks()));
    }

    public ContainerRecord withState(ContainerState value) {
        return new ContainerRecord(id, created, path, args, value, image, resolvConfPath, hostnamePath, hostsPath, logPath, name,
                restartCount, driver, platform, execIds, hostConfig, mounts, config, networkSettings);
    }

    public ContainerRecord withName(String value) {
        return new ContainerRecord(id, created, path, args, state, image, resolvConfPath, hostnamePath, hostsPath, logPath, value,
                restartCount, driver, platform, execIds, hostConfig, mounts, config, networkSettings);
    }

    public ContainerRecord withRestartCount(int value) {
        return new ContainerRecord(id, created, path, args, state, image, resolvConfPath, hostnamePath, hostsPath, logPath, name,
                value, driver, platform, execIds, hostConfig, mounts, config, networkSettings);
    }

    public ContainerRecord withNetworkSettings(NetworkSettings value) {
        return new ContainerRecord(id, created, path, args, state, image, resolvConfPath, hostnamePath, hostsPath, logPath, name,
                restartCount, driver, platform, execIds, hostConfig, mounts, config, value);
    }

    public ContainerRecord withMounts(List<MountPoint> value) {
        return new ContainerRecord(id, created, path, args, state, image, resolvConfPath, hostnamePath, hostsPath, logPath, name,
                restartCount, driver, platform, execIds, hostConfig, value, config, networkSettings);
    }
}
