package dev.jcompose.engine.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The real docker CLI pointed at a test engine's socket (the api and lifecycle root tests share it). */
public final class DockerCli {
    public record Result(int code, String out, String err) {
    }

    private final String docker;
    private final Path socket;
    private final Path scratch;

    DockerCli(Path docker, Path socket, Path scratch) {
        this.docker = docker.toString();
        this.socket = socket;
        this.scratch = scratch;
    }

    /** Runs and asserts exit code 0; returns stdout without surrounding whitespace. */
    public String ok(String... args) throws Exception {
        Result r = run(args);
        assertEquals(0, r.code, () -> "docker " + String.join(" ", args) + ": " + r.err);
        return r.out.strip();
    }

    public Result run(String... args) throws Exception {
        return runWithInput(null, args);
    }

    /** Runs and asserts exit code 0; returns stdout and stderr as one stream, in the order written, stripped. */
    public String merged(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(docker, "-H", "unix://" + socket));
        cmd.addAll(List.of(args));
        Result r = exec(cmd, null, "docker " + String.join(" ", args), true);
        assertEquals(0, r.code, () -> "docker " + String.join(" ", args) + ": " + r.out);
        return r.out.strip();
    }

    /** Runs with {@code input} on stdin (null: /dev/null). */
    public Result runWithInput(String input, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(docker, "-H", "unix://" + socket));
        cmd.addAll(List.of(args));
        return exec(cmd, input, "docker " + String.join(" ", args), false);
    }

    /**
     * Runs under a pseudo-terminal of its own ({@code script -qec}, util-linux), first sizing it to
     * {@code rows}x{@code cols}, so docker sees a TTY on stdin and stdout; {@code input} is typed into it.
     */
    public Result runInPty(int rows, int cols, String input, String... args) throws Exception {
        StringBuilder line = new StringBuilder("stty rows " + rows + " cols " + cols + "; exec " + shellQuote(docker) + " -H "
                + shellQuote("unix://" + socket));
        for (String a : args) {
            line.append(' ').append(shellQuote(a));
        }
        return exec(List.of("script", "-qec", line.toString(), "/dev/null"), input, "(pty) docker " + String.join(" ", args), false);
    }

    private Result exec(List<String> cmd, String input, String what, boolean mergeErr) throws Exception {
        Path out = Files.createTempFile(scratch, "out", ".txt");
        Path err = Files.createTempFile(scratch, "err", ".txt");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile());
        if (mergeErr) {
            pb.redirectErrorStream(true);
        } else {
            pb.redirectError(err.toFile());
        }
        if (input == null) {
            pb.redirectInput(new java.io.File("/dev/null"));
        }
        Process p = pb.start();
        if (input != null) {
            try (var stdin = p.getOutputStream()) {
                stdin.write(input.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor(5, TimeUnit.SECONDS);
            throw new AssertionError(what + " timed out; out: " + Files.readString(out) + " err: " + Files.readString(err));
        }
        return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** Starts a long-running command (logs -f, events) whose output the caller reads as it comes. */
    public Process start(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(docker, "-H", "unix://" + socket));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectInput(new java.io.File("/dev/null")).start();
    }

    private static String shellQuote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
