package dev.jcompose.engine.shim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real containers through the real shim: namespaces, mounts, security defaults, logs, exit codes, errors. */
@Tag("root")
class ShimProcessTest {
    @TempDir
    Path dir;
    private Path shim;
    private Path rootfs;

    @BeforeEach
    void setUp() throws IOException {
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root: creates namespaces and mounts");
        assumeTrue(BusyboxRootfs.available(), "needs /bin/busybox (Debian package busybox-static)");
        shim = ShimBinary.locate(dir.resolve("state"));
        rootfs = BusyboxRootfs.create(dir.resolve("rootfs"));
    }

    private ShimSpec spec(String script, int uid, List<ShimSpec.Mount> extra) {
        List<ShimSpec.Mount> mounts = new java.util.ArrayList<>(DockerDefaults.mounts(0));
        mounts.addAll(extra);
        return new ShimSpec(rootfs, null, false, "box1", null, List.of("sh", "-c", script), List.of("PATH=/bin", "GREETING=hi"),
                "/work/dir", uid, uid, List.of(), DockerDefaults.capabilities(List.of(), List.of(), false), false, mounts,
                List.of(new ShimSpec.Rlimit(7, 1024, 1024)), DockerDefaults.MASKED_PATHS, DockerDefaults.READONLY_PATHS, List.of(),
                null, true, null, dir.resolve("log.json"), dir.resolve("exit.json"));
    }

    private ExitStatus run(ShimSpec spec) throws Exception {
        Path file = dir.resolve("spec");
        ShimSpecWriter.write(spec, file);
        ShimProcess p = ShimProcess.start(shim, file, dir.resolve("shim.err"));
        assertTrue(p.containerPid() > 1);
        p.go();
        p.monitor().onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
        return ExitStatus.read(spec.exitFile()).orElseThrow();
    }

    private String log() throws IOException {
        return Files.readString(dir.resolve("log.json"));
    }

    @Test
    void theContainerSeesItsOwnWorld() throws Exception {
        ExitStatus s = run(spec("echo host=$(hostname) pid=$$ $GREETING; pwd; id; grep CapEff /proc/self/status; "
                + "touch /sys/x 2>/dev/null || echo sys-ro; cat /proc/timer_list | wc -c; ulimit -n; echo oops >&2; exit 3", 0, List.of()));
        assertEquals(3, s.exitCode());
        String log = log();
        assertTrue(log.contains("\"log\":\"host=box1 pid=1 hi\\n\",\"stream\":\"stdout\""), log);
        assertTrue(log.contains("\"log\":\"/work/dir\\n\""), log);
        assertTrue(log.contains("uid=0(root) gid=0(root)"), log);
        assertTrue(log.contains("CapEff:\\t00000000a80425fb"), "Docker's default capability set: " + log);
        assertTrue(log.contains("\"log\":\"sys-ro\\n\""), log);
        assertTrue(log.contains("\"log\":\"0\\n\""), "masked /proc/timer_list (8 KiB on the host) reads empty: " + log);
        assertTrue(log.contains("\"log\":\"1024\\n\""), log);
        assertTrue(log.contains("\"log\":\"oops\\n\",\"stream\":\"stderr\""), log);
    }

    @Test
    @SuppressWarnings("restriction")
    void aContainerNeverInheritsIgnoredSignalsFromItsLauncher() throws Exception {
        // as an engine started from a background job: SIGINT ignored, which every child inherits through exec
        sun.misc.Signal sigint = new sun.misc.Signal("INT");
        sun.misc.SignalHandler previous = sun.misc.Signal.handle(sigint, sun.misc.SignalHandler.SIG_IGN);
        try {
            Process probe = new ProcessBuilder("/bin/busybox", "grep", "SigIgn", "/proc/self/status").redirectErrorStream(true).start();
            String launched = new String(probe.getInputStream().readAllBytes()).strip();
            probe.waitFor();
            assumeTrue((sigIgn(launched) & 0x2) != 0, "this JDK resets ignored signals in the processes it starts: " + launched);
            // a forked child of sh (not its last command, which sh would exec in place with its own SIGQUIT ignore) has the
            // dispositions sh inherited from the shim
            ExitStatus s = run(spec("grep SigIgn /proc/self/status; true", 0, List.of()));
            assertEquals(0, s.exitCode());
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("SigIgn:\\\\t([0-9a-f]+)").matcher(log());
            assertTrue(m.find(), log());
            assertEquals(0, Long.parseLong(m.group(1), 16) & 0x6, "SIGINT and SIGQUIT at their defaults in the container: " + log());
        } finally {
            sun.misc.Signal.handle(sigint, previous);
        }
    }

