package dev.jcompose.engine.cgroup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The v2 backend's file writes against a fake cgroup2 tree (the real kernel needs a v2 host). */
class CgroupV2ManagerTest {
    private static final Set<String> ALL = Set.of("cpuset", "cpu", "io", "memory", "hugetlb", "pids");

    @TempDir
    Path tmp;
    FakeCgroupFsV2 fs;
    final List<Long> killed = new ArrayList<>();
    /** The device rules each install call got, by cgroup directory. */
    final Map<Path, List<DeviceRule>> filters = new java.util.LinkedHashMap<>();
    final DeviceFilter recording = filters::put;
    CgroupV2Manager manager;
    Path leaf;

    @BeforeEach
    void setUp() throws Exception {
        fs = new FakeCgroupFsV2(tmp, ALL, true);
        manager = new CgroupV2Manager(fs, killed::add, tmp, "/jcompose/abc", ALL, recording);
        leaf = tmp.resolve("jcompose/abc");
    }

    private static String read(Path file) {
        return FakeCgroupFs.content(file).trim();
    }

    @Test
    void createEnablesControllersOnEveryAncestorButNotTheLeaf() throws Exception {
        manager.create();

        assertTrue(manager.exists());
        assertEquals(List.of(leaf), manager.directories());
        assertEquals("jcompose/abc", manager.path());
        assertEquals(ALL, Set.copyOf(fs.subtreeControl(tmp)));
        assertEquals(ALL, Set.copyOf(fs.subtreeControl(tmp.resolve("jcompose"))));
        assertEquals(List.of(), fs.subtreeControl(leaf));
        assertEquals(ALL, FakeCgroupFsV2.words(read(leaf.resolve("cgroup.controllers"))));
        assertEquals("cgroup.subtree_control=+cpu +cpuset +hugetlb +io +memory +pids", fs.writes.get(0));
    }

    @Test
    void createEnablesOnlyTheControllersItWasGiven() throws Exception {
        CgroupV2Manager hugetlbOnly = new CgroupV2Manager(fs, killed::add, tmp, "jcompose/h", Set.of("hugetlb", "rdma"), recording);
        hugetlbOnly.create();

        assertEquals(List.of("hugetlb"), fs.subtreeControl(tmp), "rdma is not offered by the root, memory was not asked");
        assertTrue(fs.has(tmp.resolve("jcompose/h"), "hugetlb.2MB.max"));
        assertFalse(fs.has(tmp.resolve("jcompose/h"), "memory.max"));
    }

    @Test
    void aRefusedControllerDoesNotStopTheOthers() throws Exception {
        fs.refused.add("cpuset");
        manager.create();

        assertEquals(Set.of("cpu", "hugetlb", "io", "memory", "pids"), Set.copyOf(fs.subtreeControl(tmp)));
        List<String> warnings = manager.apply(Resources.none().withMemory(MemoryLimits.limit(1L << 20))
                .withCpu(new CpuLimits(null, null, null, null, "0", null)));
        assertEquals(List.of("cpuset cpus discarded: the cpuset controller is not enabled in " + leaf), warnings);
        assertEquals(Long.toString(1L << 20), read(leaf.resolve("memory.max")));
    }

    @Test
    void createTwiceWritesSubtreeControlOnce() throws Exception {
        manager.create();
        int writes = fs.writes.size();
        new CgroupV2Manager(fs, killed::add, tmp, "jcompose/other", ALL, recording).create();
        assertEquals(writes, fs.writes.size(), "controllers already enabled are not enabled again");
    }

    @Test
    void applyWritesEachLimitToItsFile() throws Exception {
        manager.create();
        BlockDevice sda = new BlockDevice(8, 0);
        Resources r = Resources.none()
                .withMemory(new MemoryLimits(100L << 20, 50L << 20, 300L << 20, null, false))
                .withCpu(new CpuLimits(512L, null, null, 1_500_000_000L, "0-1", "0"))
                .withPidsLimit(100L)
                .withBlkio(new BlkioLimits(500, Map.of(), Map.of(sda, 1_048_576L), Map.of(), Map.of(), Map.of(sda, 200L)))
                .withHugepages(List.of(new HugepageLimit("2MB", 4L << 20)));

        List<String> warnings = manager.apply(r);

        assertEquals(List.of(), warnings);
        assertEquals(Long.toString(100L << 20), read(leaf.resolve("memory.max")));
        assertEquals(Long.toString(50L << 20), read(leaf.resolve("memory.low")));
        assertEquals(Long.toString(200L << 20), read(leaf.resolve("memory.swap.max")), "v2 swap excludes memory");
        assertEquals(Long.toString(1 + (512 - 2) * 9999 / 262142), read(leaf.resolve("cpu.weight")));
        assertEquals("150000 100000", read(leaf.resolve("cpu.max")), "1.5 CPUs over a 100 ms period");
        assertEquals("0-1", read(leaf.resolve("cpuset.cpus")));
        assertEquals("0", read(leaf.resolve("cpuset.mems")));
        assertEquals("100", read(leaf.resolve("pids.max")));
        assertEquals("default " + (1 + (500 - 10) * 9999 / 990), read(leaf.resolve("io.weight")));
        assertTrue(fs.writes.contains("jcompose/abc/io.max=8:0 rbps=1048576"));
        assertTrue(fs.writes.contains("jcompose/abc/io.max=8:0 wiops=200"));
        assertEquals(Long.toString(4L << 20), read(leaf.resolve("hugetlb.2MB.max")));
    }

