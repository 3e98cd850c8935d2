package dev.jcompose.model.load.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jcompose.model.service.Healthcheck;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** healthcheck: compose-go loader_test.go (string test is CMD-SHELL, durations, disable) and merge (test replaced, the rest merged). */
class HealthcheckConformanceTest {
    @TempDir
    Path dir;

    @Test
    void stringTestIsCmdShellAndDurationsParse() {
        Compose c = Compose.in(dir).file("compose.yaml", """
                services:
                  test:
                    image: busybox
                    healthcheck:
                      test: echo "hello world"
                      interval: 10s
                      timeout: 1s
                      retries: 5
                      start_period: 15s
                      start_interval: 5s
                """);
        assertEquals(new Healthcheck(List.of("CMD-SHELL", "echo \"hello world\""), Duration.ofSeconds(10), Duration.ofSeconds(1), 5,
                Duration.ofSeconds(15), Duration.ofSeconds(5), false), c.service("test").lifecycle().healthcheck());
        assertEquals("""
                healthcheck:
                  test:
                    - CMD-SHELL
                    - echo "hello world"
                  timeout: 1s
                  interval: 10s
                  retries: 5
                  start_period: 15s
                  start_interval: 5s
                """, c.attribute("test", "healthcheck"));
    }

    @Test
    void disableIsKept() {
        Compose c = Compose.in(dir).file("compose.yaml", """
                services:
                  test:
                    image: busybox
                    healthcheck:
                      disable: true
                """);
        assertEquals(true, c.service("test").lifecycle().healthcheck().disable());
    }

    @Test
    void anOverrideReplacesTheTestAndKeepsTheRest() {
        Compose c = Compose.in(dir).file("compose.yaml", """
                services:
                  test:
                    image: busybox
                    healthcheck:
                      test: ["CMD", "curl", "-f", "http://localhost"]
                      interval: 1m30s
                """).file("override.yaml", """
                services:
                  test:
                    healthcheck:
                      test: ["CMD", "true"]
                      retries: 3
                """);
        Healthcheck h = c.service("test").lifecycle().healthcheck();
        assertEquals(List.of("CMD", "true"), h.test());
        assertEquals(Duration.ofSeconds(90), h.interval());
        assertEquals(3, h.retries());
    }
}
