package dev.jcompose.engine.shim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shim as the container's PID 1 ({@code init: true}) and the monitor's json-file rotation, with real containers. */
@Tag("root")
class ShimMonitorTest {
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
    void initReapsOrphansAndTheCommandIsNotPid1() throws Exception {
        // the inner sh leaves a background sleep that the kernel reparents to PID 1 when it ends
        String script = "echo pid=$$; sh -c 'sleep 0.2 &'; sleep 1; "
                + "echo zombies=$(cat /proc/[0-9]*/stat 2>/dev/null | grep -c ') Z '); exit 5";
        ExitStatus s = runner.run(runner.spec(script, 0).withInit(true));
        assertEquals(5, s.exitCode(), "the command's exit code passes through init");
        String log = runner.log();
        assertTrue(log.contains("\"log\":\"pid=2\\n\""), "the command runs as PID 2 under the shim's init: " + log);
        assertTrue(log.contains("\"log\":\"zombies=0\\n\""), "the orphaned sleep was reaped: " + log);
    }

    @Test
    void initShowsItsOwnNameNotTheHostPathOfTheSpec() throws Exception {
        runner.run(runner.spec("cat /proc/1/cmdline; echo; echo comm=$(cat /proc/1/comm); cat /proc/1/environ; echo", 0).withInit(true));
        String log = runner.log();
        assertTrue(log.contains("\"log\":\"comm=jcompose-init\\n\""), log);
        assertTrue(log.contains("\"log\":\"jcompose-init\\u0000"), "cmdline: " + log);
        assertFalse(log.contains(dir.toString()), "no host path is visible in the container: " + log);
        assertFalse(log.contains("PATH="), "the engine's environment is not visible in /proc/1/environ: " + log);
    }

    @Test
    void withoutInitTheCommandIsPid1() throws Exception {
        runner.run(runner.spec("echo pid=$$", 0));
        assertTrue(runner.log().contains("\"log\":\"pid=1\\n\""), runner.log());
    }

    @Test
    void sigtermFromTheHostReachesTheCommandThroughInit() throws Exception {
        ShimSpec spec = runner.spec("trap 'echo got-term; exit 7' TERM; echo ready; while true; do sleep 0.1; done", 0).withInit(true);
        ShimProcess p = runner.start(spec);
        runner.awaitLog("ready");
        ProcessHandle init = ProcessHandle.of(p.containerPid()).orElseThrow();
        assertTrue(init.isAlive());
        new ProcessBuilder("kill", "-TERM", Long.toString(p.containerPid())).start().waitFor();
        ExitStatus s = runner.await(p, spec);
        assertEquals(7, s.exitCode());
        assertTrue(runner.log().contains("\"log\":\"got-term\\n\""), runner.log());
    }

    @Test
    void aCommandKilledByASignalExitsWith128PlusIt() throws Exception {
        ShimSpec spec = runner.spec("echo ready; exec sleep 30", 0).withInit(true);
        ShimProcess p = runner.start(spec);
        runner.awaitLog("ready");
        new ProcessBuilder("kill", "-TERM", Long.toString(p.containerPid())).start().waitFor();
        assertEquals(143, runner.await(p, spec).exitCode(), "sleep has no TERM handler: it dies of it, init reports 128+15");
    }

    @Test
    void initExecFailureIsStillAStructuredError() throws Exception {
        ShimSpec bad = runner.spec("x", 0);
        ShimSpec spec = new ShimSpec(bad.root(), null, false, "x", null, List.of("nosuchcmd"), bad.env(), "/", 0, 0, List.of(),
                bad.capabilities(), false, bad.mounts(), List.of(), List.of(), List.of(), List.of(), null, true, null, bad.logFile(),
                bad.exitFile()).withInit(true);
        Path file = dir.resolve("spec");
        ShimSpecWriter.write(spec, file);
        ShimProcess p = ShimProcess.start(ShimBinary.locate(dir.resolve("state")), file, dir.resolve("shim.err"));
        ShimException e = org.junit.jupiter.api.Assertions.assertThrows(ShimException.class, p::go);
        assertEquals("exec: \"nosuchcmd\": executable file not found in $PATH", e.getMessage());
    }

