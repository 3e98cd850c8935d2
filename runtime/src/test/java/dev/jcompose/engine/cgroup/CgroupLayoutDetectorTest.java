package dev.jcompose.engine.cgroup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CgroupLayoutDetectorTest {

    @Test
    void thisMachineIsHybridWithHugetlbOnlyOnCgroup2() throws Exception {
        CgroupLayout layout = CgroupLayoutDetector.parse(MountinfoFixtures.HYBRID_THIS_MACHINE,
                MountinfoFixtures.HYBRID_THIS_MACHINE_CGROUPS, MountinfoFixtures.FILESYSTEMS, "hugetlb\n");

        assertEquals(CgroupLayout.Mode.HYBRID, layout.mode());
        assertEquals(Path.of("/sys/fs/cgroup/unified"), layout.unified().orElseThrow().mountPoint());
        assertEquals(Set.of("hugetlb"), layout.unified().orElseThrow().controllers());
        assertEquals(9, layout.v1().size(), "cpu, cpuacct, cpuset, memory, devices, freezer, blkio, pids, name=systemd");
        assertEquals(Path.of("/sys/fs/cgroup/cpu"), layout.v1For("cpu").orElseThrow().mountPoint());
        assertEquals(Path.of("/sys/fs/cgroup/cpuacct"), layout.v1For("cpuacct").orElseThrow().mountPoint());
        assertEquals(Path.of("/sys/fs/cgroup/systemd"), layout.v1For("name=systemd").orElseThrow().mountPoint());
        assertTrue(layout.v1For("hugetlb").isEmpty());
        assertTrue(layout.onUnified("hugetlb"));
        assertFalse(layout.onUnified("memory"));
        assertTrue(layout.kernelSupportsCgroup2());
        assertTrue(layout.kernelControllers().containsAll(Set.of("memory", "hugetlb", "net_cls")));
    }

    @Test
    void debianTwelveIsUnified() throws Exception {
        CgroupLayout layout = CgroupLayoutDetector.parse(MountinfoFixtures.UNIFIED_DEBIAN12, "",
                MountinfoFixtures.FILESYSTEMS, MountinfoFixtures.UNIFIED_CONTROLLERS);

        assertEquals(CgroupLayout.Mode.UNIFIED, layout.mode());
        assertEquals(Path.of("/sys/fs/cgroup"), layout.unified().orElseThrow().mountPoint());
        assertEquals(Set.of("cpuset", "cpu", "io", "memory", "hugetlb", "pids", "rdma", "misc"),
                layout.unified().orElseThrow().controllers());
        assertTrue(layout.v1().isEmpty());
        assertTrue(layout.onUnified("memory"));
    }

    @Test
    void ubuntuWithEmptyCgroup2IsHybridAndKeepsCoMountedControllersTogether() throws Exception {
        CgroupLayout layout = CgroupLayoutDetector.parse(MountinfoFixtures.LEGACY_UBUNTU1804, "",
                MountinfoFixtures.FILESYSTEMS, "");

        assertEquals(CgroupLayout.Mode.HYBRID, layout.mode());
        assertTrue(layout.unified().orElseThrow().controllers().isEmpty());
        CgroupLayout.V1Hierarchy cpu = layout.v1For("cpu").orElseThrow();
        assertEquals(Set.of("cpu", "cpuacct"), cpu.controllers());
        assertEquals(cpu, layout.v1For("cpuacct").orElseThrow());
        assertEquals(Path.of("/sys/fs/cgroup/cpu,cpuacct"), cpu.mountPoint());
        assertEquals(Set.of("cpuset"), layout.v1For("cpuset").orElseThrow().controllers(), "clone_children is an option, not a controller");
        assertEquals(Set.of("name=systemd"), layout.v1For("name=systemd").orElseThrow().controllers(), "xattr is an option");
        assertFalse(layout.onUnified("hugetlb"), "hugetlb is bound to v1 there");
    }

    @Test
    void centosSevenIsLegacy() throws Exception {
        CgroupLayout layout = CgroupLayoutDetector.parse(MountinfoFixtures.LEGACY_CENTOS7, "",
                MountinfoFixtures.FILESYSTEMS_NO_V2, "");

        assertEquals(CgroupLayout.Mode.LEGACY, layout.mode());
        assertTrue(layout.unified().isEmpty());
        assertFalse(layout.kernelSupportsCgroup2());
        assertEquals(Set.of("name=systemd"), layout.v1For("name=systemd").orElseThrow().controllers(),
                "release_agent=... is an option, not a name");
        assertEquals(4, layout.v1().size());
    }

    @Test
    void aNamedHierarchyAloneDoesNotMakeAHybrid() throws Exception {
        String mountinfo = MountinfoFixtures.UNIFIED_DEBIAN12
                + "45 21 0:40 / /sys/fs/cgroup/systemd rw,relatime - cgroup cgroup rw,name=systemd\n";
        CgroupLayout layout = CgroupLayoutDetector.parse(mountinfo, "", MountinfoFixtures.FILESYSTEMS, "memory pids");

        assertEquals(CgroupLayout.Mode.UNIFIED, layout.mode());
    }

    @Test
    void noCgroupMountIsAnError() {
        CgroupException e = assertThrows(CgroupException.class, () -> CgroupLayoutDetector.parse(
                "22 26 0:21 / /proc rw - proc proc rw\n", "", MountinfoFixtures.FILESYSTEMS, ""));
        assertEquals("detecting the cgroup layout from /proc/self/mountinfo: no cgroup or cgroup2 filesystem is mounted",
                e.getMessage());
    }

    @Test
    void describeNamesModeAndControllers() throws Exception {
        CgroupLayout layout = CgroupLayoutDetector.parse(MountinfoFixtures.LEGACY_CENTOS7, "",
                MountinfoFixtures.FILESYSTEMS_NO_V2, "");
        assertEquals("legacy (v1: name=systemd memory cpu cpuacct pids)", layout.describe());
    }

    @Test
    void detectsTheRunningHostWithoutFailing() throws Exception {
        // whatever this host is, detection of the real /proc must produce a consistent layout
        CgroupLayout layout = CgroupLayoutDetector.detect();
        if (layout.mode() != CgroupLayout.Mode.LEGACY) {
            assertTrue(layout.unified().isPresent());
        }
        if (layout.mode() != CgroupLayout.Mode.UNIFIED) {
            assertFalse(layout.v1().isEmpty());
        }
    }
}
