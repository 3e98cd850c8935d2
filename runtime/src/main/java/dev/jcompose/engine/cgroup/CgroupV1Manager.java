package dev.jcompose.engine.cgroup;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A container's cgroup on v1 hierarchies: one directory per mounted hierarchy (memory, cpu and
 * cpuacct — together or apart —, cpuset, pids, blkio, devices, freezer, hugetlb, named ones like
 * {@code name=systemd}). cpusets are copied from the parent before any task joins; freezing goes
 * through {@code freezer.state}; killing freezes, signals every task, and thaws.
 */
public final class CgroupV1Manager implements CgroupManager {
    /** cpuacct.stat counts USER_HZ ticks, 100 a second on Linux (as Docker assumes too). */
    private static final long NANOS_PER_TICK = 10_000_000L;

    static final Duration FREEZE_TIMEOUT = Duration.ofSeconds(5);
    /** Where to list PIDs from, best first: these hierarchies are the likeliest to be mounted. */
    private static final List<String> PID_SOURCES = List.of("pids", "memory", "freezer", "cpu", "devices");

    private final CgroupFs fs;
    private final ProcessKiller killer;
    private final String path;
    /** Mount point → the container's directory in that hierarchy, in mount order. */
    private final Map<Path, Path> dirsByMount = new LinkedHashMap<>();
    /** Controller (or {@code name=…}) → the container's directory for it. */
    private final Map<String, Path> dirsByController = new LinkedHashMap<>();

