package dev.jcompose.model.load.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.model.service.DependsOn;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** depends_on: compose-go loader_test.go (short form defaults, long form, undefined service, cycles) and merge by service name. */
class DependsOnConformanceTest {
    @TempDir
    Path dir;

    @Test
    void shortFormIsServiceStartedRequired() {
        Compose c = Compose.in(dir).file("compose.yaml", """
                services:
                  web:
                    image: busybox
                    depends_on: [db]
                  db:
                    image: busybox
                """);
        assertEquals(Map.of("db", new DependsOn("service_started", false, true)), c.service("web").lifecycle().dependsOn());
        assertEquals("""
                depends_on:
                  db:
                    condition: service_started
                    required: true
                """, c.attribute("web", "depends_on"));
    }

    @Test
    void longFormKeepsConditionRestartAndRequired() {
        Compose c = Compose.in(dir).file("compose.yaml", """
                services:
                  web:
                    image: busybox
                    depends_on:
                      db:
                        condition: service_healthy
                        restart: true
                      init:
                        condition: service_completed_successfully
                        required: false
                  db:
                    image: busybox
                  init:
                    image: busybox
                """);
        assertEquals(Map.of("db", new DependsOn("service_healthy", true, true), "init", new DependsOn("service_completed_successfully", false, false)),
                c.service("web").lifecycle().dependsOn());
    }

    @Test
    void overridesMergeByService() {
        Compose c = Compose.in(dir).file("compose.yaml", """
                services:
                  web:
                    image: busybox
                    depends_on: [db]
                  db:
                    image: busybox
                  cache:
                    image: busybox
                """).file("override.yaml", """
                services:
                  web:
                    depends_on:
                      cache:
                        condition: service_healthy
                """);
        assertEquals(Map.of("db", new DependsOn("service_started", false, true), "cache", new DependsOn("service_healthy", false, true)),
                c.service("web").lifecycle().dependsOn());
    }

    @Test
    void anUndefinedServiceIsALocatedError() {
        String e = Compose.in(dir).file("compose.yaml", """
                services:
                  web:
                    image: busybox
                    depends_on: [nope]
                """).error();
        assertTrue(e.contains("compose.yaml:") && e.contains("depends on undefined service \"nope\""), e);
    }

    @Test
    void aCycleIsALocatedError() {
        String e = Compose.in(dir).file("compose.yaml", """
                services:
                  a:
                    image: busybox
                    depends_on: [b]
                  b:
                    image: busybox
                    depends_on: [a]
                """).error();
        assertTrue(e.matches(".*compose.yaml:\\d+:\\d+ services\\.[ab]\\.depends_on: dependency cycle detected: .*"), e);
    }
}
