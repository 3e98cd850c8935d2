package dev.jcompose.model.service;

import java.util.List;

/**
 * Resource limits, from the service attributes or {@code deploy.resources} (limits win when both are
 * set, as in docker compose): bytes for memory, CPUs as a fraction, nulls when not set; {@code gpus}
 * the service's GPU requests ({@code gpus: all} is one request with count -1; empty when not set).
 */
public record ServiceResources(Long memLimit, Long memReservation, Long memswapLimit, Integer memSwappiness,
                               Boolean oomKillDisable, Integer oomScoreAdj, Double cpus, Long cpuShares, Long cpuQuota,
                               Long cpuPeriod, String cpuset, Long pidsLimit, List<Deploy.DeviceRequest> gpus) {
    public ServiceResources {
        gpus = List.copyOf(gpus);
    }
}
