package dev.jcompose.model.service;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What runs in a service's containers: command and entrypoint (null = the image's), environment
 * (env_file values already merged under the service's own), user, working dir, TTY/stdin, init,
 * stop signal and grace period, hostname and domainname, ulimits and sysctls.
 */
public record ServiceProcess(List<String> command, List<String> entrypoint, Map<String, String> environment,
                             List<EnvFile> envFiles, String user, List<String> groupAdd, String workingDir, boolean tty,
                             boolean stdinOpen, Boolean init, String stopSignal, Duration stopGracePeriod, String hostname,
                             String domainname, Map<String, Ulimit> ulimits, Map<String, String> sysctls) {
    public ServiceProcess {
        command = command == null ? null : List.copyOf(command);
        entrypoint = entrypoint == null ? null : List.copyOf(entrypoint);
        environment = Map.copyOf(environment);
        envFiles = List.copyOf(envFiles);
        groupAdd = List.copyOf(groupAdd);
        ulimits = Map.copyOf(ulimits);
        sysctls = Map.copyOf(sysctls);
    }
}
