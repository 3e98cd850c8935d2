package dev.jcompose.model.service;

import java.time.Duration;
import java.util.List;

/** A service's health check; durations null when not set (the engine's defaults apply), {@code disable} for {@code disable: true} or NONE. */
public record Healthcheck(List<String> test, Duration interval, Duration timeout, Integer retries, Duration startPeriod,
                          Duration startInterval, boolean disable) {
    public Healthcheck {
        test = test == null ? null : List.copyOf(test);
    }
}