    private static long sigIgn(String statusLine) {
        return Long.parseLong(statusLine.substring(statusLine.indexOf(':') + 1).strip(), 16);
    }

    @Test
    void nonRootUserGetsNoCapabilitiesAndBindMountsCanBeReadOnly() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.writeString(data.resolve("f"), "content\n");
        ExitStatus s = run(spec("id -u; grep CapEff /proc/self/status; cat /data/f; touch /data/g 2>/dev/null || echo ro", 65534,
                List.of(new ShimSpec.Mount("bind", data.toString(), "/data", List.of("rbind", "ro"), null))));
        assertEquals(0, s.exitCode());
        String log = log();
        assertTrue(log.contains("\"log\":\"65534\\n\""), log);
        assertTrue(log.contains("CapEff:\\t0000000000000000"), log);
        assertTrue(log.contains("\"log\":\"content\\n\""), log);
        assertTrue(log.contains("\"log\":\"ro\\n\""), log);
    }

    @Test
    void aContainerKilledFromTheHostExitsWith128PlusTheSignal() throws Exception {
        // inside its PID namespace, init ignores signals it has no handler for; from the host SIGKILL works
        ShimSpec spec = spec("echo ready; sleep 30", 0, List.of());
        Path file = dir.resolve("spec");
        ShimSpecWriter.write(spec, file);
        ShimProcess p = ShimProcess.start(shim, file, dir.resolve("shim.err"));
        p.go();
        ProcessHandle.of(p.containerPid()).orElseThrow().destroyForcibly();
        p.monitor().onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
        ExitStatus s = ExitStatus.read(spec.exitFile()).orElseThrow();
        assertEquals(137, s.exitCode());
        assertEquals(9, s.signal());
    }

    @Test
    void executableNotFoundIsAStructuredError() throws Exception {
        ShimSpec bad = new ShimSpec(rootfs, null, false, "x", null, List.of("nosuchcmd"), List.of("PATH=/bin"), "/", 0, 0, List.of(),
                0, false, DockerDefaults.mounts(0), List.of(), List.of(), List.of(), List.of(), null, true, null,
                dir.resolve("log.json"), dir.resolve("exit.json"));
        Path file = dir.resolve("spec");
        ShimSpecWriter.write(bad, file);
        ShimProcess p = ShimProcess.start(shim, file, dir.resolve("shim.err"));
        ShimException e = assertThrows(ShimException.class, p::go);
        assertEquals("exec", e.stage());
        assertEquals("exec: \"nosuchcmd\": executable file not found in $PATH", e.getMessage());
        assertEquals(Optional.empty(), ExitStatus.read(dir.resolve("exit.json")));
        assertTrue(ProcessHandle.of(p.containerPid()).isEmpty() || !ProcessHandle.of(p.containerPid()).get().isAlive());
    }

    @Test
    void nothingIsLeftMountedOnTheHost() throws Exception {
        run(spec("true", 0, List.of()));
        assertTrue(Files.readAllLines(Path.of("/proc/self/mountinfo")).stream().noneMatch(l -> l.contains(dir.toString())),
                "container mounts live only in the container's mount namespace");
        assertTrue(Duration.ofSeconds(1).toMillis() > 0);
    }

    @Test
    void theContainerKeepsRunningAndLoggingWhenItsLauncherIsKilled() throws Exception {
        ShimSpec spec = spec("sleep 1; echo late", 0, List.of());
        Path file = dir.resolve("spec");
        ShimSpecWriter.write(spec, file);
        Files.writeString(dir.resolve("go"), "go\n");
        // a launcher shell stands in for the engine: it starts the shim with "go" on stdin and is SIGKILLed
        Process launcher = new ProcessBuilder("sh", "-c", "\"$0\" run \"$1\" < \"$2\" > \"$3\" 2>&1 & wait", shim.toString(),
                file.toString(), dir.resolve("go").toString(), dir.resolve("shim.out").toString()).start();
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
        while (!(Files.exists(dir.resolve("shim.out")) && Files.readString(dir.resolve("shim.out")).contains("started"))
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(Files.readString(dir.resolve("shim.out")).contains("started"));
        List<ProcessHandle> shims = launcher.children().toList();
        launcher.destroyForcibly().waitFor();
        assertEquals(1, shims.size(), "the launcher started one shim");
        assertTrue(shims.get(0).isAlive(), "the shim outlives its launcher");
        deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (ExitStatus.read(spec.exitFile()).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(0, ExitStatus.read(spec.exitFile()).orElseThrow().exitCode());
        assertTrue(log().contains("\"log\":\"late\\n\",\"stream\":\"stdout\""), log());
        for (ProcessHandle h : shims) {
            h.onExit().get(5, java.util.concurrent.TimeUnit.SECONDS);
        }
    }
}
