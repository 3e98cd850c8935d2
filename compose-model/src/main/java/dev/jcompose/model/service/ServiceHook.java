package dev.jcompose.model.service;

import java.util.List;
import java.util.Map;

/** A {@code post_start} or {@code pre_stop} hook: a command run in the service's container. */
public record ServiceHook(List<String> command, String user, boolean privileged, String workingDir, Map<String, String> environment) {
    public ServiceHook {
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
    }
}
