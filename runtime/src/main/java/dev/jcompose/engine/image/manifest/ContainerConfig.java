package dev.jcompose.engine.image.manifest;

import java.util.List;
import java.util.Map;

/**
 * The defaults an image gives its containers (the config blob's {@code config} object).
 *
 * @param entrypoint  null when the image sets none (distinct from an empty list)
 * @param cmd         null when the image sets none
 * @param exposedPorts like {@code 80/tcp}
 */
public record ContainerConfig(List<String> env, List<String> entrypoint, List<String> cmd, String workingDir,
                              String user, List<String> exposedPorts, List<String> volumes,
                              Map<String, String> labels, String stopSignal) {
    public static final ContainerConfig EMPTY = new ContainerConfig(List.of(), null, null, "", "", List.of(), List.of(), Map.of(), "");

    public ContainerConfig {
        env = List.copyOf(env);
        entrypoint = entrypoint == null ? null : List.copyOf(entrypoint);
        cmd = cmd == null ? null : List.copyOf(cmd);
        workingDir = workingDir == null ? "" : workingDir;
        user = user == null ? "" : user;
        exposedPorts = List.copyOf(exposedPorts);
        volumes = List.copyOf(volumes);
        labels = Map.copyOf(labels);
        stopSignal = stopSignal == null ? "" : stopSignal;
    }
}
