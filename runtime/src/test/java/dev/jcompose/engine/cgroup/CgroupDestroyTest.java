package dev.jcompose.engine.cgroup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link CgroupManager#destroy(Duration)}: a straggler left after the container ended is killed and the cgroup goes. */
class CgroupDestroyTest {
    @TempDir
    Path tmp;

    @Test
    void aProcessLeftAfterTheWaitIsKilledAndEveryHierarchyRemoved() throws Exception {
        FakeCgroupFsV1 fs = new FakeCgroupFsV1(tmp, CgroupV1ManagerTest.thisMachine(), true);
        List<Long> killed = new ArrayList<>();
        CgroupV1Manager manager = new CgroupV1Manager(fs, pid -> {
            killed.add(pid);
            try {
                fs.exit(pid); // SIGKILL lands: the process leaves its cgroups
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        }, fs.layoutHierarchies(), "jcompose/straggler");
        manager.create();
        manager.addProcess(42);

        manager.destroy(Duration.ofMillis(30));

        assertEquals(List.of(42L), killed);
        for (String h : CgroupV1ManagerTest.thisMachine().keySet()) {
            assertFalse(fs.exists(tmp.resolve(h).resolve("jcompose/straggler")), h);
        }
    }

    @Test
    void anEmptyCgroupIsRemovedWithoutKilling() throws Exception {
        FakeCgroupFsV1 fs = new FakeCgroupFsV1(tmp, CgroupV1ManagerTest.thisMachine(), true);
        List<Long> killed = new ArrayList<>();
        CgroupV1Manager manager = new CgroupV1Manager(fs, killed::add, fs.layoutHierarchies(), "jcompose/ended");
        manager.create();
        manager.addProcess(7);
        fs.exit(7);

        manager.destroy(Duration.ofMillis(30));

        assertEquals(List.of(), killed);
        assertFalse(manager.exists());
    }

    @Test
    void aProcessThatSurvivesTheKillIsReported() throws Exception {
        FakeCgroupFsV1 fs = new FakeCgroupFsV1(tmp, CgroupV1ManagerTest.thisMachine(), true);
        List<Long> killed = new ArrayList<>();
        CgroupV1Manager manager = new CgroupV1Manager(fs, killed::add, fs.layoutHierarchies(), "jcompose/stuck");
        manager.create();
        manager.addProcess(9);

        CgroupException e = assertThrows(CgroupException.class, () -> manager.destroy(Duration.ofMillis(30)));

        assertEquals(List.of(9L), killed);
        assertTrue(e.getMessage().contains("still in it"), e.getMessage());
    }
}
