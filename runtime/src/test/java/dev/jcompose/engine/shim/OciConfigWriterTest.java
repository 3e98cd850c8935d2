package dev.jcompose.engine.shim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spec the shim runs, written as OCI config.json and run by runc: both see the same container. */
@Tag("root")
class OciConfigWriterTest {
    @TempDir
    Path dir;

    @Test
    void runcRunsTheSameSpecAndSeesTheSameContainer() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root: runc creates namespaces and mounts");
        assumeTrue(Files.isExecutable(Path.of("/usr/sbin/runc")), "needs runc (Debian package runc)");
        assumeTrue(BusyboxRootfs.available(), "needs /bin/busybox (Debian package busybox-static)");
        Path rootfs = BusyboxRootfs.create(dir.resolve("rootfs"));
        String script = "echo host=$(hostname) pid=$$ $GREETING; id -u; grep CapEff /proc/self/status; "
                + "touch /sys/x 2>/dev/null || echo sys-ro; cat /proc/timer_list | wc -c; exit 3";
        ShimSpec spec = new ShimSpec(rootfs, null, false, "box2", null, List.of("sh", "-c", script), List.of("PATH=/bin", "GREETING=hi"),
                "/", 0, 0, List.of(), DockerDefaults.capabilities(List.of(), List.of(), false), false, DockerDefaults.mounts(0),
                List.of(new ShimSpec.Rlimit(7, 1024, 1024)), DockerDefaults.MASKED_PATHS, DockerDefaults.READONLY_PATHS, List.of(),
                null, true, null, dir.resolve("log.json"), dir.resolve("exit.json"));
        Path bundle = Files.createDirectories(dir.resolve("bundle"));
        OciConfigWriter.write(spec, bundle);
        Process runc = new ProcessBuilder("runc", "run", "--bundle", bundle.toString(), "jcompose-oci-" + ProcessHandle.current().pid())
                .redirectErrorStream(true).start();
        String out = new String(runc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(runc.waitFor(20, TimeUnit.SECONDS));
        assertEquals(3, runc.exitValue(), out);
        assertEquals(List.of("host=box2 pid=1 hi", "0", "CapEff:\t00000000a80425fb", "sys-ro", "0"), out.lines().toList());

        ShimSpecWriter.write(spec, dir.resolve("spec"));
        ShimProcess p = ShimProcess.start(ShimBinary.locate(dir.resolve("state")), dir.resolve("spec"), dir.resolve("shim.err"));
        p.go();
        p.monitor().onExit().get(10, TimeUnit.SECONDS);
        assertEquals(3, ExitStatus.read(spec.exitFile()).orElseThrow().exitCode());
        String log = Files.readString(spec.logFile());
        for (String line : out.lines().toList()) {
            assertTrue(log.contains("\"log\":\"" + line.replace("\t", "\\t") + "\\n\""), line + " in " + log);
        }
    }

    @Test
    void runcAndTheShimApplyTheSameSeccompProfile() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root: runc creates namespaces and mounts");
        assumeTrue(Files.isExecutable(Path.of("/usr/sbin/runc")), "needs runc (Debian package runc)");
        assumeTrue(BusyboxRootfs.available(), "needs /bin/busybox (Debian package busybox-static)");
        Path rootfs = BusyboxRootfs.create(dir.resolve("rootfs"));
        String script = "grep Seccomp: /proc/self/status; unshare -U true 2>/dev/null; echo unshare=$?; linux32 true; echo linux32=$?; "
                + "echo x | grep -c x";
        long caps = DockerDefaults.capabilities(List.of(), List.of(), false);
        ShimSpec spec = new ShimSpec(rootfs, null, false, "box3", null, List.of("sh", "-c", script), List.of("PATH=/bin"),
                "/", 0, 0, List.of(), caps, false, DockerDefaults.mounts(0), List.of(), DockerDefaults.MASKED_PATHS,
                DockerDefaults.READONLY_PATHS, List.of(), null, true, null, dir.resolve("log.json"), dir.resolve("exit.json"))
                .withSeccomp(dev.jcompose.engine.seccomp.SeccompCompiler.compile(dev.jcompose.engine.seccomp.DockerSeccompProfile.profile(),
                        DockerDefaults.capabilityNames(caps)));
        Path bundle = Files.createDirectories(dir.resolve("bundle"));
        OciConfigWriter.write(spec, bundle);
        assertTrue(Files.readString(bundle.resolve("config.json")).contains("\"seccomp\":{\"defaultAction\":\"SCMP_ACT_ERRNO\""));
        Process runc = new ProcessBuilder("runc", "run", "--bundle", bundle.toString(), "jcompose-oci-sc-" + ProcessHandle.current().pid())
                .redirectErrorStream(true).start();
        String out = new String(runc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(runc.waitFor(20, TimeUnit.SECONDS));
        assertEquals(0, runc.exitValue(), out);
        assertEquals(List.of("Seccomp:\t2", "unshare=1", "linux32=0", "1"), out.lines().toList());

        ShimSpecWriter.write(spec, dir.resolve("spec"));
        ShimProcess p = ShimProcess.start(ShimBinary.locate(dir.resolve("state")), dir.resolve("spec"), dir.resolve("shim.err"));
        p.go();
        p.monitor().onExit().get(10, TimeUnit.SECONDS);
        assertEquals(0, ExitStatus.read(spec.exitFile()).orElseThrow().exitCode());
        String log = Files.readString(spec.logFile());
        for (String line : out.lines().toList()) {
            assertTrue(log.contains("\"log\":\"" + line.replace("\t", "\\t") + "\\n\""), line + " in " + log);
        }
    }
}