    @Test
    void theLogRotatesAtMaxSizeKeepingMaxFiles() throws Exception {
        // 400 lines of ~100 bytes of JSON each: ~40 KB through a 10 KB max-size with 3 files kept
        ShimSpec spec = runner.spec("for i in $(seq 1 400); do echo line-$i; done", 0).withLogRotation(new LogRotation(10_000, 3));
        assertEquals(0, runner.run(spec).exitCode());
        Path log = spec.logFile();
        Path one = log.resolveSibling(log.getFileName() + ".1");
        Path two = log.resolveSibling(log.getFileName() + ".2");
        assertTrue(Files.exists(one) && Files.exists(two), "rotated files .1 and .2");
        assertFalse(Files.exists(log.resolveSibling(log.getFileName() + ".3")), "max-file 3: the live file, .1 and .2");
        for (Path p : List.of(log, one, two)) {
            long size = Files.size(p);
            assertTrue(size < 10_000 + 200, p + " is " + size + " bytes: at most max-size plus one record");
        }
        assertTrue(Files.size(one) >= 10_000 && Files.size(two) >= 10_000, "a file rotates once it reached max-size");
        String all = Files.readString(two) + Files.readString(one) + Files.readString(log);
        assertTrue(all.contains("\"log\":\"line-400\\n\""), "the newest line is in the live file");
        assertFalse(all.contains("\"log\":\"line-1\\n\""), "the oldest lines went with the dropped file");
        // what is kept is contiguous and in order across the files, oldest first: .2, .1, live
        List<Integer> numbers = all.lines().map(l -> Integer.parseInt(l.replaceAll(".*line-(\\d+).*", "$1"))).toList();
        for (int i = 1; i < numbers.size(); i++) {
            assertEquals(numbers.get(i - 1) + 1, numbers.get(i), "line order across rotated files");
        }
        assertEquals(400, numbers.get(numbers.size() - 1));
        // the engine's reader finds the rotated files by the names the shim gives them
        List<String> read = new java.util.ArrayList<>();
        new dev.jcompose.engine.logs.JsonFileLogReader(log).read(dev.jcompose.engine.logs.LogQuery.ALL, e -> read.add(e.text()), () -> false);
        assertEquals(numbers.size(), read.size());
        assertEquals("line-" + numbers.get(0) + "\n", read.get(0));
        assertEquals("line-400\n", read.get(read.size() - 1));
    }

    @Test
    void aFollowerSeesEveryLineAcrossRotations() throws Exception {
        ShimSpec spec = runner.spec("for i in $(seq 1 300); do echo line-$i; [ $((i % 20)) = 0 ] && sleep 0.05; done", 0)
                .withLogRotation(new LogRotation(3_000, 10));
        ShimProcess p = runner.start(spec);
        List<String> seen = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        dev.jcompose.engine.logs.LogQuery follow = new dev.jcompose.engine.logs.LogQuery(true, true, -1, null, null, true);
        Thread follower = new Thread(() -> {
            try {
                new dev.jcompose.engine.logs.JsonFileLogReader(spec.logFile()).read(follow, e -> seen.add(e.text().strip()),
                        () -> p.monitor().isAlive());
            } catch (Exception e) {
                seen.add("failed: " + e);
            }
        });
        follower.start();
        runner.await(p, spec);
        follower.join(10_000);
        assertFalse(follower.isAlive(), "the follower ends when the container does");
        assertTrue(Files.exists(spec.logFile().resolveSibling(spec.logFile().getFileName() + ".4")), "it did rotate several times");
        List<String> expected = java.util.stream.IntStream.rangeClosed(1, 300).mapToObj(i -> "line-" + i).toList();
        assertEquals(expected, seen, "every line once, in order");
    }

    @Test
    void maxFileOneStartsAFreshLiveFile() throws Exception {
        ShimSpec spec = runner.spec("for i in $(seq 1 300); do echo line-$i; done", 0).withLogRotation(new LogRotation(5_000, 1));
        assertEquals(0, runner.run(spec).exitCode());
        assertFalse(Files.exists(spec.logFile().resolveSibling(spec.logFile().getFileName() + ".1")));
        assertTrue(Files.size(spec.logFile()) < 5_000 + 200, "size " + Files.size(spec.logFile()));
        assertTrue(runner.log().contains("\"log\":\"line-300\\n\""));
    }
}
