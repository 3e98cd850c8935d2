package dev.jcompose.engine.cgroup;

import java.util.List;

/**
 * The resource settings of one container's cgroup, from compose's {@code mem_limit}, {@code cpus},
 * {@code cpuset}, {@code pids_limit}, {@code blkio_config}, {@code deploy.resources} … (the
 * engine fills it from HostConfig). Parts that are empty leave the cgroup's settings as they are.
 *
 * @param memory    memory limits
 * @param cpu       CPU limits and cpuset
 * @param pidsLimit maximum number of tasks; 0 or -1 for unlimited; null to leave
 * @param blkio     block I/O weight and throttles
 * @param devices   device rules in order; empty to leave
 * @param hugepages huge page limits
 */
public record Resources(MemoryLimits memory, CpuLimits cpu, Long pidsLimit, BlkioLimits blkio,
                        List<DeviceRule> devices, List<HugepageLimit> hugepages) {
    public Resources {
        memory = memory == null ? MemoryLimits.NONE : memory;
        cpu = cpu == null ? CpuLimits.NONE : cpu;
        if (pidsLimit != null && pidsLimit < -1) {
            throw new IllegalArgumentException("invalid pids limit " + pidsLimit + ": must be -1, 0 (unlimited) or positive");
        }
        blkio = blkio == null ? BlkioLimits.NONE : blkio;
        devices = devices == null ? List.of() : List.copyOf(devices);
        hugepages = hugepages == null ? List.of() : List.copyOf(hugepages);
    }

    /** Nothing set. */
    public static Resources none() {
        return new Resources(null, null, null, null, null, null);
    }

    public Resources withMemory(MemoryLimits m) {
        return new Resources(m, cpu, pidsLimit, blkio, devices, hugepages);
    }

    public Resources withCpu(CpuLimits c) {
        return new Resources(memory, c, pidsLimit, blkio, devices, hugepages);
    }

    public Resources withPidsLimit(Long limit) {
        return new Resources(memory, cpu, limit, blkio, devices, hugepages);
    }

    public Resources withBlkio(BlkioLimits b) {
        return new Resources(memory, cpu, pidsLimit, b, devices, hugepages);
    }

    public Resources withDevices(List<DeviceRule> rules) {
        return new Resources(memory, cpu, pidsLimit, blkio, rules, hugepages);
    }

    public Resources withHugepages(List<HugepageLimit> limits) {
        return new Resources(memory, cpu, pidsLimit, blkio, devices, limits);
    }
}
