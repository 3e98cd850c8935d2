package dev.jcompose.cli.verbs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Attached {@code up} as a user runs it in a terminal: merged logs, Ctrl-C once and twice, abort on exit, exit codes. */
@Tag("root")
class AttachedUpTest {
    @TempDir
    Path dir;
    private CliFixture cli;

    @BeforeEach
    void start() throws Exception {
        cli = CliFixture.start(dir);
    }

    @AfterEach
    void stop() {
        if (cli != null) {
            cli.close();
        }
    }

    @Test
    void firstCtrlCStopsGracefullyAndSaysSo() throws Exception {
        cli.compose("""
                name: attach-int
                services:
                  api:
                    image: tiny:1
                    command: ["sh", "-c", "echo api up; while true; do sleep 1; done"]
                    stop_grace_period: 1s
                  worker:
                    image: tiny:1
                    command: ["sh", "-c", "echo worker up >&2; while true; do sleep 1; done"]
                    stop_grace_period: 1s
                """);
        try (CliFixture.Background up = cli.spawn("up", "--no-color")) {
            up.awaitOut(o -> o.contains("api-1     | api up"), 60, "api's first line, prefixed and padded");
            long deadline = System.currentTimeMillis() + 10_000;
            while (System.currentTimeMillis() < deadline && !up.err().contains("worker-1  | worker up")) {
                Thread.sleep(100);
            }
            assertTrue(up.err().contains("worker-1  | worker up"), "the container's stderr goes to stderr: " + up.err());
            assertTrue(up.err().contains("Attaching to api-1, worker-1"), up.err());
            up.signal("INT");
            int code = up.awaitExit(30);
            assertTrue(up.err().contains("Gracefully stopping... (press Ctrl+C again to force)"), up.err());
            assertEquals(130, code, up.err());
            assertFalse(cli.running("attach-int-api-1"), "Ctrl-C stopped api");
            assertFalse(cli.running("attach-int-worker-1"), "Ctrl-C stopped worker");
            assertTrue(up.out().contains("api-1 exited with code"), "the exits are reported: " + up.out());
        }
    }

    @Test
    void secondCtrlCKillsWithoutWaitingOutTheGracePeriod() throws Exception {
        cli.compose("""
                name: attach-kill
                services:
                  stubborn:
                    image: tiny:1
                    command: ["sh", "-c", "echo stubborn up; while true; do sleep 1; done"]
                    stop_grace_period: 60s
                """);
        try (CliFixture.Background up = cli.spawn("up", "--no-color")) {
            up.awaitOut(o -> o.contains("stubborn up"), 60, "the first line");
            up.signal("INT");
            long deadline = System.currentTimeMillis() + 10_000;
            while (System.currentTimeMillis() < deadline && !up.err().contains("Gracefully stopping")) {
                Thread.sleep(100);
            }
            Thread.sleep(500);
            assertTrue(cli.running("attach-kill-stubborn-1"), "sh as PID 1 ignores SIGTERM: still in its grace period");
            long killedAt = System.currentTimeMillis();
            up.signal("INT");
            int code = up.awaitExit(20);
            assertTrue(System.currentTimeMillis() - killedAt < 15_000, "the second Ctrl-C did not wait for the 60 s grace period");
            assertEquals(130, code, up.err());
            assertFalse(cli.running("attach-kill-stubborn-1"), "killed");
        }
    }

    @Test
    void exitCodeFromAbortsOnTheFirstExitAndReturnsThatServicesCode() throws Exception {
        cli.compose("""
                name: attach-abort
                services:
                  job:
                    image: tiny:1
                    command: ["sh", "-c", "sleep 1; echo job done; exit 3"]
                  server:
                    image: tiny:1
                    command: ["sh", "-c", "echo serving; while true; do sleep 1; done"]
                    stop_grace_period: 1s
                """);
        CliFixture.Run r = cli.run("up", "--no-color", "--exit-code-from", "job");
        assertEquals(3, r.code(), r.err() + r.out());
        assertTrue(r.out().contains("job-1     | job done"), r.out());
        assertTrue(r.out().contains("job-1 exited with code 3"), r.out());
        assertTrue(r.err().contains("Aborting on container exit..."), r.err());
        assertFalse(cli.running("attach-abort-server-1"), "the other container was stopped");

        CliFixture.Run cascade = cli.run("up", "--no-color", "--abort-on-container-exit");
        assertEquals(3, cascade.code(), "--abort-on-container-exit returns the code of the container that exited: " + cascade.err());
        assertFalse(cli.running("attach-abort-server-1"));
    }

    @Test
    void upReturnsWhenEveryAttachedContainerHasExitedAndFollowsRestartsAndNewReplicas() throws Exception {
        cli.compose("""
                name: attach-follow
                services:
                  once:
                    image: tiny:1
                    command: ["sh", "-c", "echo once ran"]
                  ticker:
                    image: tiny:1
                    command: ["sh", "-c", "echo start $$HOSTNAME; i=0; while true; do i=$$((i+1)); echo tick $$i; sleep 0.2; done"]
                    stop_grace_period: 1s
                """);
        try (CliFixture.Background up = cli.spawn("up", "--no-color", "--no-attach", "once")) {
            up.awaitOut(o -> o.contains("ticker-1  | tick 3"), 60, "ticker's lines");
            assertFalse(up.out().contains("once ran"), "--no-attach once: its output is not shown");
            cli.ok("restart", "-t", "1", "ticker");
            up.awaitOut(o -> o.split("ticker-1  \\| start ", -1).length == 3, 30, "ticker's second run in the same stream");
            cli.ok("up", "-d", "--scale", "ticker=2");
            up.awaitOut(o -> o.contains("ticker-2  | tick 2"), 30, "the new replica joined the stream");
            String out = up.out();
            long firstTicks = out.lines().filter(l -> l.equals("ticker-1  | tick 1")).count();
            assertEquals(2, firstTicks, "each run's first line once, none repeated: " + out);
            up.signal("INT");
            assertEquals(130, up.awaitExit(30));
        }
        cli.compose("""
                name: attach-follow
                services:
                  once:
                    image: tiny:1
                    command: ["sh", "-c", "echo once ran; exit 0"]
                """);
        CliFixture.Run r = cli.run("up", "--no-color", "--remove-orphans");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("once-1  | once ran"), r.out());
        assertTrue(r.out().contains("once-1 exited with code 0"), r.out());
    }
}
