package dev.jcompose.engine.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jcompose.engine.Engine;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real docker CLI (the client this machine kind ships) against the engine, over issue 4's list:
 * version, info, run (detached and attached), ps, inspect, logs -f, exec (with stdin, exit codes,
 * and -it under a pty), stop, kill, rm -f, wait, pause, events.
 */
@Tag("root")
class DockerCliRootTest {
    private static final String IMAGE = "dockercli-tiny:1";

    @TempDir
    Path dir;
    private DockerCliEngine world;
    private Engine engine;
    private DockerCli cli;

    @BeforeEach
    void start() throws Exception {
        world = DockerCliEngine.start(dir, IMAGE);
        engine = world.engine();
        cli = world.cli();
    }

    @AfterEach
    void stop() throws Exception {
        if (world != null) {
            world.close();
        }
    }

    @Test
    void versionInfoRunPsInspectLogsFollow() throws Exception {
        assertEquals(Engine.VERSION, cli.ok("version", "--format", "{{.Server.Version}}"));
        assertEquals("linux", cli.ok("info", "--format", "{{.OSType}}"));
        String id = cli.ok("run", "-d", "--name", "dockercli-web", IMAGE, "sh", "-c", "echo one; sleep 1; echo two >&2; sleep 1; echo three");
        assertEquals(64, id.length(), id);
        assertEquals("dockercli-web", cli.ok("ps", "--format", "{{.Names}}"));
        assertEquals("true " + id, cli.ok("inspect", "--format", "{{.State.Running}} {{.Id}}", "dockercli-web"));
        DockerCli.Result follow = cli.run("logs", "-f", "dockercli-web");
        assertEquals(0, follow.code(), follow.err());
        assertEquals("one\nthree", follow.out().strip(), "logs -f follows stdout until the container ends");
        assertEquals("two", follow.err().strip(), "stderr stays stderr");
        assertEquals("exited 0", cli.ok("inspect", "--format", "{{.State.Status}} {{.State.ExitCode}}", "dockercli-web"));
        assertEquals("", cli.ok("ps", "-q"));
    }

    @Test
    void attachedRunStreamsOutputAndPassesTheExitCode() throws Exception {
        DockerCli.Result r = cli.run("run", "--name", "dockercli-fg", IMAGE, "sh", "-c", "echo out; echo err >&2; exit 4");
        assertEquals(4, r.code(), r.err());
        assertEquals("out", r.out().strip());
        assertEquals("err", r.err().strip());
        DockerCli.Result again = cli.run("start", "-a", "dockercli-fg");
        assertEquals(4, again.code(), again.err());
        assertEquals("out", again.out().strip(), "start -a attaches before the start and streams the new run only");
        DockerCli.Result rm = cli.run("run", "--rm", IMAGE, "sh", "-c", "echo gone; exit 3");
        assertEquals(3, rm.code(), rm.err());
        assertEquals("gone", rm.out().strip());
        assertEquals("dockercli-fg", cli.ok("ps", "-a", "--format", "{{.Names}}"), "--rm removed its container");
    }

    @Test
    void execWithStdinExitCodesAndStderr() throws Exception {
        cli.ok("run", "-d", "--name", "dockercli-ex", IMAGE, "sleep", "60");
        assertEquals("hello", cli.ok("exec", "dockercli-ex", "echo", "hello"));
        DockerCli.Result code = cli.run("exec", "dockercli-ex", "sh", "-c", "echo to-err >&2; exit 3");
        assertEquals(3, code.code());
        assertEquals("to-err", code.err().strip());
        DockerCli.Result cat = cli.runWithInput("line one\nline two\n", "exec", "-i", "dockercli-ex", "sh", "-c", "cat; echo done");
        assertEquals(0, cat.code(), cat.err());
        assertEquals("line one\nline two\ndone", cat.out().strip(), "stdin reaches the process and its end closes it");
        DockerCli.Result missing = cli.run("exec", "dockercli-ex", "no-such-binary");
        assertEquals(127, missing.code(), missing.err());
        cli.ok("exec", "-d", "dockercli-ex", "sh", "-c", "echo detached > /tmp/d");
        long deadline = System.currentTimeMillis() + 5000;
        String seen = "";
        while (System.currentTimeMillis() < deadline && !seen.equals("detached")) {
            seen = cli.run("exec", "dockercli-ex", "cat", "/tmp/d").out().strip();
            Thread.sleep(50);
        }
        assertEquals("detached", seen, "exec -d ran in the background");
        cli.ok("rm", "-f", "dockercli-ex");
    }

