package dev.jcompose.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class GoDurationTest {
    @Test
    void parsesGoSyntax() {
        assertEquals(Duration.ofSeconds(90), GoDuration.parse("1m30s"));
        assertEquals(Duration.ofMillis(10), GoDuration.parse("10ms"));
        assertEquals(Duration.ofHours(1), GoDuration.parse("1h"));
        assertEquals(Duration.ofMillis(1500), GoDuration.parse("1.5s"));
        assertEquals(Duration.ofMinutes(165), GoDuration.parse("2h45m"));
        assertEquals(Duration.ofNanos(1500), GoDuration.parse("1us500ns"));
        assertEquals(Duration.ofNanos(3000), GoDuration.parse("3µs"));
        assertEquals(Duration.ofSeconds(-5), GoDuration.parse("-5s"));
        assertEquals(Duration.ZERO, GoDuration.parse("0"));
        assertEquals(Duration.ofSeconds(30), GoDuration.parse("30"), "a bare number is seconds");
    }

    @Test
    void rejectsWhatIsNotADuration() {
        assertNull(GoDuration.parse("1x"));
        assertNull(GoDuration.parse("s"));
        assertNull(GoDuration.parse("1m 30s"));
        assertNull(GoDuration.parse("abc10s"));
        assertNull(GoDuration.parse(""));
    }

    @Test
    void formatsAsGoPrintsIt() {
        assertEquals("0s", GoDuration.format(Duration.ZERO));
        assertEquals("1m0s", GoDuration.format(Duration.ofMinutes(1)));
        assertEquals("1h30m0s", GoDuration.format(Duration.ofMinutes(90)));
        assertEquals("500ms", GoDuration.format(Duration.ofMillis(500)));
        assertEquals("1.5s", GoDuration.format(Duration.ofMillis(1500)));
        assertEquals("2µs", GoDuration.format(Duration.ofNanos(2000)));
        assertEquals("10ns", GoDuration.format(Duration.ofNanos(10)));
        assertEquals("-1m30s", GoDuration.format(Duration.ofSeconds(-90)));
    }

    @Test
    void formatThenParseIsTheIdentity() {
        for (long ms : new long[] {1, 999, 1000, 61_001, 3_600_000, 5_423_500}) {
            Duration d = Duration.ofMillis(ms);
            assertEquals(d, GoDuration.parse(GoDuration.format(d)), GoDuration.format(d));
        }
    }
}
