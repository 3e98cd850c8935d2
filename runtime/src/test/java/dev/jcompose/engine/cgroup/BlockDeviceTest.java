package dev.jcompose.engine.cgroup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class BlockDeviceTest {

    @Test
    void resolvesTheNumbersSysfsReportsForEachBlockDevice() throws Exception {
        List<Path> disks;
        try (Stream<Path> s = Files.list(Path.of("/sys/block"))) {
            disks = s.filter(d -> Files.exists(Path.of("/dev").resolve(d.getFileName().toString()))).sorted().toList();
        }
        Assumptions.assumeFalse(disks.isEmpty(), "needs a block device node under /dev");
        for (Path d : disks) {
            String expected = Files.readString(d.resolve("dev")).trim();
            assertEquals(expected, BlockDevice.of(Path.of("/dev").resolve(d.getFileName().toString())).toString(), d.toString());
        }
    }

    @Test
    void aCharacterDeviceIsNotABlockDevice() {
        CgroupException e = assertThrows(CgroupException.class, () -> BlockDevice.of(Path.of("/dev/null")));
        assertEquals("resolving block device /dev/null: not a block device", e.getMessage());
        CgroupException missing = assertThrows(CgroupException.class, () -> BlockDevice.of(Path.of("/dev/no-such-disk")));
        assertEquals("resolving block device /dev/no-such-disk: No such file or directory", missing.getMessage());
    }

    @Test
    void entriesAreOrderedByNumbers() {
        Map<BlockDevice, Long> m = Map.of(new BlockDevice(254, 0), 1L, new BlockDevice(8, 16), 2L, new BlockDevice(8, 0), 3L);
        assertEquals(List.of("8:0", "8:16", "254:0"), BlockDevice.inOrder(m).stream().map(e -> e.getKey().toString()).toList());
    }

    @Test
    void containerDefaultsStartWithDenyAllAndAllowTheStandardNodes() {
        List<DeviceRule> rules = DeviceRule.containerDefaults();
        assertEquals(DeviceRule.denyAll(), rules.get(0));
        List<String> lines = rules.stream().map(DeviceRule::toV1Line).toList();
        for (String node : List.of("c 1:3 rwm", "c 1:5 rwm", "c 1:9 rwm", "c 5:2 rwm", "c 136:* rwm", "c *:* m", "b *:* m")) {
            assertEquals(true, lines.contains(node), node);
        }
        assertEquals(false, lines.stream().anyMatch(l -> l.startsWith("b ") && l.endsWith("rwm")), "no block device is readable");
    }
}
