package dev.jcompose.model.service;

import java.util.List;
import java.util.Map;

/**
 * A {@code pre_start} step: a command run to completion in its own ephemeral container before the
 * service's container starts. {@code image} is null when the step uses the service's image;
 * {@code perReplica} runs it once per replica instead of once per service.
 */
public record PreStartHook(List<String> command, String image, String user, boolean privileged, String workingDir,
                           Map<String, String> environment, boolean perReplica) {
    public PreStartHook {
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
    }
}
