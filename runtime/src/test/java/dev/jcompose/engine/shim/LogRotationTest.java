package dev.jcompose.engine.shim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LogRotationTest {
    @Test
    void dockerSizesAndCounts() {
        assertEquals(new LogRotation(10L << 20, 3), LogRotation.fromOptions(Map.of("max-size", "10m", "max-file", "3")));
        assertEquals(new LogRotation(200L << 10, 1), LogRotation.fromOptions(Map.of("max-size", "200k")));
        assertEquals(new LogRotation(1L << 30, 1), LogRotation.fromOptions(Map.of("max-size", "1g")));
        assertEquals(new LogRotation(1500, 1), LogRotation.fromOptions(Map.of("max-size", "1500")));
        assertEquals(new LogRotation(3L << 19, 2), LogRotation.fromOptions(Map.of("max-size", "1.5MB", "max-file", "2")));
        assertEquals(LogRotation.NONE, LogRotation.fromOptions(Map.of()));
        assertEquals(LogRotation.NONE, LogRotation.fromOptions(null));
        assertEquals(LogRotation.NONE, LogRotation.fromOptions(Map.of("max-size", "-1")));
    }

    @Test
    void badOptionsSayWhatIsWrong() {
        assertEquals("invalid max-size \"10q\": unknown unit",
                assertThrows(IllegalArgumentException.class, () -> LogRotation.fromOptions(Map.of("max-size", "10q"))).getMessage());
        assertEquals("max-file cannot be less than 1",
                assertThrows(IllegalArgumentException.class, () -> LogRotation.fromOptions(Map.of("max-size", "1m", "max-file", "0")))
                        .getMessage());
        assertEquals("invalid max-file \"x\": not a number",
                assertThrows(IllegalArgumentException.class, () -> LogRotation.fromOptions(Map.of("max-file", "x"))).getMessage());
        assertThrows(IllegalArgumentException.class, () -> LogRotation.fromOptions(Map.of("max-file", "3")));
    }
}
