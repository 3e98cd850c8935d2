package dev.jcompose.engine.shim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Process and namespace settings the shim applies, checked from inside real containers. */
@Tag("root")
class ShimSettingsTest {
    @TempDir
    Path dir;
    private ShimRunner runner;

    @BeforeEach
    void setUp() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root: creates namespaces and mounts");
        assumeTrue(BusyboxRootfs.available(), "needs /bin/busybox (Debian package busybox-static)");
        runner = new ShimRunner(dir);
    }

    @Test
    void namespacedSysctlsAreSetAndProcSysStaysReadOnly() throws Exception {
        String hostValue = Files.readString(Path.of("/proc/sys/net/ipv4/ip_unprivileged_port_start")).strip();
        ShimSpec spec = runner.spec("cat /proc/sys/net/ipv4/ip_unprivileged_port_start /proc/sys/kernel/shm_rmid_forced; "
                + "echo 1 > /proc/sys/net/ipv4/ip_forward 2>/dev/null || echo sys-ro", 0,
                new ShimRunner.Settings(null, List.of(), List.of("net.ipv4.ip_unprivileged_port_start=80", "kernel.shm_rmid_forced=1"),
                        null, null), "log.json");
        assertEquals(0, runner.run(spec).exitCode(), runner.log());
        String log = runner.log();
        assertTrue(log.contains("\"log\":\"80\\n\""), log);
        assertTrue(log.contains("\"log\":\"1\\n\""), log);
        assertTrue(log.contains("\"log\":\"sys-ro\\n\""), "the container itself cannot write /proc/sys: " + log);
        assertEquals(hostValue, Files.readString(Path.of("/proc/sys/net/ipv4/ip_unprivileged_port_start")).strip(), "host unchanged");
    }

    @Test
    void domainnameGroupsAndOomScoreAdj() throws Exception {
        ShimSpec spec = runner.spec("cat /proc/sys/kernel/domainname /proc/self/oom_score_adj; grep Groups: /proc/self/status; id -G", 65534,
                new ShimRunner.Settings("shim.example", List.of(10, 20), List.of(), 500, null), "log.json");
        assertEquals(0, runner.run(spec).exitCode(), runner.log());
        String log = runner.log();
        assertTrue(log.contains("\"log\":\"shim.example\\n\""), log);
        assertTrue(log.contains("\"log\":\"500\\n\""), log);
        assertTrue(log.contains("\"log\":\"Groups:\\t10 20 \\n\""), log);
        assertTrue(log.contains("\"log\":\"65534 10 20\\n\""), log);
    }

    @Test
    void aContainerCanJoinAnotherContainersNetworkNamespace() throws Exception {
        ShimSpec first = runner.spec("readlink /proc/self/ns/net; echo ready; sleep 30", 0,
                new ShimRunner.Settings(null, List.of(), List.of(), null, null), "log-a.json");
        ShimProcess a = runner.start(first, "a");
        try {
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (!(Files.exists(first.logFile()) && Files.readString(first.logFile()).contains("ready")) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            Path netns = Path.of("/proc/" + a.containerPid() + "/ns/net");
            ShimSpec second = runner.spec("readlink /proc/self/ns/net", 0,
                    new ShimRunner.Settings(null, List.of(), List.of(), null, netns), "log-b.json");
            assertEquals(0, runner.run(second).exitCode());
            String nsA = netnsOf(Files.readString(first.logFile()));
            String nsB = netnsOf(Files.readString(second.logFile()));
            assertEquals(nsA, nsB, "the second container is in the first one's netns");
            assertNotEquals(Files.readSymbolicLink(Path.of("/proc/self/ns/net")).toString(), nsA, "not the host's");
        } finally {
            ProcessHandle.of(a.containerPid()).ifPresent(ProcessHandle::destroyForcibly);
            a.monitor().onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    private static String netnsOf(String log) {
        Matcher m = Pattern.compile("net:\\[\\d+\\]").matcher(log);
        assertTrue(m.find(), log);
        return m.group();
    }
}
