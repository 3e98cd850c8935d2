package dev.jcompose.engine.cgroup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The v1 backend against fake hierarchies laid out as on this machine (cpu and cpuacct apart). */
class CgroupV1ManagerTest {
    @TempDir
    Path tmp;
    FakeCgroupFsV1 fs;
    final List<Long> killed = new ArrayList<>();
    CgroupV1Manager manager;

    static Map<String, Set<String>> thisMachine() {
        Map<String, Set<String>> h = new LinkedHashMap<>();
        for (String c : List.of("cpu", "cpuacct", "cpuset", "memory", "devices", "freezer", "blkio", "pids", "hugetlb")) {
            h.put(c, Set.of(c));
        }
        h.put("systemd", Set.of("name=systemd"));
        return h;
    }

    @BeforeEach
    void setUp() throws Exception {
        fs = new FakeCgroupFsV1(tmp, thisMachine(), true);
        manager = new CgroupV1Manager(fs, killed::add, fs.layoutHierarchies(), "jcompose/abc");
    }

    private Path dir(String hierarchy) {
        return tmp.resolve(hierarchy).resolve("jcompose/abc");
    }

    private static String read(Path file) {
        return FakeCgroupFs.content(file).trim();
    }

    @Test
    void createMakesOneDirectoryPerHierarchyAndFillsCpusetsTopDown() throws Exception {
        manager.create();

        assertEquals(10, manager.directories().size());
        for (String h : thisMachine().keySet()) {
            assertTrue(fs.exists(dir(h)), h);
        }
        assertEquals("0-3", read(tmp.resolve("cpuset/jcompose/cpuset.cpus")));
        assertEquals("0", read(tmp.resolve("cpuset/jcompose/cpuset.mems")));
        assertEquals("0-3", read(dir("cpuset").resolve("cpuset.cpus")));
        assertEquals("0", read(dir("cpuset").resolve("cpuset.mems")));
    }

    @Test
    void addProcessJoinsEveryHierarchyIncludingNamedOnes() throws Exception {
        manager.create();
        manager.addProcess(77);

        for (String h : thisMachine().keySet()) {
            assertEquals("77", read(dir(h).resolve("cgroup.procs")), h);
        }
        assertEquals(List.of(77L), manager.pids());
    }

    @Test
    void memoryAndSwapAreOrderedSoMemswNeverDropsBelowTheLimit() throws Exception {
        manager.create();
        Path mem = dir("memory");

        manager.apply(Resources.none().withMemory(new MemoryLimits(100L << 20, null, 200L << 20, null, false)));
        assertEquals(Long.toString(100L << 20), read(mem.resolve("memory.limit_in_bytes")));
        assertEquals(Long.toString(200L << 20), read(mem.resolve("memory.memsw.limit_in_bytes")));

        manager.apply(Resources.none().withMemory(new MemoryLimits(50L << 20, null, 60L << 20, null, false)));
        assertEquals(Long.toString(50L << 20), read(mem.resolve("memory.limit_in_bytes")));
        assertEquals(Long.toString(60L << 20), read(mem.resolve("memory.memsw.limit_in_bytes")));

        // raising the limit above the current memsw only works when memsw goes up first
        manager.apply(Resources.none().withMemory(new MemoryLimits(300L << 20, null, 400L << 20, null, false)));
        assertEquals(Long.toString(300L << 20), read(mem.resolve("memory.limit_in_bytes")));
        assertEquals(Long.toString(400L << 20), read(mem.resolve("memory.memsw.limit_in_bytes")));

        manager.apply(Resources.none().withMemory(new MemoryLimits(64L << 20, 32L << 20, -1L, 10, true)));
        assertEquals(Long.toString(64L << 20), read(mem.resolve("memory.limit_in_bytes")));
        assertEquals("-1", read(mem.resolve("memory.memsw.limit_in_bytes")));
        assertEquals(Long.toString(32L << 20), read(mem.resolve("memory.soft_limit_in_bytes")));
        assertEquals("10", read(mem.resolve("memory.swappiness")));
        assertEquals("1", read(mem.resolve("memory.oom_control")));
    }

