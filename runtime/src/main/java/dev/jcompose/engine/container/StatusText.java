package dev.jcompose.engine.container;

import java.time.Duration;
import java.time.Instant;

/** The human status column of {@code docker ps}: "Up 5 minutes (healthy)", "Exited (0) 3 seconds ago", "Created". */
public final class StatusText {
    private StatusText() {
    }

    public static String of(ContainerState s, Instant now) {
        String health = s.health() == null ? "" : switch (s.health().status()) {
            case "starting" -> " (health: starting)";
            case "healthy" -> " (healthy)";
            case "unhealthy" -> " (unhealthy)";
            default -> "";
        };
        return switch (s.status()) {
            case "running" -> "Up " + humanDuration(since(s.startedAt(), now)) + health;
            case "paused" -> "Up " + humanDuration(since(s.startedAt(), now)) + " (Paused)";
            case "restarting" -> "Restarting (" + s.exitCode() + ") " + humanDuration(since(s.finishedAt(), now)) + " ago";
            case "removing" -> "Removal In Progress";
            case "dead" -> "Dead";
            case "exited" -> s.everStarted()
                    ? "Exited (" + s.exitCode() + ") " + humanDuration(since(s.finishedAt(), now)) + " ago"
                    : "Created";
            default -> "Created";
        };
    }

    private static Duration since(String timestamp, Instant now) {
        if (timestamp == null || timestamp.equals(ContainerState.NEVER)) {
            return Duration.ZERO;
        }
        return Duration.between(Instant.parse(timestamp), now);
    }

    /** docker/go-units HumanDuration (also the CLI's "5 minutes ago"). */
    public static String humanDuration(Duration d) {
        long seconds = d.getSeconds();
        if (seconds < 1) {
            return "Less than a second";
        } else if (seconds == 1) {
            return "1 second";
        } else if (seconds < 60) {
            return seconds + " seconds";
        }
        long minutes = d.toMinutes();
        if (minutes == 1) {
            return "About a minute";
        } else if (minutes < 60) {
            return minutes + " minutes";
        }
        long hours = Math.round(d.toSeconds() / 3600.0);
        if (hours == 1) {
            return "About an hour";
        } else if (hours < 48) {
            return hours + " hours";
        } else if (hours < 24 * 7 * 2) {
            return hours / 24 + " days";
        } else if (hours < 24 * 30 * 2) {
            return hours / 24 / 7 + " weeks";
        } else if (hours < 24 * 365 * 2) {
            return hours / 24 / 30 + " months";
        }
        return hours / 24 / 365 + " years";
    }
}