    /**
     * @param hierarchies the v1 hierarchies to use (all that are mounted)
     * @param path        the cgroup below each hierarchy root, e.g. {@code jcompose/abc}
     */
    public CgroupV1Manager(CgroupFs fs, ProcessKiller killer, List<CgroupLayout.V1Hierarchy> hierarchies, String path) {
        if (hierarchies.isEmpty()) {
            throw new IllegalArgumentException("a v1 cgroup manager needs at least one mounted hierarchy");
        }
        this.fs = fs;
        this.killer = killer;
        this.path = CgroupPaths.normalize(path);
        for (CgroupLayout.V1Hierarchy h : hierarchies) {
            Path d = h.mountPoint().resolve(this.path);
            dirsByMount.put(h.mountPoint(), d);
            h.controllers().forEach(c -> dirsByController.putIfAbsent(c, d));
        }
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public List<Path> directories() {
        return List.copyOf(dirsByMount.values());
    }

    @Override
    public boolean exists() {
        return fs.exists(dirsByMount.values().iterator().next());
    }

    @Override
    public void create() throws CgroupException {
        for (Map.Entry<Path, Path> e : dirsByMount.entrySet()) {
            fs.mkdirs(e.getValue());
            if (e.getValue().equals(dirsByController.get("cpuset"))) {
                initCpusets(e.getKey(), e.getValue());
            }
        }
    }

    /**
     * A new v1 cpuset starts with no CPUs and no memory nodes, and a task cannot join it until both
     * are set: copy them from the parent, top down, wherever they are empty.
     */
    private void initCpusets(Path mountPoint, Path leaf) throws CgroupException {
        for (Path p = mountPoint.resolve(leaf.getName(mountPoint.getNameCount())); ; p = p.resolve(leaf.getName(p.getNameCount()))) {
            for (String file : List.of("cpuset.cpus", "cpuset.mems")) {
                if (fs.read(p, file).isEmpty()) {
                    fs.write(p, file, fs.read(p.getParent(), file));
                }
            }
            if (p.equals(leaf)) {
                return;
            }
        }
    }

    @Override
    public List<String> apply(Resources resources) throws CgroupException {
        return new V1ResourceWriter(fs, dirsByController).apply(resources);
    }

    @Override
    public void addProcess(long pid) throws CgroupException {
        for (Path d : dirsByMount.values()) {
            fs.write(d, "cgroup.procs", Long.toString(pid));
        }
    }

    @Override
    public List<Long> pids() throws CgroupException {
        return CgroupTree.pids(fs, pidSource(), "cgroup.procs");
    }

    private Path pidSource() {
        return PID_SOURCES.stream().filter(dirsByController::containsKey).map(dirsByController::get)
                .findFirst().orElse(dirsByMount.values().iterator().next());
    }

    @Override
    public void freeze() throws CgroupException {
        Path d = freezerDir("freezing");
        fs.write(d, "freezer.state", "FROZEN");
        // A task in an uninterruptible sleep can keep the cgroup FREEZING; asking again nudges it, as runc does.
        boolean frozen = CgroupTree.await(() -> {
            if (freezerState() == FreezerState.FROZEN) {
                return true;
            }
            fs.write(d, "freezer.state", "FROZEN");
            return false;
        }, FREEZE_TIMEOUT);
        if (!frozen) {
            fs.write(d, "freezer.state", "THAWED");
            throw new CgroupException("freezing cgroup " + d + ": still " + freezerState() + " after " + FREEZE_TIMEOUT.toMillis() + " ms");
        }
    }

    @Override
    public void thaw() throws CgroupException {
        fs.write(freezerDir("thawing"), "freezer.state", "THAWED");
    }

    @Override
    public FreezerState freezerState() throws CgroupException {
        Path d = dirsByController.get("freezer");
        if (d == null) {
            return FreezerState.THAWED;
        }
        return FreezerState.valueOf(fs.read(d, "freezer.state"));
    }

    /** Whether a freezer hierarchy is mounted. */
    boolean hasFreezer() {
        return dirsByController.containsKey("freezer");
    }

    private Path freezerDir(String action) throws CgroupException {
        Path d = dirsByController.get("freezer");
        if (d == null) {
            throw new CgroupException(action + " cgroup " + path + ": no freezer cgroup hierarchy is mounted");
        }
        return d;
    }

    @Override
    public CgroupStats stats() throws CgroupException {
        Path mem = dirsByController.get("memory");
        Path pids = dirsByController.get("pids");
        Path blkio = dirsByController.get("blkio");
        return new CgroupStats(
                mem == null ? 0 : Long.parseLong(fs.read(mem, "memory.usage_in_bytes")),
                mem == null ? null : number(fs.readIfPresent(mem, "memory.max_usage_in_bytes").orElse("0")),
                mem == null ? CgroupStats.UNLIMITED : ResourceConversions.parseV1Limit(fs.read(mem, "memory.limit_in_bytes")),
                mem == null ? null : number(fs.readIfPresent(mem, "memory.failcnt").orElse("0")),
                mem == null ? Map.of() : CgroupStats.parseFlatKeyed(fs.read(mem, "memory.stat")),
                mem == null ? 0 : CgroupStats.parseFlatKeyed(fs.read(mem, "memory.oom_control")).getOrDefault("oom_kill", 0L),
                cpuUsage(),
                pids == null ? 0 : Long.parseLong(fs.read(pids, "pids.current")),
                pids == null ? CgroupStats.UNLIMITED : ResourceConversions.parseV1Limit(fs.read(pids, "pids.max")),
                blkio == null ? List.of() : CgroupStats.parseV1IoEntries(fs.readIfPresent(blkio, "blkio.throttle.io_service_bytes_recursive").orElse("")),
                blkio == null ? List.of() : CgroupStats.parseV1IoEntries(fs.readIfPresent(blkio, "blkio.throttle.io_serviced_recursive").orElse("")));
    }

    /** cpuacct's usage (total, per CPU, user/system in USER_HZ ticks) and the cpu controller's throttling counters. */
    private CpuUsage cpuUsage() throws CgroupException {
        Path cpuacct = dirsByController.get("cpuacct");
        Path cpu = dirsByController.get("cpu");
        Map<String, Long> ticks = cpuacct == null ? Map.of()
                : CgroupStats.parseFlatKeyed(fs.readIfPresent(cpuacct, "cpuacct.stat").orElse(""));
        Map<String, Long> throttling = cpu == null ? Map.of() : CgroupStats.parseFlatKeyed(fs.readIfPresent(cpu, "cpu.stat").orElse(""));
        return new CpuUsage(
                cpuacct == null ? 0 : number(fs.read(cpuacct, "cpuacct.usage")),
                ticks.getOrDefault("user", 0L) * NANOS_PER_TICK,
                ticks.getOrDefault("system", 0L) * NANOS_PER_TICK,
                cpuacct == null ? List.of() : CgroupStats.parseNumbers(fs.readIfPresent(cpuacct, "cpuacct.usage_percpu").orElse("")),
                throttling.getOrDefault("nr_periods", 0L),
                throttling.getOrDefault("nr_throttled", 0L),
                throttling.getOrDefault("throttled_time", 0L));
    }

    private static Long number(String text) {
        return Long.parseLong(text.trim());
    }

    @Override
    public void killAll() throws CgroupException {
        boolean freeze = hasFreezer() && fs.exists(dirsByController.get("freezer"));
        if (freeze) {
            freeze(); // nothing can fork while frozen; the SIGKILLs land when thawed
        }
        try {
            for (long pid : pids()) {
                killer.kill(pid);
            }
        } finally {
            if (freeze) {
                thaw();
            }
        }
    }

    @Override
    public void remove(Duration timeout) throws CgroupException {
        if (fs.exists(pidSource())) {
            CgroupTree.awaitEmpty(fs, pidSource(), "cgroup.procs", timeout);
        }
        List<CgroupException> failures = new ArrayList<>();
        for (Path d : dirsByMount.values()) {
            try {
                CgroupTree.remove(fs, d);
            } catch (CgroupException e) {
                failures.add(e); // go on with the other hierarchies, then report the first failure
            }
        }
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
    }

    @Override
    public String toString() {
        return "cgroup v1 " + path + " in " + dirsByMount.keySet();
    }
}
