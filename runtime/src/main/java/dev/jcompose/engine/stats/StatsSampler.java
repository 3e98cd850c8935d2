package dev.jcompose.engine.stats;

import dev.jcompose.engine.cgroup.CgroupStats;
import dev.jcompose.engine.cgroup.IoEntry;
import dev.jcompose.engine.container.ContainerRecord;
import dev.jcompose.engine.stats.StatsJson.BlkioEntry;
import dev.jcompose.engine.stats.StatsJson.BlkioStats;
import dev.jcompose.engine.stats.StatsJson.CpuStats;
import dev.jcompose.engine.stats.StatsJson.CpuUsageJson;
import dev.jcompose.engine.stats.StatsJson.MemoryStats;
import dev.jcompose.engine.stats.StatsJson.NetworkStats;
import dev.jcompose.engine.stats.StatsJson.PidsStats;
import dev.jcompose.engine.stats.StatsJson.ThrottlingData;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Takes one stats frame of a container: its cgroup's counters, its netns' interfaces and the host's CPU time,
 * in Docker's shape ({@link StatsJson}). A container that is not running gets Docker's empty frame.
 */
public final class StatsSampler {
    /** A container's cgroup counters by container ID; empty when it has no cgroup (not running, or no cgroups here). */
    @FunctionalInterface
    public interface CgroupReader {
        Optional<CgroupStats> read(String containerId) throws IOException;
    }

    /** The host's CPU time and memory, read at each sample. */
    @FunctionalInterface
    public interface HostReader {
        HostUsage read() throws IOException;
    }

    private final CgroupReader cgroups;
    private final NetDev netDev;
    private final HostReader host;

    public StatsSampler(CgroupReader cgroups, NetDev netDev, HostReader host) {
        this.cgroups = cgroups;
        this.netDev = netDev;
        this.host = host;
    }

    /** Docker's frame for a container that is not running: zero times, no counters. */
    public static StatsJson empty(ContainerRecord r) {
        return new StatsJson(StatsJson.ZERO_TIME, StatsJson.ZERO_TIME, PidsStats.NONE, BlkioStats.NONE, 0, StatsJson.StorageStats.NONE,
                CpuStats.NONE, CpuStats.NONE, MemoryStats.NONE, r.name(), r.id(), null);
    }

    /** One frame of running container {@code r} at {@code now}, without its {@code precpu_stats} ({@link StatsJson#withPrevious}). */
    public StatsJson sample(ContainerRecord r, Instant now) throws IOException {
        Optional<CgroupStats> read = cgroups.read(r.id());
        if (read.isEmpty()) {
            return empty(r);
        }
        CgroupStats cg = read.get();
        HostUsage h = host.read();
        var cpu = cg.cpu();
        CpuStats cpuStats = new CpuStats(new CpuUsageJson(cpu.totalNanos(), cpu.perCpuNanos(), cpu.systemNanos(), cpu.userNanos()),
                h.systemCpuNanos(), h.onlineCpus(), new ThrottlingData(cpu.periods(), cpu.throttledPeriods(), cpu.throttledNanos()));
        long limit = h.memTotalBytes() > 0 && cg.memoryLimit() > h.memTotalBytes() ? h.memTotalBytes() : cg.memoryLimit();
        MemoryStats memory = new MemoryStats(cg.memoryUsage(), cg.memoryMaxUsage(), cg.memoryStat(), cg.memoryFailcnt(), limit);
        PidsStats pids = new PidsStats(cg.pidsCurrent(), cg.pidsLimit() == CgroupStats.UNLIMITED ? null : cg.pidsLimit());
        BlkioStats blkio = new BlkioStats(entries(cg.ioServiceBytes()), entries(cg.ioServiced()), null, null, null, null, null, null);
        return new StatsJson(now.toString(), StatsJson.ZERO_TIME, pids, blkio, 0, StatsJson.StorageStats.NONE, cpuStats, CpuStats.NONE, memory,
                r.name(), r.id(), networks(r));
    }

    /** The container's interfaces; none with the host's network (Docker reports none there). */
    private Map<String, NetworkStats> networks(ContainerRecord r) throws IOException {
        if (r.hostConfig().effectiveNetworkMode().equals("host") || r.state().pid() <= 0) {
            return null;
        }
        return netDev.read(r.state().pid());
    }

    private static List<BlkioEntry> entries(List<IoEntry> io) {
        return io.isEmpty() ? null : io.stream().map(e -> new BlkioEntry(e.major(), e.minor(), e.op(), e.value())).toList();
    }
}
