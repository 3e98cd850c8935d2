package dev.jcompose.engine.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.engine.api.DockerCliEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Seccomp, --init and json-file rotation options through the engine, driven by the real docker CLI ({@code run -d} + {@code wait}). */
@Tag("root")
class ContainerSecurityOptionsTest {
    @TempDir
    Path dir;
    private DockerCliEngine world;

    @BeforeEach
    void start() throws Exception {
        world = DockerCliEngine.start(dir, "tiny:1");
    }

    @AfterEach
    void stop() throws Exception {
        if (world != null) {
            world.close();
        }
    }

    /** Runs the docker CLI against the test's engine, asserts success; its stdout and stderr as one. */
    private String ok(String... args) throws Exception {
        return world.cli().merged(args);
    }

    @Test
    void seccompByDefaultUnlessUnconfinedOrPrivileged() throws Exception {
        String probe = "grep Seccomp: /proc/self/status; unshare -U true 2>/dev/null; echo unshare=$?";
        ok("run", "-d", "--name", "sc-default", "tiny:1", "sh", "-c", probe);
        ok("wait", "sc-default");
        assertEquals("Seccomp:\t2\nunshare=1", ok("logs", "sc-default"));
        ok("run", "-d", "--name", "sc-unconfined", "--security-opt", "seccomp=unconfined", "tiny:1", "sh", "-c", probe);
        ok("wait", "sc-unconfined");
        assertEquals("Seccomp:\t0\nunshare=0", ok("logs", "sc-unconfined"));
        ok("run", "-d", "--name", "sc-privileged", "--privileged", "tiny:1", "sh", "-c", "grep Seccomp: /proc/self/status");
        ok("wait", "sc-privileged");
        assertEquals("Seccomp:\t0", ok("logs", "sc-privileged"));
        // cap_add SYS_ADMIN brings mount and unshare into the filter, as Docker's profile does
        ok("run", "-d", "--name", "sc-admin", "--cap-add", "SYS_ADMIN", "tiny:1", "sh", "-c",
                "grep Seccomp: /proc/self/status; mount -t tmpfs t /dev/shm && echo mounted; unshare -U true; echo unshare=$?");
        ok("wait", "sc-admin");
        assertEquals("Seccomp:\t2\nmounted\nunshare=0", ok("logs", "sc-admin"));
    }

    @Test
    void execProcessesGetTheContainersFilter() throws Exception {
        // a detached exec writes to the container's stdout (PID 1's pipe to the monitor): it shows in docker logs
        String probe = "{ grep Seccomp: /proc/self/status; unshare -U true 2>/dev/null; echo unshare=$?; } > /proc/1/fd/1";
        ok("run", "-d", "--name", "sc-exec", "tiny:1", "sleep", "30");
        ok("exec", "-d", "sc-exec", "sh", "-c", probe);
        ok("run", "-d", "--name", "sc-exec-unconfined", "--security-opt", "seccomp=unconfined", "tiny:1", "sleep", "30");
        ok("exec", "-d", "sc-exec-unconfined", "sh", "-c", probe);
        assertEquals("Seccomp:\t2\nunshare=1", awaitLogs("sc-exec", 2));
        assertEquals("Seccomp:\t0\nunshare=0", awaitLogs("sc-exec-unconfined", 2));
    }

    private String awaitLogs(String container, int lines) throws Exception {
        long deadline = System.currentTimeMillis() + 10_000;
        String logs = ok("logs", container);
        while (logs.lines().count() < lines && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
            logs = ok("logs", container);
        }
        return logs;
    }

    @Test
    void initForwardsTheStopSignalAndPassesTheExitCode() throws Exception {
        ok("run", "-d", "--init", "--name", "with-init", "tiny:1", "sh", "-c",
                "trap 'echo stopping; exit 9' TERM; echo pid=$$; while true; do sleep 0.1; done");
        long start = System.nanoTime();
        ok("stop", "-t", "20", "with-init");
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(millis < 10_000, "SIGTERM reached the command, no wait for the 20 s grace period: " + millis + " ms");
        assertEquals("exited 9", ok("inspect", "--format", "{{.State.Status}} {{.State.ExitCode}}", "with-init"));
        assertEquals("pid=2\nstopping", ok("logs", "with-init"));
    }

    @Test
    void jsonFileLogRotatesWithMaxSizeAndMaxFile() throws Exception {
        ok("run", "-d", "--name", "rotating", "--log-opt", "max-size=2k", "--log-opt", "max-file=2", "tiny:1", "sh", "-c",
                "i=0; while [ $i -lt 200 ]; do i=$((i+1)); echo line-$i; done");
        assertEquals("0", ok("wait", "rotating"));
        Path log = Path.of(ok("inspect", "--format", "{{.LogPath}}", "rotating"));
        assertTrue(Files.exists(log.resolveSibling(log.getFileName() + ".1")), "rotated file beside " + log);
        assertFalse(Files.exists(log.resolveSibling(log.getFileName() + ".2")), "max-file 2 keeps the live file and .1");
        List<String> lines = ok("logs", "rotating").lines().toList();
        assertEquals("line-200", lines.get(lines.size() - 1));
        assertFalse(lines.contains("line-1"), "the oldest lines rotated away");
        assertTrue(lines.size() < 100, lines.size() + " lines kept in 2 files of about 2 KiB");
    }
}
