package dev.jcompose.model.load.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.model.Service;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Merge of several files: compose-go loader/reset_test.go ({@code !reset}, {@code !override}, anchors),
 * override/merge_test.go (command/entrypoint replaced, mappings merged, string lists united).
 */
class MergeRulesConformanceTest {
    @TempDir
    Path dir;

    @Test
    void resetRemovesANetwork() {
        Compose c = Compose.in(dir).file("compose.yaml", """
                name: test-reset
                services:
                  web:
                    image: busybox
                networks:
                  test:
                    name: test
                    external: true
                """).file("override.yaml", """
                networks:
                  test: !reset {}
                """);
        assertFalse(c.project().networks().containsKey("test"));
    }

    @Test
    void overrideReplacesANetworkWhole() {
        Compose c = Compose.in(dir).file("compose.yaml", """
                name: test-override
                services:
                  web:
                    image: busybox
                networks:
                  test:
                    name: test
                    external: true
                """).file("override.yaml", """
                networks:
                  test: !override {}
                """);
        assertFalse(c.project().networks().get("test").external());
    }

    @Test
    void resetAndOverrideOnServiceAttributes() {
        Compose c = Compose.in(dir).file("compose.yaml", """
                services:
                  web:
                    image: busybox
                    ports: ["8080:80"]
                    environment: {A: "1", B: "2"}
                    labels: {x: "1"}
                """).file("override.yaml", """
                services:
                  web:
                    ports: !reset []
                    environment: !override {C: "3"}
                    labels: {y: "2"}
                """);
        Service web = c.service("web");
        assertEquals(List.of(), web.networking().ports());
        assertEquals(Map.of("C", "3"), web.process().environment());
        assertEquals(Map.of("x", "1", "y", "2"), web.labels());
    }

    @Test
    void commandAndEntrypointAreReplacedStringListsUnited() {
        Compose c = Compose.in(dir).file("compose.yaml", """
                services:
                  web:
                    image: busybox
                    command: ["echo", "a", "b"]
                    entrypoint: /bin/sh -c
                    dns: [8.8.8.8, 1.1.1.1]
                    cap_add: [NET_ADMIN]
                """).file("override.yaml", """
                services:
                  web:
                    command: echo c
                    dns: [1.1.1.1, 9.9.9.9]
                    cap_add: [SYS_ADMIN, NET_ADMIN]
                """);
        Service web = c.service("web");
        assertEquals(List.of("echo", "c"), web.process().command());
        assertEquals(List.of("/bin/sh", "-c"), web.process().entrypoint());
        assertEquals(List.of("8.8.8.8", "1.1.1.1", "9.9.9.9"), web.networking().dns());
        assertEquals(List.of("NET_ADMIN", "SYS_ADMIN"), web.security().capAdd());
    }

    @Test
    void anAliasedServiceIsNoCycle() {
        Compose c = Compose.in(dir).file("compose.yaml", """
                name: test
                services:
                  a2: &a
                    image: alpine
                  a: *a
                """);
        assertEquals("alpine", c.service("a").image());
        assertEquals("alpine", c.service("a2").image());
    }

    @Test
    void aMergeKeyCycleIsAnError() {
        String e = Compose.in(dir).file("compose.yaml", """
                x-healthcheck: &healthcheck
                  egress-service:
                    <<: *healthcheck
                services:
                  web:
                    image: busybox
                """).error();
        assertTrue(e.contains("compose.yaml:") && e.toLowerCase().contains("cycle") || e.toLowerCase().contains("recursive"), e);
    }
}
