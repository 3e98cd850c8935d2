package dev.jcompose.model.service;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A service's {@code deploy} section as data. The engine reads replicas and resources through
 * {@link ServiceLifecycle#replicas()} and {@link ServiceResources}; the rest is kept for {@code config}
 * and for anyone who needs it. Nulls mean "not set".
 */
public record Deploy(String mode, Integer replicas, Map<String, String> labels, RestartPolicy restartPolicy, String endpointMode,
                     List<String> placementConstraints, Resources limits, Resources reservations, UpdateConfig updateConfig,
                     UpdateConfig rollbackConfig) {
    public Deploy {
        labels = Map.copyOf(labels);
        placementConstraints = List.copyOf(placementConstraints);
    }

    /** {@code cpus} as a fraction of CPUs, {@code memory} in bytes. */
    public record Resources(Double cpus, Long memory, Long pids, List<DeviceRequest> devices) {
        public Resources {
            devices = List.copyOf(devices);
        }
    }

    /** A device reservation ({@code count} -1 for {@code all}). */
    public record DeviceRequest(List<String> capabilities, String driver, Long count, List<String> deviceIds, Map<String, String> options) {
        public DeviceRequest {
            capabilities = List.copyOf(capabilities);
            deviceIds = List.copyOf(deviceIds);
            options = Map.copyOf(options);
        }
    }

    public record RestartPolicy(String condition, Duration delay, Integer maxAttempts, Duration window) {
    }

    public record UpdateConfig(Integer parallelism, Duration delay, String failureAction, Duration monitor, Double maxFailureRatio,
                               String order) {
    }
}
