package dev.jcompose.engine.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The real docker CLI pointed at a test engine's socket. */
final class DockerCli {
    record Result(int code, String out, String err) {
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
    String ok(String... args) throws Exception {
        Result r = run(args);
        assertEquals(0, r.code, () -> "docker " + String.join(" ", args) + ": " + r.err);
        return r.out.strip();
    }

    Result run(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(docker, "-H", "unix://" + socket));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile(scratch, "out", ".txt");
        Path err = Files.createTempFile(scratch, "err", ".txt");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "docker " + String.join(" ", args) + " timed out");
        return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    }
}
