package dev.jcompose.engine.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jcompose.engine.api.DockerCliEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The limits docker (and compose) ask for on create land in the container's cgroup: CPU shares, quota and period,
 * cpuset, memory limit and reservation, pids — read back from the host's cgroupfs (v1 files, or v2's on a v2 host); and a
 * container the OOM killer hit is {@code OOMKilled} in inspect.
 */
@Tag("root")
class CgroupLimitsRootTest {
    @TempDir
    Path dir;
    private DockerCliEngine world;

    @BeforeEach
    void start() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root: runs containers");
        assumeTrue(!CgroupMounts.roots().isEmpty(), "needs a mounted cgroupfs");
        world = DockerCliEngine.start(dir, "engine-cglimits:1");
    }

    @AfterEach
    void stop() throws Exception {
        if (world != null) {
            world.close();
        }
    }

    @Test
    void limitsFromCreateAreInTheCgroup() throws Exception {
        String id = world.cli().ok("run", "-d", "--network", "none", "--name", "engine-cglimits", "--cpu-shares", "512",
                "--cpu-quota", "50000", "--cpu-period", "100000", "--cpuset-cpus", "0", "--memory", "64m", "--memory-reservation", "32m",
                "--pids-limit", "50", "engine-cglimits:1", "sleep", "60");
        Optional<String> v2cpu = CgroupMounts.read(id, "cpu.max");
        if (v2cpu.isPresent()) {
            assertEquals("50000 100000", v2cpu.get());
            assertEquals("67108864", CgroupMounts.read(id, "memory.max").orElseThrow());
            assertEquals("33554432", CgroupMounts.read(id, "memory.low").orElseThrow());
        } else {
            assertEquals("512", CgroupMounts.read(id, "cpu.shares").orElseThrow(), "cpu shares");
            assertEquals("50000", CgroupMounts.read(id, "cpu.cfs_quota_us").orElseThrow(), "cpu quota");
            assertEquals("100000", CgroupMounts.read(id, "cpu.cfs_period_us").orElseThrow(), "cpu period");
            assertEquals("67108864", CgroupMounts.read(id, "memory.limit_in_bytes").orElseThrow(), "memory limit");
            assertEquals("33554432", CgroupMounts.read(id, "memory.soft_limit_in_bytes").orElseThrow(), "memory reservation");
        }
        assertEquals("0", CgroupMounts.read(id, "cpuset.cpus").orElseThrow(), "cpuset");
        assertEquals("50", CgroupMounts.read(id, "pids.max").orElseThrow(), "pids limit");
        assertEquals("running", world.cli().ok("inspect", "--format", "{{.State.Status}}", id));
        world.cli().ok("rm", "-f", id);
        assertTrue(CgroupMounts.containerDirs(java.util.List.of(id)).isEmpty(), "the cgroup goes with the container");
    }

    @Test
    void aContainerTheOomKillerEndedIsOomKilled() throws Exception {
        // no swap on these machines, and memory+swap = memory where swap accounting is on: the shell's 64 MB string cannot fit
        String id = world.cli().ok("run", "-d", "--network", "none", "--name", "engine-cgoom", "--memory", "16m", "--memory-swap", "16m",
                "engine-cglimits:1", "sh", "-c", "x=$(head -c 67108864 /dev/zero | tr '\\0' a); echo survived");
        world.cli().ok("wait", id);
        assertEquals("true", world.cli().ok("inspect", "--format", "{{.State.OOMKilled}}", id), "the OOM killer ended a process of it");
        world.cli().ok("rm", id);
        String quiet = world.cli().ok("run", "-d", "--network", "none", "--memory", "16m", "engine-cglimits:1", "true");
        assertEquals("0", world.cli().ok("wait", quiet));
        assertEquals("false", world.cli().ok("inspect", "--format", "{{.State.OOMKilled}}", quiet), "no OOM: not OOMKilled");
        world.cli().ok("rm", quiet);
    }

    @Test
    void blkioDeviceRatesAreInTheCgroup() throws Exception {
        Optional<Path> disk = aDiskNode();
        assumeTrue(disk.isPresent(), "needs a disk's block device node under /dev");
        String dev = Files.readString(Path.of("/sys/block", disk.get().getFileName().toString(), "dev")).trim();
        String d = disk.get().toString();
        String id = world.cli().ok("run", "-d", "--network", "none", "--name", "engine-cgblkio", "--device-read-bps", d + ":1mb",
                "--device-write-bps", d + ":2mb", "--device-read-iops", d + ":100", "--device-write-iops", d + ":50",
                "engine-cglimits:1", "sleep", "60");
        assertEquals("[" + d + ":1048576]", world.cli().ok("inspect", "--format", "{{.HostConfig.BlkioDeviceReadBps}}", id),
                "kept in HostConfig as docker sent it (docker prints a ThrottleDevice as Path:Rate)");
        Optional<String> v2 = CgroupMounts.read(id, "io.max");
        if (v2.isPresent()) {
            assertEquals(dev + " rbps=1048576 wbps=2097152 riops=100 wiops=50", v2.get());
        } else {
            assertEquals(dev + " 1048576", CgroupMounts.read(id, "blkio.throttle.read_bps_device").orElseThrow());
            assertEquals(dev + " 2097152", CgroupMounts.read(id, "blkio.throttle.write_bps_device").orElseThrow());
            assertEquals(dev + " 100", CgroupMounts.read(id, "blkio.throttle.read_iops_device").orElseThrow());
            assertEquals(dev + " 50", CgroupMounts.read(id, "blkio.throttle.write_iops_device").orElseThrow());
        }
        world.cli().ok("rm", "-f", id);

        var bad = world.cli().run("run", "-d", "--network", "none", "--device-read-bps", "/dev/null:1mb", "engine-cglimits:1", "true");
        assertTrue(bad.code() != 0 && bad.err().contains("resolving block device /dev/null: not a block device"), bad.err());
    }

    /** A real disk (not loop, zram or ram) of /sys/block whose node is in /dev. */
    private static Optional<Path> aDiskNode() throws Exception {
        try (var s = Files.list(Path.of("/sys/block"))) {
            return s.map(b -> b.getFileName().toString())
                    .filter(n -> !n.startsWith("loop") && !n.startsWith("zram") && !n.startsWith("ram"))
                    .map(n -> Path.of("/dev", n)).filter(Files::exists).sorted().findFirst();
        }
    }
}
