package dev.jcompose.engine.shim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jcompose.engine.seccomp.DockerSeccompProfile;
import dev.jcompose.engine.seccomp.SeccompCompiler;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Docker's default seccomp profile installed by the real shim: what it forbids fails with EPERM, the rest works. */
@Tag("root")
class ShimSeccompTest {
    private static final String PROBE = "grep Seccomp: /proc/self/status; unshare -U true 2>/dev/null; echo unshare=$?; "
            + "ls /bin >/dev/null && echo ls=$?; echo hi | grep -c hi; linux32 true; echo linux32=$?";
    @TempDir
    Path dir;
    private ShimRunner runner;

    @BeforeEach
    void setUp() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root: creates namespaces and mounts");
        assumeTrue(BusyboxRootfs.available(), "needs /bin/busybox (Debian package busybox-static)");
        runner = new ShimRunner(dir);
    }

    private ShimSpec confined(ShimSpec spec) {
        return spec.withSeccomp(SeccompCompiler.compile(DockerSeccompProfile.profile(), DockerDefaults.capabilityNames(spec.capabilities())));
    }

    @Test
    void theDefaultProfileForbidsUnshareAndAllowsEverydayCommands() throws Exception {
        ExitStatus s = runner.run(confined(runner.spec(PROBE, 0)));
        assertEquals(0, s.exitCode());
        String log = runner.log();
        assertTrue(log.contains("\"log\":\"Seccomp:\\t2\\n\""), "filter mode: " + log);
        assertTrue(log.contains("\"log\":\"unshare=1\\n\""), "unshare(CLONE_NEWUSER) fails under the profile: " + log);
        assertTrue(log.contains("\"log\":\"ls=0\\n\""), log);
        assertTrue(log.contains("\"log\":\"1\\n\""), "pipes and fork work: " + log);
        assertTrue(log.contains("\"log\":\"linux32=0\\n\""), "personality(PER_LINUX32) is one of Docker's allowed values: " + log);
    }

    @Test
    void withoutTheProfileTheSameUnshareWorks() throws Exception {
        runner.run(runner.spec(PROBE, 0));
        String log = runner.log();
        assertTrue(log.contains("\"log\":\"Seccomp:\\t0\\n\""), log);
        assertTrue(log.contains("\"log\":\"unshare=0\\n\""), "it is the filter, not the capabilities, that refuses it: " + log);
    }

    @Test
    void theErrnoIsEperm() throws Exception {
        runner.run(confined(runner.spec("unshare -U true; echo rc=$?", 0)));
        assertTrue(runner.log().contains("Operation not permitted"), runner.log());
    }

    @Test
    void aNonRootUserWithAndWithoutNoNewPrivilegesGetsTheFilter() throws Exception {
        // without no_new_privs the shim installs the filter before dropping CAP_SYS_ADMIN; with it, last before exec
        ShimSpec nobody = confined(runner.spec("id -u; grep -E 'Seccomp:|NoNewPrivs:' /proc/self/status", 65534));
        assertEquals(0, runner.run(nobody).exitCode());
        String log = runner.log();
        assertTrue(log.contains("\"log\":\"65534\\n\"") && log.contains("Seccomp:\\t2") && log.contains("NoNewPrivs:\\t0"), log);
        ShimSpec nnp = new ShimSpec(nobody.root(), null, false, "nnp", null, nobody.args(), nobody.env(), "/", 65534, 65534, java.util.List.of(),
                nobody.capabilities(), true, nobody.mounts(), nobody.rlimits(), nobody.maskedPaths(), nobody.readonlyPaths(),
                nobody.sysctls(), null, true, null, dir.resolve("log2.json"), dir.resolve("exit2.json")).withSeccomp(nobody.seccomp());
        assertEquals(0, runner.run(nnp).exitCode());
        String log2 = java.nio.file.Files.readString(dir.resolve("log2.json"));
        assertTrue(log2.contains("Seccomp:\\t2") && log2.contains("NoNewPrivs:\\t1"), log2);
    }

    @Test
    void anExecSpecNamingTheFilterGetsItToo() throws Exception {
        ShimSpec spec = confined(runner.spec("echo ready; sleep 30", 0));
        ShimProcess p = runner.start(spec);
        try {
            runner.awaitLog("ready");
            Path filter = dir.resolve("spec.seccomp");
            java.nio.file.Files.writeString(dir.resolve("exec.spec"), "arg sh\narg -c\narg grep Seccomp: /proc/self/status; "
                    + "unshare -U true 2>/dev/null; echo unshare=$?\nenv PATH=/bin\ncwd /\nuid 0\ngid 0\ncaps "
                    + Long.toHexString(spec.capabilities()) + "\nseccomp " + filter + "\n");
            Process exec = new ProcessBuilder(ShimBinary.locate(dir.resolve("state")).toString(), "exec", Long.toString(p.containerPid()),
                    dir.resolve("exec.spec").toString()).redirectErrorStream(true).start();
            String out = new String(exec.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertEquals(0, exec.waitFor(), out);
            assertEquals("Seccomp:\t2\nunshare=1\n", out);
        } finally {
            ProcessHandle.of(p.containerPid()).ifPresent(ProcessHandle::destroyForcibly);
            p.monitor().onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
        }
    }
}
