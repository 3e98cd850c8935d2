package dev.jcompose.engine.supervise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.engine.container.ContainerConfig.HealthConfig;
import dev.jcompose.engine.container.ContainerState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class HealthStateTest {
    private static final Instant T = Instant.parse("2026-11-22T10:00:00Z");
    private static final HealthState.Settings S = HealthState.Settings.of(new HealthConfig(List.of("CMD-SHELL", "true"),
            1_000_000_000L, null, 2, 10_000_000_000L, null)).orElseThrow();

    private static HealthState.Probe probe(int code) {
        return new HealthState.Probe(T, T.plusMillis(5), code, "out " + code);
    }

    @Test
    void defaultsAndCommandForms() {
        assertEquals(Duration.ofSeconds(30), HealthState.Settings.of(new HealthConfig(List.of("CMD", "x"), null, null, null, null, null))
                .orElseThrow().timeout());
        assertEquals(List.of("/bin/sh", "-c", "true"), S.command());
        assertTrue(HealthState.Settings.of(new HealthConfig(List.of("NONE"), null, null, null, null, null)).isEmpty());
    }

    @Test
    void failuresInTheStartPeriodDoNotCountAndRetriesMakeItUnhealthy() {
        ContainerState.Health h = HealthState.initial();
        h = HealthState.next(h, S, probe(1), Duration.ofSeconds(2));
        assertEquals("starting", h.status());
        assertEquals(0, h.failingStreak());
        h = HealthState.next(h, S, probe(0), Duration.ofSeconds(3));
        assertEquals("healthy", h.status());
        h = HealthState.next(h, S, probe(1), Duration.ofSeconds(20));
        assertEquals("healthy", h.status());
        assertEquals(1, h.failingStreak());
        h = HealthState.next(h, S, probe(1), Duration.ofSeconds(21));
        assertEquals("unhealthy", h.status());
        for (int i = 0; i < 5; i++) {
            h = HealthState.next(h, S, probe(1), Duration.ofSeconds(30 + i));
        }
        assertEquals(5, h.log().size(), "the last five probes are kept");
        assertEquals("healthy", HealthState.next(h, S, probe(0), Duration.ofSeconds(40)).status());
    }

    @Test
    void probesUseTheStartIntervalUntilHealthy() {
        assertEquals(Duration.ofSeconds(5), S.nextDelay(HealthState.initial(), Duration.ofSeconds(1)));
        assertEquals(Duration.ofSeconds(1), S.nextDelay(new ContainerState.Health("healthy", 0, List.of()), Duration.ofSeconds(1)));
        assertEquals(Duration.ofSeconds(1), S.nextDelay(HealthState.initial(), Duration.ofSeconds(11)));
    }
}
