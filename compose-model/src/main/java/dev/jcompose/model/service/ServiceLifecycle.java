package dev.jcompose.model.service;

import java.util.List;
import java.util.Map;

/**
 * When and how a service runs: replicas (scale / deploy.replicas, default 1), restart policy,
 * dependencies, health check, profiles, pull policy, platform, whether {@code up} attaches to its logs,
 * and its logging driver.
 */
public record ServiceLifecycle(int replicas, String restart, Map<String, DependsOn> dependsOn, Healthcheck healthcheck,
                               List<String> profiles, String pullPolicy, String platform, boolean attach, Logging logging) {
    public ServiceLifecycle {
        if (replicas < 0) {
            throw new IllegalArgumentException("replicas must not be negative");
        }
        dependsOn = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(dependsOn));
        profiles = List.copyOf(profiles);
    }
}
