package dev.jcompose.model;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A loaded compose project, typed and immutable: its name, project directory, compose files, and
 * services, networks, volumes, secrets and configs by key (in the order {@code config} prints them).
 */
public record Project(String name, Path workingDir, List<String> configFiles, Map<String, Service> services,
                      Map<String, NetworkConfig> networks, Map<String, VolumeConfig> volumes,
                      Map<String, FileObjectConfig> secrets, Map<String, FileObjectConfig> configs) {
    public Project {
        configFiles = List.copyOf(configFiles);
        services = ordered(services);
        networks = ordered(networks);
        volumes = ordered(volumes);
        secrets = ordered(secrets);
        configs = ordered(configs);
    }

    private static <V> Map<String, V> ordered(Map<String, V> m) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }

    public Service service(String name) {
        Service s = services.get(name);
        if (s == null) {
            throw new ComposeException("no such service: " + name);
        }
        return s;
    }
}
