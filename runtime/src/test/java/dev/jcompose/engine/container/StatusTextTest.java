package dev.jcompose.engine.container;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StatusTextTest {
    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void humanDurationsAsDocker() {
        assertEquals("Less than a second", StatusText.humanDuration(Duration.ofMillis(300)));
        assertEquals("1 second", StatusText.humanDuration(Duration.ofSeconds(1)));
        assertEquals("59 seconds", StatusText.humanDuration(Duration.ofSeconds(59)));
        assertEquals("About a minute", StatusText.humanDuration(Duration.ofSeconds(90)));
        assertEquals("5 minutes", StatusText.humanDuration(Duration.ofMinutes(5)));
        assertEquals("About an hour", StatusText.humanDuration(Duration.ofMinutes(70)));
        assertEquals("3 hours", StatusText.humanDuration(Duration.ofHours(3)));
        assertEquals("3 days", StatusText.humanDuration(Duration.ofDays(3)));
    }

    @Test
    void statusColumn() {
        ContainerState running = ContainerState.created().running(42, NOW.minusSeconds(5));
        assertEquals("Up 5 seconds", StatusText.of(running, NOW));
        assertEquals("Up 5 seconds (healthy)",
                StatusText.of(running.withHealth(new ContainerState.Health("healthy", 0, java.util.List.of())), NOW));
        assertEquals("Exited (3) 2 seconds ago", StatusText.of(running.exited(3, false, NOW.minusSeconds(2)), NOW));
        assertEquals("Created", StatusText.of(ContainerState.created(), NOW));
    }
}