    @Test
    void unlimitedValuesAreWrittenAsMax() throws Exception {
        manager.create();
        manager.apply(Resources.none().withMemory(new MemoryLimits(-1L, null, null, null, false))
                .withCpu(new CpuLimits(null, -1L, 50_000L, null, null, null)).withPidsLimit(0L));

        assertEquals("max", read(leaf.resolve("memory.max")));
        assertEquals("max", read(leaf.resolve("memory.swap.max")));
        assertEquals("max 50000", read(leaf.resolve("cpu.max")));
        assertEquals("max", read(leaf.resolve("pids.max")));
    }

    @Test
    void bfqWeightKeepsBlkioScale() throws Exception {
        manager.create();
        FakeCgroupFs.set(leaf.resolve("io.bfq.weight"), "default 100");
        manager.apply(Resources.none().withBlkio(new BlkioLimits(300, Map.of(new BlockDevice(8, 16), 700),
                Map.of(), Map.of(), Map.of(), Map.of())));

        assertTrue(fs.writes.contains("jcompose/abc/io.bfq.weight=default 300"));
        assertTrue(fs.writes.contains("jcompose/abc/io.bfq.weight=8:16 700"));
    }

    @Test
    void withoutAProportionalIoControllerTheWeightIsAWarningButThrottlesApply() throws Exception {
        manager.create();
        java.nio.file.Files.delete(leaf.resolve("io.weight"));
        BlockDevice sda = new BlockDevice(8, 0);

        List<String> warnings = manager.apply(Resources.none().withBlkio(
                new BlkioLimits(500, Map.of(), Map.of(), Map.of(sda, 4096L), Map.of(), Map.of())));

        assertEquals(List.of("blkio weight discarded: no proportional I/O control (io.weight, io.bfq.weight) in " + leaf), warnings);
        assertTrue(fs.writes.contains("jcompose/abc/io.max=8:0 wbps=4096"));
    }

    @Test
    void whatV2CannotDoIsReportedNotWritten() throws Exception {
        manager.create();
        int before = fs.writes.size();
        List<String> warnings = manager.apply(Resources.none().withMemory(new MemoryLimits(null, null, null, 30, true)));

        assertEquals(2, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith("memory swappiness discarded"));
        assertTrue(warnings.get(1).startsWith("oom_kill_disable discarded"));
        assertEquals(before, fs.writes.size());
    }

    @Test
    void deviceRulesGoToTheDeviceFilterNotToFiles() throws Exception {
        manager.create();
        int before = fs.writes.size();
        List<DeviceRule> rules = DeviceRule.containerDefaults();

        assertEquals(List.of(), manager.apply(Resources.none().withDevices(rules)));

        assertEquals(Map.of(leaf, rules), filters);
        assertEquals(before, fs.writes.size());
    }

    @Test
    void missingControllerIsAWarning() throws Exception {
        FakeCgroupFsV2 noIo = new FakeCgroupFsV2(tmp.resolve("noio"), Set.of("memory", "pids"), true);
        CgroupV2Manager m = new CgroupV2Manager(noIo, killed::add, tmp.resolve("noio"), "c", ALL, recording);
        m.create();

        List<String> warnings = m.apply(Resources.none().withBlkio(new BlkioLimits(500, Map.of(), Map.of(), Map.of(), Map.of(), Map.of())));

        assertEquals(List.of("block I/O limits discarded: the io controller is not enabled in " + tmp.resolve("noio/c")), warnings);
    }

    @Test
    void kernelRefusalNamesFileValueDirectoryAndErrno() throws Exception {
        manager.create();
        CgroupException e = assertThrows(CgroupException.class,
                () -> manager.apply(Resources.none().withMemory(MemoryLimits.limit(1000))));
        assertEquals("setting memory.max=1000 in " + leaf + ": Device or resource busy", e.getMessage());
    }

    @Test
    void swapWithoutMemoryLimitIsRefused() throws Exception {
        manager.create();
        CgroupException e = assertThrows(CgroupException.class,
                () -> manager.apply(Resources.none().withMemory(new MemoryLimits(null, null, 1L << 30, null, false))));
        assertEquals("setting memory.swap.max in " + leaf + ": a memory+swap limit needs a memory limit", e.getMessage());
    }

