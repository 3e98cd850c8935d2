package dev.jcompose.engine.cgroup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The cgroup managers on the real kernel, through {@link CgroupManagerFactory#forHost()}: whatever the
 * host's layout (v1 and hybrid here; unified on most users' hosts), create, limit, join, freeze, stat,
 * kill and remove a cgroup, and check nothing is left.
 */
@Tag("root")
class CgroupRootTest {
    private CgroupManagerFactory factory;
    private String parent;
    private String rootSubtreeBefore;
    private final List<Process> started = new ArrayList<>();
    private final List<CgroupManager> made = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        Assumptions.assumeTrue(RootSupport.isRoot(), "needs root: creates cgroups under /sys/fs/cgroup");
        factory = CgroupManagerFactory.forHost();
        Path probe = factory.layout().unified().map(CgroupLayout.UnifiedHierarchy::mountPoint)
                .orElse(factory.layout().v1().get(0).mountPoint());
        Assumptions.assumeTrue(Files.isWritable(probe), "needs a writable cgroupfs at " + probe);
        parent = RootSupport.uniqueParent();
        rootSubtreeBefore = RootSupport.rootSubtreeControl(factory.layout());
    }

    @AfterEach
    void cleanUp() throws Exception {
        for (Process p : started) {
            p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
        for (CgroupManager m : made) {
            if (m.exists()) {
                m.killAll();
                m.remove(Duration.ofSeconds(5));
            }
        }
        if (factory != null) {
            factory.forPath(parent).remove(Duration.ofSeconds(5));
            assertEquals(List.of(), RootSupport.leftovers(factory.layout(), parent), "cgroups left behind");
            RootSupport.restoreRootSubtreeControl(factory.layout(), rootSubtreeBefore);
        }
    }

    private CgroupManager manager(String name) {
        CgroupManager m = factory.forPath(parent + "/" + name);
        made.add(m);
        return m;
    }

    private Process start(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        started.add(p);
        return p;
    }

    /** The container's directory for a controller: its v1 hierarchy's, or the unified one. */
    private Path dirFor(CgroupManager m, String controller) {
        CgroupLayout layout = factory.layout();
        Path mount = layout.v1For(controller).map(CgroupLayout.V1Hierarchy::mountPoint)
                .orElseGet(() -> layout.unified().orElseThrow().mountPoint());
        return mount.resolve(m.path());
    }

    private static void waitForExec(long pid, String comm) throws Exception {
        Path file = Path.of("/proc/" + pid + "/comm");
        for (int i = 0; i < 500 && !RootSupport.read(file).equals(comm); i++) {
            Thread.sleep(10);
        }
        assertEquals(comm, RootSupport.read(file));
    }

    private boolean unified() {
        return factory.layout().mode() == CgroupLayout.Mode.UNIFIED;
    }

    @Test
    void limitsLandInTheKernelFiles() throws Exception {
        CgroupManager m = manager("limits");
        m.create();
        assertTrue(m.exists());
        Resources r = Resources.none()
                .withMemory(new MemoryLimits(64L << 20, 32L << 20, null, null, false))
                .withCpu(new CpuLimits(512L, null, null, 500_000_000L, "0", null))
                .withPidsLimit(32L);
        var disk = RootSupport.aDisk();
        if (disk.isPresent()) {
            r = r.withBlkio(new BlkioLimits(null, Map.of(), Map.of(disk.get(), 1_048_576L), Map.of(), Map.of(), Map.of()));
        }

        List<String> warnings = m.apply(r);

        assertEquals(List.of(), warnings);
        Path mem = dirFor(m, "memory");
        Path cpu = dirFor(m, "cpu");
        if (unified()) {
            assertEquals(Long.toString(64L << 20), RootSupport.read(mem.resolve("memory.max")));
            assertEquals(Long.toString(32L << 20), RootSupport.read(mem.resolve("memory.low")));
            assertEquals("50000 100000", RootSupport.read(cpu.resolve("cpu.max")));
            assertEquals(Long.toString(ResourceConversions.sharesToWeight(512)), RootSupport.read(cpu.resolve("cpu.weight")));
        } else {
            assertEquals(Long.toString(64L << 20), RootSupport.read(mem.resolve("memory.limit_in_bytes")));
            assertEquals(Long.toString(32L << 20), RootSupport.read(mem.resolve("memory.soft_limit_in_bytes")));
            assertEquals("512", RootSupport.read(cpu.resolve("cpu.shares")));
            assertEquals("50000", RootSupport.read(cpu.resolve("cpu.cfs_quota_us")));
            assertEquals("100000", RootSupport.read(cpu.resolve("cpu.cfs_period_us")));
        }
        assertEquals("0", RootSupport.read(dirFor(m, "cpuset").resolve("cpuset.cpus")));
        assertEquals("32", RootSupport.read(dirFor(m, "pids").resolve("pids.max")));
        if (disk.isPresent()) {
            String throttle = unified() ? RootSupport.read(dirFor(m, "io").resolve("io.max"))
                    : RootSupport.read(dirFor(m, "blkio").resolve("blkio.throttle.read_bps_device"));
            assertTrue(throttle.contains(disk.get() + (unified() ? " rbps=1048576" : " 1048576")), throttle);
        }
    }

    @Test
    void blkioWeightGoesToWhicheverProportionalFileTheKernelHas() throws Exception {
        CgroupManager m = manager("weight");
        m.create();
        Path d = dirFor(m, unified() ? "io" : "blkio");
        String file = Files.exists(d.resolve(unified() ? "io.bfq.weight" : "blkio.bfq.weight"))
                ? (unified() ? "io.bfq.weight" : "blkio.bfq.weight")
                : (unified() ? "io.weight" : "blkio.weight");
        Assumptions.assumeTrue(Files.exists(d.resolve(file)), "needs a proportional I/O weight file in " + d);

        assertEquals(List.of(), m.apply(Resources.none().withBlkio(new BlkioLimits(300, Map.of(), Map.of(), Map.of(), Map.of(), Map.of()))));

        String expected = file.equals("io.weight") ? Long.toString(ResourceConversions.blkioWeightToIoWeight(300)) : "300";
        assertTrue(RootSupport.read(d.resolve(file)).matches("(default )?" + expected), file + ": " + RootSupport.read(d.resolve(file)));
    }

    @Test
    void aKernelRefusalIsOneLineNamingFileValueDirectoryAndErrno() throws Exception {
        CgroupManager m = manager("refused");
        m.create();
        CgroupException e = org.junit.jupiter.api.Assertions.assertThrows(CgroupException.class,
                () -> m.apply(Resources.none().withCpu(new CpuLimits(null, null, null, null, "4095", null))));
        // the errno varies by kernel (EINVAL, ERANGE); the shape does not: what, where, then the errno's own words
        String prefix = "setting cpuset.cpus=4095 in " + dirFor(m, "cpuset") + ": ";
        assertTrue(e.getMessage().startsWith(prefix), e.getMessage());
        assertTrue(e.getMessage().substring(prefix.length()).matches("[A-Z][a-z ]+"), e.getMessage());
    }

    @Test
    void deviceRulesOnV1AreWhatTheKernelListsAndEnforces() throws Exception {
        Assumptions.assumeTrue(factory.layout().v1For("devices").isPresent(), "needs the v1 devices controller (v2 needs eBPF, not done)");
        var disk = RootSupport.anOpenableBlockDevice();
        Assumptions.assumeTrue(disk.isPresent(), "needs a block device node this process can open");
        CgroupManager m = manager("devices");
        m.create();
        m.apply(Resources.none().withDevices(DeviceRule.containerDefaults()));

        List<String> allowed = DeviceRule.containerDefaults().stream().filter(DeviceRule::allow).map(DeviceRule::toV1Line).toList();
        assertEquals(java.util.Set.copyOf(allowed), java.util.Set.copyOf(Files.readAllLines(dirFor(m, "devices").resolve("devices.list"))));

        // inside the cgroup, /dev/zero opens and the disk does not
        String script = "read go; dd if=/dev/zero of=/dev/null bs=1 count=1 2>/dev/null && echo zero-ok; "
                + "dd if=" + disk.get() + " of=/dev/null count=1 2>&1 | grep -o 'Operation not permitted'";
        Process p = start("sh", "-c", script);
        m.addProcess(p.pid());
        p.getOutputStream().write('\n');
        p.getOutputStream().flush();
        assertTrue(p.waitFor(10, TimeUnit.SECONDS));
        assertEquals("zero-ok\nOperation not permitted\n", new String(p.getInputStream().readAllBytes()));
    }

    @Test
    void aProcessJoinsIsFrozenThawedCountedKilledAndTheCgroupRemoved() throws Exception {
        CgroupManager m = manager("life");
        m.create();
        m.apply(Resources.none().withMemory(MemoryLimits.limit(64L << 20)).withPidsLimit(16L));
        // v1 does not move a task's existing memory charge: the shell joins first, then exec's, so sleep's pages are ours
        Process sleep = start("sh", "-c", "read go; exec sleep 30");
        long pid = sleep.pid();

        m.addProcess(pid);
        sleep.getOutputStream().write('\n');
        sleep.getOutputStream().flush();
        waitForExec(pid, "sleep");

        assertEquals(List.of(pid), m.pids());
        String procCgroup = Files.readString(Path.of("/proc/" + pid + "/cgroup"));
        assertTrue(procCgroup.contains(":/" + m.path() + "\n"), procCgroup);
        for (Path d : m.directories()) {
            assertEquals(List.of(Long.toString(pid)), Files.readAllLines(d.resolve("cgroup.procs")), d.toString());
        }

        m.freeze();
        assertEquals(FreezerState.FROZEN, m.freezerState());
        assertEquals("D", RootSupport.state(pid), "a frozen task sleeps uninterruptibly in the freezer");
        m.thaw();
        assertEquals(FreezerState.THAWED, m.freezerState());
        assertEquals("S", RootSupport.stateWithin(pid, "S", Duration.ofSeconds(5)), "a thawed task is back in its sleep");

        CgroupStats stats = m.stats();
        assertTrue(stats.memoryUsage() > 0, "usage " + stats.memoryUsage());
        assertEquals(64L << 20, stats.memoryLimit());
        assertEquals(1, stats.pidsCurrent());
        assertEquals(16, stats.pidsLimit());
        assertTrue(stats.cpuUsageNanos() > 0, "cpu " + stats.cpuUsageNanos());
        assertEquals(0, stats.oomKills());

        m.killAll();
        assertTrue(sleep.waitFor(5, TimeUnit.SECONDS), "sleep survived killAll");
        assertEquals(128 + 9, sleep.exitValue());

        m.remove(Duration.ofSeconds(5));
        assertFalse(m.exists());
        for (Path d : m.directories()) {
            assertFalse(Files.exists(d), d + " is left");
        }
    }

    @Test
    void theKernelOomKillsAProcessAboveTheMemoryLimit() throws Exception {
        CgroupManager m = manager("oom");
        m.create();
        boolean swapFile = unified() ? Files.exists(dirFor(m, "memory").resolve("memory.swap.max"))
                : Files.exists(dirFor(m, "memory").resolve("memory.memsw.limit_in_bytes"));
        long limit = 32L << 20;
        m.apply(Resources.none().withMemory(new MemoryLimits(limit, null, swapFile ? limit : null, null, false)));
        // the shell waits for a line, so it is in the cgroup before dd allocates a 128 MiB buffer and fills it
        Process p = start("sh", "-c", "read go; exec dd if=/dev/zero of=/dev/null bs=128M count=1");
        m.addProcess(p.pid());
        p.getOutputStream().write('\n');
        p.getOutputStream().flush();

        assertTrue(p.waitFor(20, TimeUnit.SECONDS), "dd did not end");
        assertEquals(128 + 9, p.exitValue(), "dd should die of SIGKILL from the OOM killer");
        assertTrue(m.stats().oomKills() >= 1, "oom_kill counter " + m.stats().oomKills());
        m.remove(Duration.ofSeconds(5));
    }

    @Test
    void cpusetIsCopiedSoATaskCanJoinAFreshNestedCgroup() throws Exception {
        Assumptions.assumeTrue(factory.layout().v1For("cpuset").isPresent(), "needs the v1 cpuset controller");
        CgroupManager m = manager("deep/er/cpuset");
        m.create();
        Path leaf = dirFor(m, "cpuset");
        Path root = factory.layout().v1For("cpuset").orElseThrow().mountPoint();
        assertEquals(RootSupport.read(root.resolve("cpuset.cpus")), RootSupport.read(leaf.resolve("cpuset.cpus")));
        assertEquals(RootSupport.read(root.resolve("cpuset.mems")), RootSupport.read(leaf.resolve("cpuset.mems")));
        Process sleep = start("sleep", "30");
        m.addProcess(sleep.pid()); // fails with ENOSPC when the cpuset is empty
        m.killAll();
        assertTrue(sleep.waitFor(5, TimeUnit.SECONDS));
        m.remove(Duration.ofSeconds(5));
        factory.forPath(parent + "/deep").remove(Duration.ofSeconds(5));
    }
}
