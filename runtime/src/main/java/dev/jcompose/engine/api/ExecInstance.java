package dev.jcompose.engine.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    /** Docker's inspect shape. */
    Map<String, Object> inspect() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ID", id);
        body.put("Running", running);
        body.put("ExitCode", exitCode);
        Map<String, Object> pc = new LinkedHashMap<>();
        pc.put("tty", config.ttyEnabled());
        pc.put("entrypoint", config.cmd().get(0));
        pc.put("arguments", config.cmd().subList(1, config.cmd().size()));
        pc.put("privileged", Boolean.TRUE.equals(config.privileged()));
        pc.put("user", config.user() == null ? "" : config.user());
        body.put("ProcessConfig", pc);
        body.put("OpenStdin", Boolean.TRUE.equals(config.attachStdin()));
        body.put("OpenStderr", Boolean.TRUE.equals(config.attachStderr()));
        body.put("OpenStdout", Boolean.TRUE.equals(config.attachStdout()));
        body.put("CanRemove", false);
        body.put("ContainerID", containerId);
        body.put("DetachKeys", config.detachKeys() == null ? "" : config.detachKeys());
        Process p = process;
        body.put("Pid", p == null ? 0 : p.pid());
        return body;
    }
}