    @Test
    void addProcessAndPidsIncludeNestedCgroups() throws Exception {
        manager.create();
        manager.addProcess(41);
        fs.mkdirs(leaf.resolve("inner"));
        fs.write(leaf.resolve("inner"), "cgroup.procs", "42");

        assertEquals(List.of(41L, 42L), manager.pids());
        assertTrue(fs.writes.contains("jcompose/abc/cgroup.procs=41"));
    }

    @Test
    void freezeWaitsForFrozenAndThawClears() throws Exception {
        manager.create();
        assertEquals(FreezerState.THAWED, manager.freezerState());

        manager.freeze();
        assertEquals(FreezerState.FROZEN, manager.freezerState());
        assertEquals("1", read(leaf.resolve("cgroup.freeze")));

        manager.thaw();
        assertEquals(FreezerState.THAWED, manager.freezerState());
    }

    @Test
    void killAllUsesCgroupKillWhenPresent() throws Exception {
        manager.create();
        manager.addProcess(41);
        manager.killAll();

        assertTrue(fs.writes.contains("jcompose/abc/cgroup.kill=1"));
        assertEquals(List.of(), killed);
        assertEquals(List.of(), manager.pids());
    }

    @Test
    void killAllWithoutCgroupKillFreezesSignalsEachAndThaws() throws Exception {
        FakeCgroupFsV2 old = new FakeCgroupFsV2(tmp.resolve("old"), ALL, false);
        CgroupV2Manager m = new CgroupV2Manager(old, killed::add, tmp.resolve("old"), "jcompose/k", ALL, recording);
        m.create();
        m.addProcess(41);
        m.addProcess(43);
        old.writes.clear();

        m.killAll();

        assertEquals(List.of(41L, 43L), killed);
        assertEquals(List.of("jcompose/k/cgroup.freeze=1", "jcompose/k/cgroup.freeze=0"), old.writes);
    }

    @Test
    void statsReadUsageLimitsAndOomKills() throws Exception {
        manager.create();
        manager.apply(Resources.none().withMemory(MemoryLimits.limit(1L << 20)).withPidsLimit(10L));

        CgroupStats s = manager.stats();

        assertEquals(4096, s.memoryUsage());
        assertEquals(1L << 20, s.memoryLimit());
        assertEquals(512L, s.memoryStat().get("inactive_file"));
        assertEquals(1, s.oomKills());
        assertEquals(2_500_000_000L, s.cpuUsageNanos());
        assertEquals(2, s.pidsCurrent());
        assertEquals(10, s.pidsLimit());
        assertEquals(1024, s.ioReadBytes(), "summed over devices");
        assertEquals(200, s.ioWriteBytes());
        assertEquals(4096 - 512, s.memoryUsageWithoutCache(), "docker stats leaves out inactive_file");
        assertNull(s.memoryMaxUsage(), "v2 has no max usage (Docker reports none)");
        assertNull(s.memoryFailcnt());
        assertEquals(new CpuUsage(2_500_000_000L, 2_000_000_000L, 500_000_000L, List.of(), 10, 2, 300_000L), s.cpu());
        assertEquals(List.of(new IoEntry(8, 0, "read", 1000), new IoEntry(8, 0, "write", 200), new IoEntry(8, 16, "read", 24),
                new IoEntry(8, 16, "write", 0)), s.ioServiceBytes(), "Docker's lower-case ops for v2");
        assertEquals(List.of(new IoEntry(8, 0, "read", 3), new IoEntry(8, 0, "write", 4), new IoEntry(8, 16, "read", 1),
                new IoEntry(8, 16, "write", 0)), s.ioServiced());
    }

    @Test
    void removeWaitsForProcessesThenRemovesDeepestFirst() throws Exception {
        manager.create();
        manager.addProcess(41);
        fs.mkdirs(leaf.resolve("inner/deeper"));

        CgroupException e = assertThrows(CgroupException.class, () -> manager.remove(Duration.ofMillis(50)));
        assertEquals("removing cgroup " + leaf + ": 1 process(es) still in it after 50 ms (pids [41])", e.getMessage());
        assertTrue(manager.exists());

        fs.exit(41);
        manager.remove(Duration.ofMillis(50));

        assertFalse(manager.exists());
        assertTrue(fs.exists(tmp.resolve("jcompose")), "the shared parent stays");
        manager.remove(Duration.ofMillis(50)); // removing again is not an error
    }

    @Test
    void theRootCgroupAndDotDotAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new CgroupV2Manager(fs, killed::add, tmp, "/", ALL, recording));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CgroupV2Manager(fs, killed::add, tmp, "jcompose/../etc", ALL, recording));
        assertEquals("invalid cgroup path \"jcompose/../etc\": bad segment \"..\"", e.getMessage());
    }
}
