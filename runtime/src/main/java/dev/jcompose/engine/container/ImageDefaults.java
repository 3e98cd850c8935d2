package dev.jcompose.engine.container;

import java.util.List;
import java.util.Map;

/** The parts of an image's config a container inherits when its create request leaves them out. */
public record ImageDefaults(
        List<String> cmd,
        List<String> entrypoint,
        List<String> env,
        String workingDir,
        String user,
        Map<String, Map<String, Object>> exposedPorts,
        Map<String, Map<String, Object>> volumes,
        ContainerConfig.HealthConfig healthcheck,
        Map<String, String> labels,
        String stopSignal) {

    public static final ImageDefaults NONE = new ImageDefaults(null, null, List.of(), "", "", Map.of(), Map.of(), null, Map.of(), null);

    public ImageDefaults {
        env = env == null ? List.of() : List.copyOf(env);
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        workingDir = workingDir == null ? "" : workingDir;
        user = user == null ? "" : user;
    }
}
