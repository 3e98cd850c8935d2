package dev.jcompose.engine.lifecycle;

import dev.jcompose.engine.cgroup.BlkioLimits;
import dev.jcompose.engine.cgroup.BlockDevice;
import dev.jcompose.engine.cgroup.CgroupException;
import dev.jcompose.engine.cgroup.CgroupManager;
import dev.jcompose.engine.cgroup.CgroupManagerFactory;
import dev.jcompose.engine.cgroup.CgroupStats;
import dev.jcompose.engine.cgroup.CpuLimits;
import dev.jcompose.engine.cgroup.DeviceRule;
import dev.jcompose.engine.cgroup.MemoryLimits;
import dev.jcompose.engine.cgroup.Resources;
import dev.jcompose.engine.container.ContainerException;
import dev.jcompose.engine.container.ContainerRecord;
import dev.jcompose.engine.container.HostConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A container's cgroup {@code jcompose/<id>}: made with its limits and device rules when it starts, frozen and
 * thawed for pause, destroyed (stragglers killed) after it ends. Without a manageable cgroup hierarchy (a null
 * factory) containers run without limits and pause is refused.
 */
final class ContainerCgroups {
    private static final Logger LOG = LoggerFactory.getLogger(ContainerCgroups.class);

    private final CgroupManagerFactory cgroups;

    ContainerCgroups(CgroupManagerFactory cgroups) {
        this.cgroups = cgroups;
    }

    /** Creates the cgroup of {@code r} with its limits ({@link #resources}) and moves {@code pid} (the container's PID 1, not yet running) into it. */
    void join(ContainerRecord r, long pid) throws CgroupException {
        if (cgroups == null) {
            return;
        }
        Resources limits = resources(r.hostConfig()); // a bad blkio device path fails before anything is made
        CgroupManager cg = cgroups.forPath(path(r.id()));
        cg.create();
        cg.apply(limits);
        cg.addProcess(pid);
    }

    /**
     * The limits of a container's HostConfig in the cgroup library's terms: Docker's default device allow-list
     * (none when privileged), memory (limit, reservation, memory+swap, swappiness, OOM killer), CPU (shares, quota and
     * period, or NanoCpus; cpuset), pids, the blkio weight and per-device weights and throttles (device paths resolved to
     * their numbers). Docker's "unset" values (0, and -1 for swappiness) stay unset.
     *
     * @throws CgroupException when a blkio device path is not a block device
     */
    static Resources resources(HostConfig h) throws CgroupException {
        Resources res = Boolean.TRUE.equals(h.privileged()) ? Resources.none() : Resources.none().withDevices(DeviceRule.containerDefaults());
        Long swappiness = h.memorySwappiness();
        MemoryLimits memory = new MemoryLimits(positive(h.memory()), positive(h.memoryReservation()),
                h.memorySwap() == null || h.memorySwap() == 0 ? null : h.memorySwap(),
                swappiness == null || swappiness < 0 || swappiness > 100 ? null : swappiness.intValue(), Boolean.TRUE.equals(h.oomKillDisable()));
        if (!memory.isEmpty()) {
            res = res.withMemory(memory);
        }
        CpuLimits cpu = new CpuLimits(positive(h.cpuShares()), h.cpuQuota() == null || h.cpuQuota() == 0 ? null : h.cpuQuota(),
                positive(h.cpuPeriod()), positive(h.nanoCpus()), blankToNull(h.cpusetCpus()), blankToNull(h.cpusetMems()));
        if (!cpu.isEmpty()) {
            res = res.withCpu(cpu);
        }
        if (h.pidsLimit() != null && h.pidsLimit() > 0) {
            res = res.withPidsLimit(h.pidsLimit());
        }
        BlkioLimits blkio = new BlkioLimits(h.blkioWeight() != null && h.blkioWeight() > 0 ? h.blkioWeight() : null,
                weights(h.blkioWeightDevice()), rates(h.blkioDeviceReadBps()), rates(h.blkioDeviceWriteBps()),
                rates(h.blkioDeviceReadIOps()), rates(h.blkioDeviceWriteIOps()));
        if (!blkio.isEmpty()) {
            res = res.withBlkio(blkio);
        }
        return res;
    }

    /** Per-device weights by device numbers (the path resolved with stat(2)); Docker's unset weight 0 is left out. */
    private static Map<BlockDevice, Integer> weights(List<HostConfig.WeightDevice> devices) throws CgroupException {
        Map<BlockDevice, Integer> out = new LinkedHashMap<>();
        for (HostConfig.WeightDevice d : devices == null ? List.<HostConfig.WeightDevice>of() : devices) {
            if (d.weight() != null && d.weight() > 0) {
                out.put(BlockDevice.of(Path.of(d.path())), d.weight());
            }
        }
        return out;
    }

    /** Per-device rates by device numbers; a rate of 0 (no limit, for Docker) is left out. */
    private static Map<BlockDevice, Long> rates(List<HostConfig.ThrottleDevice> devices) throws CgroupException {
        Map<BlockDevice, Long> out = new LinkedHashMap<>();
        for (HostConfig.ThrottleDevice d : devices == null ? List.<HostConfig.ThrottleDevice>of() : devices) {
            if (d.rate() != null && d.rate() > 0) {
                out.put(BlockDevice.of(Path.of(d.path())), d.rate());
            }
        }
        return out;
    }

    private static Long positive(Long v) {
        return v == null || v <= 0 ? null : v;
    }

    private static String blankToNull(String v) {
        return v == null || v.isBlank() ? null : v;
    }

    /** Removes the cgroup of container {@code id}, killing what is left in it; a failure is logged. */
    void remove(String id) {
        if (cgroups == null) {
            return;
        }
        try {
            cgroups.forPath(path(id)).destroy(Duration.ofSeconds(2)); // stragglers are killed, not left behind
        } catch (CgroupException e) {
            LOG.warn("removing the cgroup of container " + id + ": " + e.getMessage());
        }
    }

    /** Whether the OOM killer killed a process of container {@code id} (its cgroup's {@code oom_kill} count); false when unknown. */
    boolean oomKilled(String id) {
        if (cgroups == null) {
            return false;
        }
        try {
            var cg = cgroups.forPath(path(id));
            return cg.exists() && cg.stats().oomKills() > 0;
        } catch (CgroupException e) {
            LOG.debug("reading the OOM kills of container " + id + ": " + e.getMessage());
            return false;
        }
    }

    /** The counters of container {@code id}'s cgroup for {@code docker stats}; empty when it has none (not running, or no cgroups here). */
    Optional<CgroupStats> stats(String id) throws CgroupException {
        if (cgroups == null) {
            return Optional.empty();
        }
        CgroupManager cg = cgroups.forPath(path(id));
        return cg.exists() ? Optional.of(cg.stats()) : Optional.empty();
    }

    /** Freezes ({@code pause}) or thaws the processes of {@code r}; a 500 naming the container when that fails. */
    void freeze(ContainerRecord r, boolean pause) {
        if (cgroups == null) {
            throw new ContainerException(500, "pausing needs the cgroup freezer, which this host does not offer to jcompose");
        }
        try {
            CgroupManager cg = cgroups.forPath(path(r.id()));
            if (pause) {
                cg.freeze();
            } else {
                cg.thaw();
            }
        } catch (CgroupException e) {
            throw new ContainerException(500, (pause ? "pausing " : "unpausing ") + r.shortName() + ": " + e.getMessage());
        }
    }

    private static String path(String id) {
        return "jcompose/" + id;
    }
}
