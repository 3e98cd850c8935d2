package dev.jcompose.engine.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.engine.api.DockerCliEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real containers started, logged, stopped, waited for and removed through the real docker CLI. */
@Tag("root")
class ContainerLifecycleTest {
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
    void runLogsStopWaitRemove() throws Exception {
        ok("run", "-d", "--name", "web", "tiny:1", "sh", "-c", "echo hello; echo oops >&2; sleep 30");
        assertTrue(ok("ps", "--format", "{{.Names}} {{.Status}}").startsWith("web Up"), "running");
        long deadline = System.currentTimeMillis() + 5000;
        String logs = "";
        while (System.currentTimeMillis() < deadline && !logs.contains("oops")) {
            logs = ok("logs", "web");
            Thread.sleep(50);
        }
        assertEquals("hello\noops", logs);
        ok("stop", "-t", "1", "web");
        assertEquals("exited 137", ok("inspect", "--format", "{{.State.Status}} {{.State.ExitCode}}", "web"));
        assertTrue(ok("ps", "-a", "--format", "{{.Status}}").startsWith("Exited (137)"));
        ok("rm", "web");
        assertEquals("", ok("ps", "-aq"));
    }

    @Test
    void escapeAttemptsFromADefaultContainerFail() throws Exception {
        String script = String.join("; ",
                "mount -t tmpfs x /tmp 2>/dev/null && echo ESCAPE-mount || echo ok-mount",
                "unshare -m true 2>/dev/null && echo ESCAPE-unshare || echo ok-unshare",
                "head -c 1 /proc/kcore | grep -q . && echo ESCAPE-kcore || echo ok-kcore",
                "mknod /tmp/sda b 8 0 && (head -c 1 /tmp/sda >/dev/null 2>&1 && echo ESCAPE-blockdev || echo ok-blockdev)",
                "ip link add jcx0 type dummy 2>/dev/null && echo ESCAPE-iplink || echo ok-iplink",
                "(echo x > /proc/sys/kernel/hostname) 2>/dev/null && echo ESCAPE-procsys || echo ok-procsys",
                "ls /proc | grep -qx 1 && [ $(ls /proc | grep -c '^[0-9]') -lt 20 ] && echo ok-pidns || echo ESCAPE-pidns",
                // loading a module: refused (EPERM) before the kernel looks at the file, which is no module
                "head -c 4096 /bin/busybox > /tmp/e.ko; m=$(busybox insmod /tmp/e.ko 2>&1); case \"$m\" in *'not permitted'*) echo ok-module;; *) echo \"ESCAPE-module: $m\";; esac",
                // entering namespaces, even the container's own, needs CAP_SYS_ADMIN
                "m=$(busybox nsenter -t 1 -m -n true 2>&1); case \"$m\" in *'not permitted'*) echo ok-setns;; *) echo \"ESCAPE-setns: $m\";; esac",
                // the engine's own process (a host PID) cannot be signalled, ptraced or even named
                "busybox kill -0 " + ProcessHandle.current().pid() + " 2>&1 | grep -q 'No such process' && echo ok-hostpid"
                        + " || echo ESCAPE-hostpid",
                "echo done");
        ok("run", "-d", "--name", "jail", "tiny:1", "sh", "-c", script + "; sleep 30");
        long deadline = System.currentTimeMillis() + 5000;
        String logs = "";
        while (System.currentTimeMillis() < deadline && !logs.contains("done")) {
            logs = ok("logs", "jail");
            Thread.sleep(100);
        }
        assertTrue(!logs.contains("ESCAPE"), logs);
        for (String check : List.of("mount", "unshare", "kcore", "blockdev", "iplink", "procsys", "pidns", "module", "setns", "hostpid")) {
            assertTrue(logs.contains("ok-" + check), check + ": " + logs);
        }
        ok("rm", "-f", "jail");
    }

    @Test
    void aNewNamedVolumeStartsWithTheImagesContent() throws Exception {
        ok("run", "-d", "--name", "cu", "-v", "etcvol:/etc", "tiny:1", "sleep", "30");
        Path data = world.engine().config().root().resolve("volumes/etcvol/_data");
        assertTrue(Files.readString(data.resolve("passwd")).contains("root:x:0:0"), "copied up from the image");
        ok("rm", "-f", "cu");
        Files.writeString(data.resolve("passwd"), "changed\n");
        ok("run", "-d", "--name", "cu2", "-v", "etcvol:/etc", "tiny:1", "sleep", "30");
        assertEquals("changed\n", Files.readString(data.resolve("passwd")), "a volume with content is never overwritten");
        ok("rm", "-f", "cu2");
        ok("volume", "rm", "etcvol");
    }

    @Test
    void healthChecksRunInsideTheContainer() throws Exception {
        // failures inside the start period do not count, so svc stays "starting" until the test makes it ready
        Path flag = Files.createDirectories(dir.resolve("flag"));
        ok("run", "-d", "--name", "svc", "-v", flag + ":/flag", "--health-cmd", "test -f /flag/ready", "--health-interval", "200ms",
                "--health-retries", "2", "--health-start-period", "60s", "--health-start-interval", "200ms", "tiny:1", "sleep", "30");
        ok("run", "-d", "--name", "sick", "--health-cmd", "exit 1", "--health-interval", "200ms", "--health-retries", "2",
                "--health-start-interval", "200ms", "tiny:1", "sleep", "30");
        Thread.sleep(1000);
        assertEquals("starting", ok("inspect", "--format", "{{.State.Health.Status}}", "svc"));
        Files.writeString(flag.resolve("ready"), "");
        long deadline = System.currentTimeMillis() + 8000;
        String svc = "";
        String sick = "";
        while (System.currentTimeMillis() < deadline && !(svc.equals("healthy") && sick.equals("unhealthy"))) {
            Thread.sleep(200);
            svc = ok("inspect", "--format", "{{.State.Health.Status}}", "svc");
            sick = ok("inspect", "--format", "{{.State.Health.Status}}", "sick");
        }
        assertEquals("healthy", svc);
        assertEquals("unhealthy", sick);
        assertTrue(ok("ps", "--format", "{{.Names}} {{.Status}}").contains("(healthy)"));
        ok("rm", "-f", "svc", "sick");
    }

    @Test
    void exitCodesWaitAndErrors() throws Exception {
        String id = ok("create", "--name", "job", "tiny:1", "sh", "-c", "exit 7");
        ok("start", "job");
        assertEquals("7", ok("wait", "job"));
        ok("create", "--name", "bad", "tiny:1", "nosuch");
        var failed = world.cli().run("start", "bad");
        assertNotEquals(0, failed.code());
        String out = failed.out() + failed.err();
        assertTrue(out.contains("exec: \"nosuch\": executable file not found in $PATH"), out);
        ok("rm", "-f", id, "bad");
    }
}
