package dev.jcompose.engine.cgroup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The v2 backend on the real kernel's cgroup2 mount, whatever controllers it holds: on a hybrid host
 * like this one (cgroup2 with hugetlb only) that still exercises subtree_control, cgroup.procs,
 * cgroup.freeze, cgroup.events, cgroup.kill and removal. Memory, cpu, io and pids files need a
 * unified host, where {@link CgroupRootTest} goes through this backend.
 */
@Tag("root")
class CgroupV2RootTest {
    private CgroupLayout layout;
    private CgroupLayout.UnifiedHierarchy unified;
    private String parent;
    private CgroupV2Manager manager;
    private Process process;
    private String rootSubtreeBefore;

    @BeforeEach
    void setUp() throws Exception {
        Assumptions.assumeTrue(RootSupport.isRoot(), "needs root: creates cgroups under the cgroup2 mount");
        layout = CgroupLayoutDetector.detect();
        Assumptions.assumeTrue(layout.unified().isPresent(), "needs a cgroup2 mount (this host is " + layout.describe() + ")");
        unified = layout.unified().get();
        Assumptions.assumeTrue(Files.isWritable(unified.mountPoint()), "needs a writable cgroup2 mount");
        parent = RootSupport.uniqueParent();
        rootSubtreeBefore = RootSupport.rootSubtreeControl(layout);
        manager = new CgroupV2Manager(new CgroupFs(), ProcessKiller.sigkill(), unified.mountPoint(), parent + "/c",
                unified.controllers(), new BpfDeviceFilter());
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (manager == null) {
            return;
        }
        if (process != null) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
        manager.remove(Duration.ofSeconds(5));
        new CgroupV2Manager(new CgroupFs(), pid -> { }, unified.mountPoint(), parent, unified.controllers(), null)
                .remove(Duration.ofSeconds(5));
        assertFalse(Files.exists(unified.mountPoint().resolve(parent)), "cgroup left behind");
        RootSupport.restoreRootSubtreeControl(layout, rootSubtreeBefore);
    }


    @Test
    void joinFreezeKillAndRemoveOnTheRealCgroup2() throws Exception {
        manager.create();
        Path dir = unified.mountPoint().resolve(parent + "/c");
        assertTrue(Files.isDirectory(dir));
        assertEquals(unified.controllers(), CgroupV2Manager.words(RootSupport.read(dir.resolve("cgroup.controllers"))),
                "every controller of the root is enabled down to the leaf");
        Assumptions.assumeTrue(Files.exists(dir.resolve("cgroup.freeze")), "needs cgroup.freeze (Linux 5.2+)");

        process = new ProcessBuilder("sleep", "30").start();
        manager.addProcess(process.pid());
        assertEquals(List.of(process.pid()), manager.pids());
        assertTrue(Files.readString(Path.of("/proc/" + process.pid() + "/cgroup")).contains("0::/" + parent + "/c\n"));

        manager.freeze();
        assertEquals(FreezerState.FROZEN, manager.freezerState());
        assertTrue(RootSupport.read(dir.resolve("cgroup.events")).contains("frozen 1"));
        manager.thaw();
        assertEquals(FreezerState.THAWED, manager.freezerState());
        assertTrue(process.isAlive());

        manager.killAll();
        assertTrue(process.waitFor(5, TimeUnit.SECONDS), "sleep survived killAll");
        assertEquals(128 + 9, process.exitValue());
        manager.remove(Duration.ofSeconds(5));
        assertFalse(manager.exists());
    }

    @Test
    void theEbpfDeviceFilterIsEnforcedByTheKernel() throws Exception {
        var disk = RootSupport.anOpenableBlockDevice();
        Assumptions.assumeTrue(disk.isPresent(), "needs a block device node this process can open");
        manager.create();
        assertEquals(List.of(), manager.apply(Resources.none().withDevices(DeviceRule.containerDefaults())));

        String script = "read go; dd if=/dev/zero of=/dev/null bs=1 count=1 2>/dev/null && echo zero-ok; "
                + "dd if=" + disk.get() + " of=/dev/null count=1 2>&1 | grep -o 'Operation not permitted'";
        process = new ProcessBuilder("sh", "-c", script).redirectErrorStream(true).start();
        manager.addProcess(process.pid());
        process.getOutputStream().write('\n');
        process.getOutputStream().flush();
        assertTrue(process.waitFor(10, TimeUnit.SECONDS));
        assertEquals("zero-ok\nOperation not permitted\n", new String(process.getInputStream().readAllBytes()));

        // installing again replaces the filter: now the disk may be read
        manager.apply(Resources.none().withDevices(List.of(new DeviceRule(true, 'a', -1, -1, "rwm"))));
        Process reader = new ProcessBuilder("sh", "-c", "read go; dd if=" + disk.get() + " of=/dev/null count=1 2>/dev/null && echo disk-ok")
                .redirectErrorStream(true).start();
        try {
            manager.addProcess(reader.pid());
            reader.getOutputStream().write('\n');
            reader.getOutputStream().flush();
            assertTrue(reader.waitFor(10, TimeUnit.SECONDS));
            assertEquals("disk-ok\n", new String(reader.getInputStream().readAllBytes()));
        } finally {
            reader.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void hugetlbLimitIsWrittenWhereCgroup2HoldsHugetlb() throws Exception {
        Assumptions.assumeTrue(unified.controllers().contains("hugetlb"), "needs hugetlb on cgroup2");
        manager.create();
        Path dir = unified.mountPoint().resolve(parent + "/c");
        Assumptions.assumeTrue(Files.exists(dir.resolve("hugetlb.2MB.max")), "needs 2 MB huge pages");

        List<String> warnings = manager.apply(Resources.none().withHugepages(List.of(new HugepageLimit("2MB", 4L << 20))));

        assertEquals(List.of(), warnings);
        assertEquals(Long.toString(4L << 20), RootSupport.read(dir.resolve("hugetlb.2MB.max")));
    }
}
