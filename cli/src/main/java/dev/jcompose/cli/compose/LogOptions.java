package dev.jcompose.cli.compose;

import java.time.Instant;

/**
 * What to read from each container's log: keep following ({@code -f}, across restarts and new
 * containers), the last {@code tail} lines ("all" or a number), and the time window (either bound may be null).
 */
public record LogOptions(boolean follow, String tail, Instant since, Instant until) {
    public LogOptions {
        if (!tail.equals("all") && !tail.matches("-?[0-9]+")) {
            throw new dev.jcompose.cli.UserError("invalid value \"" + tail + "\" for flag --tail: expected a number or \"all\"");
        }
        if (tail.startsWith("-")) {
            tail = "all";
        }
    }
}
