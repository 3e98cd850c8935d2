package dev.jcompose.model.load.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jcompose.model.service.Logging;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** logging: compose-go override/merge_logging_test.go (options merge only when the driver is the same or unset). */
class LoggingConformanceTest {
    @TempDir
    Path dir;

    private Compose base(String logging) {
        return Compose.in(dir).file("compose.yaml", "services:\n  test:\n    image: foo\n    logging:\n" + logging);
    }

    @Test
    void sameDriverOverridesOptions() {
        Compose c = base("""
                      driver: syslog
                      options:
                        syslog-address: "tcp://192.168.0.42:123"
                """).file("override.yaml", """
                services:
                  test:
                    logging:
                      driver: syslog
                      options:
                        syslog-address: "tcp://127.0.0.1:123"
                """);
        assertEquals(new Logging("syslog", Map.of("syslog-address", "tcp://127.0.0.1:123")), c.service("test").lifecycle().logging());
    }

    @Test
    void distinctDriverReplacesOptions() {
        Compose c = base("""
                      driver: local
                      options:
                        max-size: "10m"
                """).file("override.yaml", """
                services:
                  test:
                    logging:
                      driver: syslog
                      options:
                        syslog-address: "tcp://127.0.0.1:123"
                """);
        assertEquals("""
                logging:
                  driver: syslog
                  options:
                    syslog-address: tcp://127.0.0.1:123
                """, c.attribute("test", "logging"));
    }

    @Test
    void implicitDriverMergesOptions() {
        Compose c = base("""
                      options:
                        max-size: "10m"
                """).file("override.yaml", """
                services:
                  test:
                    logging:
                      options:
                        max-file: 3
                """);
        assertEquals("""
                logging:
                  options:
                    max-file: "3"
                    max-size: 10m
                """, c.attribute("test", "logging"));
        assertEquals(Map.of("max-size", "10m", "max-file", "3"), c.service("test").lifecycle().logging().options());
    }
}
