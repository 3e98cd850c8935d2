package dev.jcompose.engine.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;
import java.util.List;

/** One exec instance: what was asked at create, and what happened since (for {@code GET /exec/{id}/json}). */
final class ExecInstance {
    record Config(@JsonProperty("Cmd") List<String> cmd, @JsonProperty("Env") List<String> env, @JsonProperty("User") String user,
                  @JsonProperty("WorkingDir") String workingDir, @JsonProperty("Privileged") Boolean privileged,
                  @JsonProperty("Tty") Boolean tty, @JsonProperty("AttachStdin") Boolean attachStdin,
                  @JsonProperty("AttachStdout") Boolean attachStdout, @JsonProperty("AttachStderr") Boolean attachStderr,
                  @JsonProperty("ConsoleSize") List<Integer> consoleSize, @JsonProperty("DetachKeys") String detachKeys) {
        boolean ttyEnabled() {
            return Boolean.TRUE.equals(tty);
        }
    }

    record StartBody(@JsonProperty("Detach") Boolean detach, @JsonProperty("Tty") Boolean tty,
                     @JsonProperty("ConsoleSize") List<Integer> consoleSize) {
    }

    final String id;
    final String containerId;
    final Config config;
    volatile boolean started;
    volatile boolean running;
    volatile Integer exitCode;
    volatile Process process;
    volatile Path winsize;
    volatile long finishedAtMillis;

    ExecInstance(String id, String containerId, Config config) {
        this.id = id;
        this.containerId = containerId;
        this.config = config;
    }

    /** {@code GET /exec/{id}/json}, in Docker's shape and field order ({@code ExitCode} null while it runs). */
    record Inspect(@JsonProperty("ID") String id, @JsonProperty("Running") boolean running, @JsonProperty("ExitCode") Integer exitCode,
                   @JsonProperty("ProcessConfig") ProcessConfig processConfig, @JsonProperty("OpenStdin") boolean openStdin,
                   @JsonProperty("OpenStderr") boolean openStderr, @JsonProperty("OpenStdout") boolean openStdout,
                   @JsonProperty("CanRemove") boolean canRemove, @JsonProperty("ContainerID") String containerId,
                   @JsonProperty("DetachKeys") String detachKeys, @JsonProperty("Pid") long pid) {
    }

    record ProcessConfig(@JsonProperty("tty") boolean tty, @JsonProperty("entrypoint") String entrypoint,
                         @JsonProperty("arguments") List<String> arguments, @JsonProperty("privileged") boolean privileged,
                         @JsonProperty("user") String user) {
    }

    Inspect inspect() {
        List<String> cmd = config.cmd();
        ProcessConfig pc = new ProcessConfig(config.ttyEnabled(), cmd.get(0), cmd.subList(1, cmd.size()),
                Boolean.TRUE.equals(config.privileged()), config.user() == null ? "" : config.user());
        Process p = process;
        return new Inspect(id, running, exitCode, pc, Boolean.TRUE.equals(config.attachStdin()), Boolean.TRUE.equals(config.attachStderr()),
                Boolean.TRUE.equals(config.attachStdout()), false, containerId, config.detachKeys() == null ? "" : config.detachKeys(),
                p == null ? 0 : p.pid());
    }
}
