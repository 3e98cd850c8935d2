package dev.jcompose.engine.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jcompose.engine.Engine;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TTY containers and stdin with the real docker CLI against the engine: {@code run -t} (PID 1 on a
 * pty of the container's devpts, raw CRLF logs, resize, Config.Tty), {@code run -i} (stdin reaches
 * the process, StdinOnce closes it), {@code run -it} and {@code attach} under a pty of the test's
 * own ({@code script}), the detach keys, {@code start -ai}.
 */
@Tag("root")
class TtyRootTest {
    private static final String IMAGE = "ttytest-tiny:1";

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
    void ttyContainerRunsOnAPtyAndLogsRawCrlf() throws Exception {
        cli.ok("run", "-d", "-t", "--name", "ttytest-log", IMAGE, "sh", "-c", "tty; echo hello; echo to-err >&2");
        assertEquals("0", cli.ok("wait", "ttytest-log"));
        assertEquals("true", cli.ok("inspect", "--format", "{{.Config.Tty}}", "ttytest-log"));
        DockerCli.Result logs = cli.run("logs", "ttytest-log");
        assertEquals(0, logs.code(), logs.err());
        assertEquals("/dev/pts/0\r\nhello\r\nto-err\r\n", logs.out(), "one raw stream, CRLF from the pty, stderr in it too");
        assertEquals("", logs.err());
        Path logFile = Path.of(cli.ok("inspect", "--format", "{{.LogPath}}", "ttytest-log"));
        String json = Files.readString(logFile);
        assertTrue(json.contains("{\"log\":\"hello\\r\\n\",\"stream\":\"stdout\",\"time\":\""), json);
        assertTrue(!json.contains("\"stream\":\"stderr\""), "a TTY has one stream: " + json);
    }

    @Test
    void resizeSizesThePtyOfPidOne() throws Exception {
        cli.ok("run", "-d", "-t", "--name", "ttytest-size", IMAGE, "sleep", "60");
        String id = cli.ok("inspect", "--format", "{{.Id}}", "ttytest-size");
        assertEquals(200, post("/containers/" + id + "/resize?h=31&w=97"));
        assertEquals("31 97", cli.ok("exec", "ttytest-size", "sh", "-c", "stty -F /dev/pts/0 size"));
        assertEquals(404, post("/containers/ttytest-nonesuch/resize?h=1&w=1"));
        cli.ok("rm", "-f", "ttytest-size");
    }

    @Test
    void runInteractiveEchoesStdinAndClosesItAtTheEnd() throws Exception {
        DockerCli.Result cat = cli.runWithInput("one\ntwo\n", "run", "-i", "--rm", IMAGE, "cat");
        assertEquals(0, cat.code(), cat.err());
        assertEquals("one\ntwo\n", cat.out(), "stdin reaches cat; its end (StdinOnce) lets cat finish");
        DockerCli.Result underInit = cli.runWithInput("three\n", "run", "-i", "--init", "--rm", IMAGE, "cat");
        assertEquals(0, underInit.code(), underInit.err());
        assertEquals("three\n", underInit.out(), "with --init the shim stays PID 1 and must not hold the stdin pipe open");
        cli.ok("create", "-i", "--name", "ttytest-again", IMAGE, "sh", "-c", "cat; echo done");
        DockerCli.Result again = cli.runWithInput("again\n", "start", "-ai", "ttytest-again");
        assertEquals(0, again.code(), again.err());
        assertEquals("again\ndone\n", again.out());
        assertEquals("exited 0", cli.ok("inspect", "--format", "{{.State.Status}} {{.State.ExitCode}}", "ttytest-again"));
    }

    @Test
    void runItGivesAnInteractiveShell() throws Exception {
        assumeTrue(EngineApiTest.findOnPath("script") != null, "needs script (util-linux) to give docker a terminal");
        DockerCli.Result r = cli.runInPty(24, 80, "echo typed-$((40+2)); tty\nexit 3\n", "run", "-it", "--rm", IMAGE, "sh");
        assertEquals(3, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("typed-42"), "keystrokes reach the shell and its output comes back: " + r.out());
        assertTrue(r.out().contains("/dev/pts/0"), "the shell's terminal is the container's pty: " + r.out());
    }

    @Test
    void attachToATtyContainerAndDetachWithTheKeys() throws Exception {
        assumeTrue(EngineApiTest.findOnPath("script") != null, "needs script (util-linux) to give docker a terminal");
        cli.ok("run", "-d", "-i", "-t", "--name", "ttytest-att", IMAGE, "sh");
        // ctrl-q would be eaten by the test's own pty (IXON) before docker puts it in raw mode: another sequence
        DockerCli.Result detached = cli.runInPty(24, 80, "\u0018x", "attach", "--detach-keys", "ctrl-x,x",
                "ttytest-att");
        // docker itself says "read escape sequence" and exits 1 on a detach (nerdctl issue 3571 compares the two)
        assertEquals(1, detached.code(), detached.out() + detached.err());
        assertTrue(detached.out().contains("read escape sequence"), detached.out());
        assertEquals("running", cli.ok("inspect", "--format", "{{.State.Status}}", "ttytest-att"), "ctrl-p ctrl-q detaches only");
        DockerCli.Result ended = cli.runInPty(24, 80, "echo second-$((2+1))\nexit 7\n", "attach", "ttytest-att");
        assertEquals(7, ended.code(), ended.out() + ended.err());
        assertTrue(ended.out().contains("second-3"), ended.out());
        assertEquals("exited 7", cli.ok("inspect", "--format", "{{.State.Status}} {{.State.ExitCode}}", "ttytest-att"));
    }

    /** A bodiless POST over the engine's socket; the status code. */
    private int post(String path) throws Exception {
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of(engine.config().socket()));
            ch.write(ByteBuffer.wrap(("POST " + path + " HTTP/1.1\r\nHost: engine\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII)));
            String head = new String(Channels.newInputStream(ch).readNBytes(12), StandardCharsets.US_ASCII);
            return Integer.parseInt(head.substring(9, 12));
        }
    }
}