    @Test
    void execItRunsUnderAPtySizedLikeTheClientsTerminal() throws Exception {
        assumeTrue(EngineApiTest.findOnPath("script") != null, "needs script (util-linux) to give docker a terminal");
        cli.ok("run", "-d", "--name", "dockercli-tty", IMAGE, "sleep", "60");
        DockerCli.Result r = cli.runInPty(33, 101, null, "exec", "-it", "dockercli-tty", "sh", "-c", "tty; stty size; exit 5");
        assertEquals(5, r.code(), r.out() + r.err());
        String out = r.out().replace("\r", "");
        assertTrue(out.contains("/dev/pts/0"), "the process's stdin is a pty of the container: " + out);
        assertTrue(out.contains("33 101"), "the pty has the client's size: " + out);
        DockerCli.Result typed = cli.runInPty(24, 80, "echo typed-$((40+2))\nexit\n", "exec", "-it", "dockercli-tty", "sh");
        assertEquals(0, typed.code(), typed.out() + typed.err());
        assertTrue(typed.out().contains("typed-42"), "keystrokes reach the shell through the pty: " + typed.out());
        cli.ok("rm", "-f", "dockercli-tty");
    }

    @Test
    void stopKillWaitPauseRemove() throws Exception {
        cli.ok("run", "-d", "--name", "dockercli-a", IMAGE, "sleep", "60");
        cli.ok("run", "-d", "--name", "dockercli-b", IMAGE, "sleep", "60");
        cli.ok("run", "-d", "--name", "dockercli-c", IMAGE, "sh", "-c", "sleep 1; exit 7");
        assertEquals("7", cli.ok("wait", "dockercli-c"));
        List<String> top = cli.ok("top", "dockercli-a").lines().toList();
        assertTrue(top.get(0).startsWith("UID") && top.get(0).contains("PID") && top.get(0).contains("CMD"), top.toString());
        assertTrue(top.size() == 2 && top.get(1).endsWith("sleep 60"), "docker top: the container's one process " + top);
        cli.ok("pause", "dockercli-a");
        assertEquals("paused", cli.ok("inspect", "--format", "{{.State.Status}}", "dockercli-a"));
        String pausedStatus = cli.ok("ps", "--filter", "name=dockercli-a", "--format", "{{.Status}}");
        assertTrue(pausedStatus.endsWith("(Paused)"), pausedStatus);
        DockerCli.Result execPaused = cli.run("exec", "dockercli-a", "true");
        assertNotEquals(0, execPaused.code());
        assertTrue(execPaused.err().contains("is paused"), execPaused.err());
        cli.ok("unpause", "dockercli-a");
        cli.ok("stop", "-t", "1", "dockercli-a");
        assertEquals("exited 137", cli.ok("inspect", "--format", "{{.State.Status}} {{.State.ExitCode}}", "dockercli-a"));
        cli.ok("kill", "dockercli-b");
        assertEquals("137", cli.ok("wait", "dockercli-b"), "SIGKILL: 128+9");
        cli.ok("run", "-d", "--name", "dockercli-d", IMAGE, "sleep", "60");
        String frozenPid = cli.ok("inspect", "--format", "{{.State.Pid}}", "dockercli-d");
        cli.ok("pause", "dockercli-d");
        cli.ok("rm", "-f", "dockercli-d", "dockercli-a", "dockercli-b", "dockercli-c");
        assertEquals("", cli.ok("ps", "-aq"));
        assertTrue(ProcessHandle.of(Long.parseLong(frozenPid)).map(h -> !h.isAlive()).orElse(true),
                "rm -f of a paused container kills its process (thawing it), leaving nothing frozen behind");
    }

    @Test
    void eventsReportWhatHappened() throws Exception {
        String since = Long.toString(Instant.now().getEpochSecond() - 1);
        Process follow = cli.start("events", "--filter", "container=dockercli-ev", "--format", "{{.Action}}");
        Thread.sleep(500);
        cli.ok("run", "-d", "--name", "dockercli-ev", IMAGE, "sleep", "60");
        cli.ok("kill", "dockercli-ev");
        cli.ok("rm", "dockercli-ev");
        StringBuffer seen = new StringBuffer();
        Thread reader = new Thread(() -> {
            try (BufferedReader live = new BufferedReader(new InputStreamReader(follow.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = live.readLine()) != null) {
                    seen.append(line).append('\n');
                }
            } catch (java.io.IOException e) {
                // the process was ended
            }
        });
        reader.start();
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline && !seen.toString().contains("destroy")) {
            Thread.sleep(50);
        }
        follow.destroy();
        follow.waitFor(5, TimeUnit.SECONDS);
        reader.join(5000);
        assertEquals("create\nstart\nkill\ndie\ndestroy", seen.toString().strip(), "live events in order");
        String until = Long.toString(Instant.now().getEpochSecond() + 1);
        String past = cli.ok("events", "--since", since, "--until", until, "--filter", "event=start", "--format", "{{.Actor.Attributes.name}}");
        assertEquals("dockercli-ev", past);
    }
}