    @Test
    void withoutSwapAccountingSwapIsAWarning() throws Exception {
        FakeCgroupFsV1 noSwap = new FakeCgroupFsV1(tmp.resolve("ns"), Map.of("memory", Set.of("memory")), false);
        CgroupV1Manager m = new CgroupV1Manager(noSwap, killed::add, noSwap.layoutHierarchies(), "c");
        m.create();

        List<String> warnings = m.apply(Resources.none().withMemory(new MemoryLimits(10L << 20, null, 20L << 20, null, false)));

        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).startsWith("memory+swap limit discarded: swap accounting is off"), warnings.get(0));
        assertEquals(Long.toString(10L << 20), read(tmp.resolve("ns/memory/c/memory.limit_in_bytes")));
    }

    @Test
    void cpuLimitsAndCpusAsQuota() throws Exception {
        manager.create();
        manager.apply(Resources.none().withCpu(new CpuLimits(512L, 25_000L, 50_000L, null, "1", "0")));
        assertEquals("512", read(dir("cpu").resolve("cpu.shares")));
        assertEquals("25000", read(dir("cpu").resolve("cpu.cfs_quota_us")));
        assertEquals("50000", read(dir("cpu").resolve("cpu.cfs_period_us")));
        assertEquals("1", read(dir("cpuset").resolve("cpuset.cpus")));

        manager.apply(Resources.none().withCpu(CpuLimits.cpus(0.5)));
        assertEquals("50000", read(dir("cpu").resolve("cpu.cfs_quota_us")));
        assertEquals("100000", read(dir("cpu").resolve("cpu.cfs_period_us")));
    }

    @Test
    void pidsBlkioDevicesAndHugetlb() throws Exception {
        manager.create();
        BlockDevice vda = new BlockDevice(254, 0);
        manager.apply(Resources.none()
                .withPidsLimit(64L)
                .withBlkio(new BlkioLimits(300, Map.of(vda, 800), Map.of(vda, 1_000_000L), Map.of(vda, 2_000_000L),
                        Map.of(), Map.of(vda, 50L)))
                .withDevices(List.of(DeviceRule.denyAll(), DeviceRule.allowChar(1, 3, "rwm"),
                        new DeviceRule(true, 'c', 136, -1, "rw")))
                .withHugepages(List.of(new HugepageLimit("2MB", 8L << 20))));

        assertEquals("64", read(dir("pids").resolve("pids.max")));
        assertEquals("300", read(dir("blkio").resolve("blkio.bfq.weight")), "BFQ keeps blkio's scale");
        assertEquals("254:0 800", read(dir("blkio").resolve("blkio.bfq.weight_device")));
        assertEquals("254:0 1000000", read(dir("blkio").resolve("blkio.throttle.read_bps_device")));
        assertEquals("254:0 2000000", read(dir("blkio").resolve("blkio.throttle.write_bps_device")));
        assertEquals("254:0 50", read(dir("blkio").resolve("blkio.throttle.write_iops_device")));
        List<String> deviceWrites = fs.writes.stream().filter(w -> w.contains("/devices.")).toList();
        assertEquals(List.of("devices/jcompose/abc/devices.deny=a *:* rwm", "devices/jcompose/abc/devices.allow=c 1:3 rwm",
                "devices/jcompose/abc/devices.allow=c 136:* rw"), deviceWrites);
        assertEquals(Long.toString(8L << 20), read(dir("hugetlb").resolve("hugetlb.2MB.limit_in_bytes")));
    }

    @Test
    void coMountedCpuAndCpuacctShareOneDirectory() throws Exception {
        FakeCgroupFsV1 ubuntu = new FakeCgroupFsV1(tmp.resolve("u"), Map.of("cpu,cpuacct", Set.of("cpu", "cpuacct")), true);
        CgroupV1Manager m = new CgroupV1Manager(ubuntu, killed::add, ubuntu.layoutHierarchies(), "jcompose/x");
        m.create();
        m.apply(Resources.none().withCpu(new CpuLimits(256L, null, null, null, null, null)));

        Path dir = tmp.resolve("u/cpu,cpuacct/jcompose/x");
        assertEquals(List.of(dir), m.directories());
        assertEquals("256", read(dir.resolve("cpu.shares")));
        assertEquals(123_456_789L, m.stats().cpuUsageNanos());
    }

    @Test
    void missingHierarchyIsAWarning() throws Exception {
        FakeCgroupFsV1 small = new FakeCgroupFsV1(tmp.resolve("s"), Map.of("memory", Set.of("memory")), true);
        CgroupV1Manager m = new CgroupV1Manager(small, killed::add, small.layoutHierarchies(), "c");
        m.create();

        List<String> warnings = m.apply(Resources.none().withPidsLimit(5L));

        assertEquals(List.of("pids limit discarded: no pids cgroup hierarchy is mounted"), warnings);
    }

    @Test
    void kernelRefusalIsOneLine() throws Exception {
        manager.create();
        manager.apply(Resources.none().withMemory(new MemoryLimits(100L << 20, null, 100L << 20, null, false)));
        // a raw write that breaks the kernel rule shows how the message reads
        CgroupException e = assertThrows(CgroupException.class,
                () -> fs.write(dir("memory"), "memory.limit_in_bytes", Long.toString(200L << 20)));
        assertEquals("setting memory.limit_in_bytes=" + (200L << 20) + " in " + dir("memory") + ": Invalid argument", e.getMessage());
    }

    @Test
    void freezeThawAndState() throws Exception {
        manager.create();
        manager.freeze();
        assertEquals(FreezerState.FROZEN, manager.freezerState());
        assertEquals("FROZEN", read(dir("freezer").resolve("freezer.state")));
        manager.thaw();
        assertEquals(FreezerState.THAWED, manager.freezerState());
    }

    @Test
    void killAllFreezesSignalsEveryTaskAndThaws() throws Exception {
        manager.create();
        manager.addProcess(10);
        manager.addProcess(11);
        fs.writes.clear();

        manager.killAll();

        assertEquals(List.of(10L, 11L), killed);
        assertEquals(List.of("freezer/jcompose/abc/freezer.state=FROZEN", "freezer/jcompose/abc/freezer.state=THAWED"), fs.writes);
    }

    @Test
    void statsComeFromMemoryCpuacctAndPids() throws Exception {
        manager.create();
        manager.apply(Resources.none().withMemory(MemoryLimits.limit(64L << 20)));

        CgroupStats s = manager.stats();

        assertEquals(8192, s.memoryUsage());
        assertEquals(64L << 20, s.memoryLimit());
        assertEquals(1024L, s.memoryStat().get("total_inactive_file"));
        assertEquals(2, s.oomKills());
        assertEquals(123_456_789L, s.cpuUsageNanos());
        assertEquals(1, s.pidsCurrent());
        assertEquals(CgroupStats.UNLIMITED, s.pidsLimit());
        assertEquals(4096, s.ioReadBytes());
        assertEquals(512, s.ioWriteBytes());
        assertEquals(8192 - 1024, s.memoryUsageWithoutCache(), "docker stats leaves out total_inactive_file");
        assertEquals(16384L, s.memoryMaxUsage());
        assertEquals(3L, s.memoryFailcnt());
        assertEquals(new CpuUsage(123_456_789L, 90_000_000L, 20_000_000L, List.of(100_000_000L, 23_456_789L), 40, 5, 7_000_000L),
                s.cpu(), "cpuacct.stat ticks are 10 ms each; throttling from the cpu hierarchy's cpu.stat");
        assertEquals(List.of(new IoEntry(8, 0, "Read", 4096), new IoEntry(8, 0, "Write", 512), new IoEntry(8, 0, "Sync", 4608),
                new IoEntry(8, 0, "Async", 0), new IoEntry(8, 0, "Discard", 0), new IoEntry(8, 0, "Total", 4608)),
                s.ioServiceBytes(), "per device and op as the kernel lists them, without the closing Total line");
        assertEquals(new IoEntry(8, 0, "Read", 7), s.ioServiced().get(0));
        assertEquals(6, s.ioServiced().size());
    }

    @Test
    void removeClearsEveryHierarchyAndNestedCgroupsButKeepsTheParent() throws Exception {
        manager.create();
        manager.addProcess(10);
        fs.mkdirs(dir("memory").resolve("nested"));

        assertThrows(CgroupException.class, () -> manager.remove(Duration.ofMillis(30)));
        fs.exit(10);
        manager.remove(Duration.ofMillis(30));

        for (String h : thisMachine().keySet()) {
            assertFalse(fs.exists(dir(h)), h);
            assertEquals(List.of(tmp.resolve(h).resolve("jcompose")), fs.dirsUnder(tmp.resolve(h)), h);
        }
    }

    @Test
    void unlimitedV1ValuesReadAsUnlimited() {
        assertEquals(Long.MAX_VALUE, ResourceConversions.parseV1Limit(FakeCgroupFsV1.UNLIMITED));
        assertEquals(Long.MAX_VALUE, ResourceConversions.parseV1Limit("max"));
        assertEquals(4096, ResourceConversions.parseV1Limit("4096"));
    }
}
