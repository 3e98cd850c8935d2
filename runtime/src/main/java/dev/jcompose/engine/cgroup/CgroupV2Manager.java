package dev.jcompose.engine.cgroup;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A container's cgroup on the unified (v2) hierarchy: one directory, controllers enabled through
 * {@code cgroup.subtree_control} on every ancestor, freezing through {@code cgroup.freeze} and
 * killing through {@code cgroup.kill} (Linux 5.14+) or one SIGKILL per process.
 */
public final class CgroupV2Manager implements CgroupManager {
    static final Duration FREEZE_TIMEOUT = Duration.ofSeconds(5);

    private final CgroupFs fs;
    private final ProcessKiller killer;
    private final Path mountPoint;
    private final String path;
    private final Set<String> controllers;
    private final DeviceFilter deviceFilter;
    private final Path dir;

    /**
     * @param mountPoint  where cgroup2 is mounted
     * @param path        the cgroup below it, e.g. {@code jcompose/abc}
     * @param controllers  the controllers to enable down the path (on a hybrid host only those cgroup2 holds)
     * @param deviceFilter what puts device rules in force ({@link BpfDeviceFilter} on a real host)
     */
    public CgroupV2Manager(CgroupFs fs, ProcessKiller killer, Path mountPoint, String path, Set<String> controllers,
                           DeviceFilter deviceFilter) {
        this.fs = fs;
        this.killer = killer;
        this.mountPoint = mountPoint;
        this.path = CgroupPaths.normalize(path);
        this.controllers = Set.copyOf(controllers);
        this.deviceFilter = deviceFilter;
        this.dir = mountPoint.resolve(this.path);
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public List<Path> directories() {
        return List.of(dir);
    }

    @Override
    public boolean exists() {
        return fs.exists(dir);
    }

    @Override
    public void create() throws CgroupException {
        fs.mkdirs(dir);
        for (Path p = mountPoint; !p.equals(dir); p = p.resolve(dir.getName(p.getNameCount()))) {
            enableControllers(p);
        }
    }

    /** Enables in {@code parent}'s children every wanted controller the parent has and has not enabled yet. */
    private void enableControllers(Path parent) throws CgroupException {
        Set<String> available = words(fs.readIfPresent(parent, "cgroup.controllers").orElse(""));
        Set<String> enabled = words(fs.readIfPresent(parent, "cgroup.subtree_control").orElse(""));
        List<String> toEnable = controllers.stream().sorted()
                .filter(available::contains).filter(c -> !enabled.contains(c)).toList();
        if (toEnable.isEmpty()) {
            return;
        }
        String all = toEnable.stream().map(c -> "+" + c).collect(Collectors.joining(" "));
        try {
            fs.write(parent, "cgroup.subtree_control", all);
        } catch (CgroupException e) {
            // One refused controller (e.g. a threaded subtree) must not stop the others: enable one by one.
            // Any still missing shows up as a warning when a limit needs it.
            for (String c : toEnable) {
                try {
                    fs.write(parent, "cgroup.subtree_control", "+" + c);
                } catch (CgroupException ignored) {
                    // reported later by apply() as "controller is not enabled"
                }
            }
        }
    }

    @Override
    public List<String> apply(Resources resources) throws CgroupException {
        Set<String> here = words(fs.read(dir, "cgroup.controllers"));
        return new V2ResourceWriter(fs, dir, here, deviceFilter).apply(resources);
    }

    @Override
    public void addProcess(long pid) throws CgroupException {
        fs.write(dir, "cgroup.procs", Long.toString(pid));
    }

    @Override
    public List<Long> pids() throws CgroupException {
        return CgroupTree.pids(fs, dir, "cgroup.procs");
    }

    @Override
    public void freeze() throws CgroupException {
        requireFreezer("freezing");
        fs.write(dir, "cgroup.freeze", "1");
        if (!CgroupTree.await(() -> freezerState() == FreezerState.FROZEN, FREEZE_TIMEOUT)) {
            fs.write(dir, "cgroup.freeze", "0");
            throw new CgroupException("freezing cgroup " + dir + ": not frozen after " + FREEZE_TIMEOUT.toMillis() + " ms");
        }
    }

    @Override
    public void thaw() throws CgroupException {
        requireFreezer("thawing");
        fs.write(dir, "cgroup.freeze", "0");
    }

    @Override
    public FreezerState freezerState() throws CgroupException {
        if (!fs.has(dir, "cgroup.freeze")) {
            return FreezerState.THAWED;
        }
        boolean asked = fs.read(dir, "cgroup.freeze").equals("1");
        boolean frozen = CgroupStats.parseFlatKeyed(fs.read(dir, "cgroup.events")).getOrDefault("frozen", 0L) == 1;
        if (frozen) {
            return FreezerState.FROZEN;
        }
        return asked ? FreezerState.FREEZING : FreezerState.THAWED;
    }

    private void requireFreezer(String action) throws CgroupException {
        if (!fs.has(dir, "cgroup.freeze")) {
            throw new CgroupException(action + " cgroup " + dir + ": cgroup.freeze is missing (the kernel is older than 5.2)");
        }
    }

    @Override
    public CgroupStats stats() throws CgroupException {
        Map<String, Long> memoryStat = CgroupStats.parseFlatKeyed(fs.readIfPresent(dir, "memory.stat").orElse(""));
        Map<String, Long> events = CgroupStats.parseFlatKeyed(fs.readIfPresent(dir, "memory.events").orElse(""));
        Map<String, Long> cpu = CgroupStats.parseFlatKeyed(fs.readIfPresent(dir, "cpu.stat").orElse(""));
        String io = fs.readIfPresent(dir, "io.stat").orElse("");
        return new CgroupStats(
                number(fs.readIfPresent(dir, "memory.current").orElse("0")),
                null,
                ResourceConversions.parseV2Limit(fs.readIfPresent(dir, "memory.max").orElse("max")),
                null,
                memoryStat,
                events.getOrDefault("oom_kill", 0L),
                new CpuUsage(cpu.getOrDefault("usage_usec", 0L) * 1000, cpu.getOrDefault("user_usec", 0L) * 1000,
                        cpu.getOrDefault("system_usec", 0L) * 1000, List.of(), cpu.getOrDefault("nr_periods", 0L),
                        cpu.getOrDefault("nr_throttled", 0L), cpu.getOrDefault("throttled_usec", 0L) * 1000),
                number(fs.readIfPresent(dir, "pids.current").orElse("0")),
                ResourceConversions.parseV2Limit(fs.readIfPresent(dir, "pids.max").orElse("max")),
                CgroupStats.parseV2IoStat(io, "rbytes", "wbytes"),
                CgroupStats.parseV2IoStat(io, "rios", "wios"));
    }

    @Override
    public void killAll() throws CgroupException {
        if (fs.has(dir, "cgroup.kill")) {
            fs.write(dir, "cgroup.kill", "1");
            return;
        }
        boolean canFreeze = fs.has(dir, "cgroup.freeze");
        if (canFreeze) {
            freeze(); // so that nothing forks while we kill
        }
        try {
            for (long pid : pids()) {
                killer.kill(pid);
            }
        } finally {
            if (canFreeze) {
                thaw();
            }
        }
    }

    @Override
    public void remove(Duration timeout) throws CgroupException {
        if (!fs.exists(dir)) {
            return;
        }
        CgroupTree.awaitEmpty(fs, dir, "cgroup.procs", timeout);
        CgroupTree.remove(fs, dir);
    }

    private static long number(String text) {
        return Long.parseLong(text.trim());
    }

    static Set<String> words(String text) {
        return Arrays.stream(text.trim().split("\\s+")).filter(w -> !w.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    @Override
    public String toString() {
        return "cgroup v2 " + dir + " (controllers " + new ArrayList<>(controllers) + ")";
    }
}
