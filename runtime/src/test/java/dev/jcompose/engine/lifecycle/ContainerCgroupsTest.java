package dev.jcompose.engine.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jcompose.engine.cgroup.BlkioLimits;
import dev.jcompose.engine.cgroup.BlockDevice;
import dev.jcompose.engine.cgroup.CgroupException;
import dev.jcompose.engine.cgroup.CpuLimits;
import dev.jcompose.engine.cgroup.DeviceRule;
import dev.jcompose.engine.cgroup.MemoryLimits;
import dev.jcompose.engine.cgroup.Resources;
import dev.jcompose.engine.container.HostConfig;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** A container's HostConfig (as docker and compose send it) to the cgroup limits it gets. */
class ContainerCgroupsTest {
    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private static Resources of(String hostConfig) throws Exception {
        return ContainerCgroups.resources(JSON.readValue(hostConfig, HostConfig.class));
    }

    @Test
    void everyComposeLimitReachesTheCgroup() throws Exception {
        Resources r = of("""
                {"Memory":67108864,"MemoryReservation":33554432,"MemorySwap":134217728,"MemorySwappiness":10,"OomKillDisable":true,
                 "CpuShares":512,"CpuQuota":50000,"CpuPeriod":100000,"CpusetCpus":"0","CpusetMems":"0","PidsLimit":50,"BlkioWeight":300}""");
        assertEquals(new MemoryLimits(67108864L, 33554432L, 134217728L, 10, true), r.memory());
        assertEquals(new CpuLimits(512L, 50000L, 100000L, null, "0", "0"), r.cpu());
        assertEquals(50L, r.pidsLimit());
        assertEquals(new BlkioLimits(300, Map.of(), Map.of(), Map.of(), Map.of(), Map.of()), r.blkio());
        assertEquals(DeviceRule.containerDefaults(), r.devices());
    }

    @Test
    void dockersUnsetValuesStayUnset() throws Exception {
        // what `docker run` sends without limit flags
        Resources r = of("""
                {"Memory":0,"MemoryReservation":0,"MemorySwap":0,"MemorySwappiness":-1,"CpuShares":0,"CpuQuota":0,"CpuPeriod":0,
                 "NanoCpus":0,"CpusetCpus":"","CpusetMems":"","PidsLimit":0,"BlkioWeight":0}""");
        assertEquals(Resources.none().withDevices(DeviceRule.containerDefaults()), r);
        assertEquals(Resources.none(), of("{\"Privileged\":true}"), "privileged: no device rules, no limits");
    }

    @Test
    void cpusAndUnlimitedSwapAndQuota() throws Exception {
        Resources r = of("{\"NanoCpus\":1500000000,\"Memory\":1048576,\"MemorySwap\":-1}");
        assertEquals(1_500_000_000L, r.cpu().nanoCpus());
        assertNull(r.cpu().quota());
        assertEquals(-1L, r.memory().swap(), "-1: unlimited swap");
        assertTrue(of("{\"CpuQuota\":-1}").cpu().quota() == -1L, "-1: unlimited quota");
    }

    @Test
    void blkioDeviceWeightsAndRatesByDeviceNumbers() throws Exception {
        Path disk = aBlockDevice();
        Assumptions.assumeTrue(disk != null, "needs a block device node under /dev");
        BlockDevice numbers = BlockDevice.of(disk);
        String p = "\"" + disk + "\"";
        Resources r = of("""
                {"BlkioWeightDevice":[{"Path":%s,"Weight":700}],"BlkioDeviceReadBps":[{"Path":%s,"Rate":1048576}],
                 "BlkioDeviceWriteBps":[{"Path":%s,"Rate":2097152}],"BlkioDeviceReadIOps":[{"Path":%s,"Rate":100}],
                 "BlkioDeviceWriteIOps":[{"Path":%s,"Rate":0}]}""".formatted(p, p, p, p, p));
        assertEquals(new BlkioLimits(null, Map.of(numbers, 700), Map.of(numbers, 1_048_576L), Map.of(numbers, 2_097_152L),
                Map.of(numbers, 100L), Map.of()), r.blkio(), "a rate of 0 is no limit, as Docker");

        CgroupException e = assertThrows(CgroupException.class, () -> of("{\"BlkioDeviceReadBps\":[{\"Path\":\"/dev/null\",\"Rate\":1}]}"));
        assertEquals("resolving block device /dev/null: not a block device", e.getMessage());
    }

    /** A block device node under /dev, or null. */
    private static Path aBlockDevice() throws Exception {
        try (var s = Files.list(Path.of("/dev"))) {
            return s.filter(d -> {
                try {
                    return ((Integer) Files.getAttribute(d, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 0170000) == 0060000;
                } catch (Exception ex) {
                    return false;
                }
            }).sorted().findFirst().orElse(null);
        }
    }
}
