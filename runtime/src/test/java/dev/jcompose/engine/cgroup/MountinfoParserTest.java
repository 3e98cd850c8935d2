package dev.jcompose.engine.cgroup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MountinfoParserTest {

    @Test
    void keepsOnlyCgroupMountsWithRootAndOptions() {
        List<CgroupMount> mounts = MountinfoParser.cgroupMounts(MountinfoFixtures.HYBRID_THIS_MACHINE);

        assertEquals(10, mounts.size());
        CgroupMount cpu = mounts.get(0);
        assertEquals(Path.of("/sys/fs/cgroup/cpu"), cpu.mountPoint());
        assertEquals("/", cpu.root());
        assertEquals(Set.of("rw", "cpu"), cpu.superOptions());
        assertTrue(mounts.get(9).isV2());
    }

    @Test
    void readsOptionalFieldsAndNamespacedRoots() {
        String line = "1219 1218 0:31 /docker/4f2a /sys/fs/cgroup/memory ro,nosuid,nodev,noexec,relatime shared:9 master:15 - cgroup cgroup rw,memory\n";
        CgroupMount m = MountinfoParser.cgroupMounts(line).get(0);

        assertEquals("/docker/4f2a", m.root());
        assertEquals(Set.of("rw", "memory"), m.superOptions());
    }

    @Test
    void unescapesOctalInPaths() {
        String line = "50 31 0:40 / /mnt/my\\040cgroups rw - cgroup2 cgroup2 rw\n";
        assertEquals(Path.of("/mnt/my cgroups"), MountinfoParser.cgroupMounts(line).get(0).mountPoint());
    }

    @Test
    void malformedLineIsReportedWithItsNumber() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MountinfoParser.cgroupMounts("22 27 0:21 / /proc rw - proc proc rw\nbroken line\n"));
        assertEquals("parsing /proc/self/mountinfo line 2: malformed: broken line", e.getMessage());
    }
}
