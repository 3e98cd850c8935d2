package dev.jcompose.engine.container;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * Docker's container {@code State}. Status is one of created, running, paused, restarting, removing,
 * exited, dead. Timestamps are RFC 3339 with nanoseconds; "0001-01-01T00:00:00Z" means never.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContainerState(
        @JsonProperty("Status") String status,
        @JsonProperty("Running") boolean running,
        @JsonProperty("Paused") boolean paused,
        @JsonProperty("Restarting") boolean restarting,
        @JsonProperty("OOMKilled") boolean oomKilled,
        @JsonProperty("Dead") boolean dead,
        @JsonProperty("Pid") long pid,
        @JsonProperty("ExitCode") int exitCode,
        @JsonProperty("Error") String error,
        @JsonProperty("StartedAt") String startedAt,
        @JsonProperty("FinishedAt") String finishedAt,
        @JsonProperty("Health") Health health) {

    public static final String NEVER = "0001-01-01T00:00:00Z";

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Health(@JsonProperty("Status") String status,
                         @JsonProperty("FailingStreak") int failingStreak,
                         @JsonProperty("Log") java.util.List<HealthLog> log) {
    }

    public record HealthLog(@JsonProperty("Start") String start, @JsonProperty("End") String end,
                            @JsonProperty("ExitCode") int exitCode, @JsonProperty("Output") String output) {
    }

    public static ContainerState created() {
        return new ContainerState("created", false, false, false, false, false, 0, 0, "", NEVER, NEVER, null);
    }

    public ContainerState running(long hostPid, Instant at) {
        return new ContainerState("running", true, false, false, false, false, hostPid, 0, "", at.toString(), finishedAt, health);
    }

    public ContainerState exited(int code, boolean oom, Instant at) {
        return new ContainerState("exited", false, false, false, oom, false, 0, code, "", startedAt, at.toString(), health);
    }

    public ContainerState failed(int code, String message) {
        return new ContainerState(running ? "exited" : status, false, false, false, false, false, 0, code, message, startedAt,
                finishedAt, health);
    }

    public ContainerState paused(boolean value) {
        return new ContainerState(value ? "paused" : "running", running, value, false, oomKilled, false, pid, exitCode, error,
                startedAt, finishedAt, health);
    }

    public ContainerState withHealth(Health value) {
        return new ContainerState(status, running, paused, restarting, oomKilled, dead, pid, exitCode, error, startedAt,
                finishedAt, value);
    }

    @JsonIgnore
    public boolean everStarted() {
        return !NEVER.equals(startedAt);
    }
}
