package dev.jcompose.cli.verbs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jcompose.engine.container.ContainerRecord;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code exec} and {@code run} as docker compose runs them from a terminal: under a TTY by default
 * (the CLI itself runs under a pty of the test's, made by {@code script}), {@code -T} without one
 * with stdin still attached, and {@code tty:}/{@code stdin_open:} from the compose file.
 */
@Tag("root")
class TtyVerbTest {
    @TempDir
    Path dir;
    private CliFixture f;

    record Result(int code, String out, String err) {
    }

    @BeforeEach
    void start() throws Exception {
        f = CliFixture.start(dir);
        f.compose("""
                name: ttyverbs
                services:
                  box:
                    image: tiny:1
                    command: ["sleep", "3600"]
                    init: true
                  console:
                    image: tiny:1
                    command: ["sh"]
                    tty: true
                    stdin_open: true
                    init: true
                networks:
                  default:
                    ipam: {config: [{subnet: 10.213.77.0/24}]}
                """);
    }

    @AfterEach
    void stop() {
        if (f != null) {
            f.close();
        }
    }

    private List<String> cli(String... args) {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-cp",
                System.getProperty("java.class.path"), "dev.jcompose.cli.Main"));
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** The CLI with {@code input} on a pipe as its stdin (no terminal). */
    private Result piped(String input, String... args) throws Exception {
        return exec(cli(args), input);
    }

    /** The CLI under a pty of its own ({@code script -qec}), sized rows x cols, {@code input} typed into it. */
    private Result inPty(int rows, int cols, String input, String... args) throws Exception {
        StringBuilder line = new StringBuilder("stty rows " + rows + " cols " + cols + "; exec");
        for (String a : cli(args)) {
            line.append(" '").append(a.replace("'", "'\\''")).append('\'');
        }
        return exec(List.of("script", "-qec", line.toString(), "/dev/null"), input);
    }

    private Result exec(List<String> cmd, String input) throws Exception {
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().put("JCOMPOSE_HOST", "unix://" + f.engine.config().socket());
        pb.environment().put("JCOMPOSE_DNS_UPSTREAM", "none");
        if (input == null) {
            pb.redirectInput(new File("/dev/null"));
        }
        Process p = pb.start();
        if (input != null) {
            try (var stdin = p.getOutputStream()) {
                stdin.write(input.getBytes(StandardCharsets.UTF_8));
            }
        }
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor(5, TimeUnit.SECONDS);
            throw new AssertionError(cmd + " timed out; out: " + Files.readString(out) + " err: " + Files.readString(err));
        }
        return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    @Test
    void execOnATerminalRunsUnderAPtySizedLikeIt() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "needs script (util-linux) to give the CLI a terminal");
        f.ok("up", "-d", "box");
        Result r = inPty(33, 101, null, "exec", "box", "sh", "-c", "tty; stty size; exit 5");
        assertEquals(5, r.code(), r.out() + r.err());
        String out = r.out().replace("\r", "");
        assertTrue(out.contains("/dev/pts/0"), "a pty of the container by default on a terminal: " + out);
        assertTrue(out.contains("33 101"), "sized like the caller's terminal: " + out);
        Result typed = inPty(24, 80, "echo typed-$((40+2))\nexit\n", "exec", "box", "sh");
        assertEquals(0, typed.code(), typed.out() + typed.err());
        assertTrue(typed.out().contains("typed-42"), "keystrokes reach the shell: " + typed.out());
        Result noTty = inPty(24, 80, null, "exec", "-T", "box", "sh", "-c", "tty || echo no-tty");
        assertTrue(noTty.out().contains("no-tty"), "-T: no pty even on a terminal: " + noTty.out());
    }

    @Test
    void execWithoutATerminalPassesStdinAndSeparatesStderr() throws Exception {
        f.ok("up", "-d", "box");
        Result r = piped("line one\nline two\n", "exec", "box", "sh", "-c", "cat; echo to-err >&2; exit 4");
        assertEquals(4, r.code(), r.err());
        assertEquals("line one\nline two\n", r.out(), "stdin reaches the process, its end closes it; no TTY without a terminal");
        assertTrue(r.err().contains("to-err"), r.err());
    }

    @Test
    void runOnATerminalGivesAnInteractiveShellAndPipedStdinWorksWithout() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "needs script (util-linux) to give the CLI a terminal");
        Result shell = inPty(24, 80, "echo typed-$((40+2)); tty\nexit 3\n", "run", "--rm", "box", "sh");
        assertEquals(3, shell.code(), shell.out() + shell.err());
        assertTrue(shell.out().contains("typed-42"), shell.out());
        assertTrue(shell.out().contains("/dev/pts/0"), "the one-off container's PID 1 has a pty: " + shell.out());
        Result cat = piped("piped\n", "run", "--rm", "box", "cat");
        assertEquals(0, cat.code(), cat.err());
        assertEquals("piped\n", cat.out(), "no terminal: no TTY, stdin attached and closed at its end");
        assertTrue(f.engine.containers().store().list().isEmpty(), "--rm left nothing");
    }

    @Test
    void ttyAndStdinOpenFromTheComposeFile() throws Exception {
        f.ok("up", "-d", "console");
        ContainerRecord c = f.engine.containers().inspect("ttyverbs-console-1");
        assertTrue(c.config().ttyEnabled(), "tty: true");
        assertTrue(c.config().stdinOpen(), "stdin_open: true");
        assertTrue(c.state().running(), "sh with an open stdin on a pty keeps running");
    }

    @Test
    void attachJoinsTheTerminalToATtyServiceAndDetaches() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "needs script (util-linux) to give the CLI a terminal");
        f.ok("up", "-d", "console");
        Result detached = inPty(24, 80, "\u0018x", "attach", "--detach-keys", "ctrl-x,x", "console");
        assertEquals(0, detached.code(), detached.out() + detached.err());
        assertTrue(f.running("ttyverbs-console-1"), "the detach keys leave the container running");
        Result ended = inPty(24, 80, "echo att-$((2+2))\nexit 6\n", "attach", "console");
        assertEquals(6, ended.code(), "attach exits with the container's code: " + ended.out() + ended.err());
        assertTrue(ended.out().contains("att-4"), ended.out());
    }
}
