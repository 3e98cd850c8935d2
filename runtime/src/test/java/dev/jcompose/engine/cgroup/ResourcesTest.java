package dev.jcompose.engine.cgroup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The resource records check themselves on construction, with Docker's ranges. */
class ResourcesTest {

    @Test
    void noneIsEmptyEverywhere() {
        Resources r = Resources.none();
        assertTrue(r.memory().isEmpty());
        assertTrue(r.cpu().isEmpty());
        assertTrue(r.blkio().isEmpty());
        assertEquals(List.of(), r.devices());
        assertEquals(null, r.pidsLimit());
    }

    @Test
    void cpusConflictsWithQuotaAsInDocker() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CpuLimits(null, 50_000L, null, 1_000_000_000L, null, null));
        assertEquals("conflicting cpu limits: cpus cannot be set together with cpu quota or cpu period", e.getMessage());
    }

    @Test
    void rangesAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> new CpuLimits(1L, null, null, null, null, null));
        assertThrows(IllegalArgumentException.class, () -> new CpuLimits(null, null, 500L, null, null, null));
        assertThrows(IllegalArgumentException.class, () -> new CpuLimits(null, null, null, null, "0-a", null));
        assertThrows(IllegalArgumentException.class, () -> new MemoryLimits(null, null, null, 101, false));
        assertThrows(IllegalArgumentException.class, () -> new MemoryLimits(-2L, null, null, null, false));
        assertEquals("invalid memory+swap limit 10: must not be below the memory limit 20",
                assertThrows(IllegalArgumentException.class, () -> new MemoryLimits(20L, null, 10L, null, false)).getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new BlkioLimits(5, Map.of(), Map.of(), Map.of(), Map.of(), Map.of()));
        assertThrows(IllegalArgumentException.class, () -> new HugepageLimit("2M", 1));
        assertThrows(IllegalArgumentException.class, () -> Resources.none().withPidsLimit(-5L));
    }

    @Test
    void deviceRulesRenderAsV1Lines() {
        assertEquals("a *:* rwm", DeviceRule.denyAll().toV1Line());
        assertEquals("c 1:3 rwm", DeviceRule.allowChar(1, 3, "rwm").toV1Line());
        assertEquals("b 8:* r", new DeviceRule(true, 'b', 8, -1, "r").toV1Line());
        assertThrows(IllegalArgumentException.class, () -> new DeviceRule(true, 'x', 1, 1, "r"));
        assertThrows(IllegalArgumentException.class, () -> new DeviceRule(true, 'c', 1, 1, "wr"));
    }
}
