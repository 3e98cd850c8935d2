package dev.jcompose.model.load.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jcompose.model.service.Deploy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** deploy: compose-go loader/full-struct_test.go (resources, restart policy, update config, placement, labels). */
class DeployConformanceTest {
    @TempDir
    Path dir;

    @Test
    void fullStructDeploy() {
        Compose c = Compose.in(dir).file("compose.yaml", """
                services:
                  foo:
                    image: busybox
                    deploy:
                      mode: replicated
                      replicas: 6
                      labels: [FOO=BAR]
                      update_config:
                        parallelism: 3
                        delay: 10s
                        failure_action: continue
                        monitor: 60s
                        max_failure_ratio: 0.3
                        order: start-first
                      resources:
                        limits:
                          cpus: '0.001'
                          memory: 50M
                          pids: 100
                        reservations:
                          cpus: '0.0001'
                          memory: 20M
                      restart_policy:
                        condition: on-failure
                        delay: 5s
                        max_attempts: 3
                        window: 120s
                      placement:
                        constraints: [node=foo]
                      endpoint_mode: dnsrr
                """);
        Deploy d = c.service("foo").deploy();
        assertEquals("replicated", d.mode());
        assertEquals(6, d.replicas());
        assertEquals(Map.of("FOO", "BAR"), d.labels());
        assertEquals(new Deploy.RestartPolicy("on-failure", Duration.ofSeconds(5), 3, Duration.ofSeconds(120)), d.restartPolicy());
        assertEquals("dnsrr", d.endpointMode());
        assertEquals(List.of("node=foo"), d.placementConstraints());
        assertEquals(0.001, d.limits().cpus());
        assertEquals(50L * 1024 * 1024, d.limits().memory());
        assertEquals(100L, d.limits().pids());
        assertEquals(20L * 1024 * 1024, d.reservations().memory());
        assertEquals(3, d.updateConfig().parallelism());
        assertEquals(Duration.ofSeconds(10), d.updateConfig().delay());
        assertEquals(0.3, d.updateConfig().maxFailureRatio());
        assertEquals(6, c.service("foo").lifecycle().replicas());
    }

    @Test
    void resourcesPrintAsComposeGoDoes() {
        Compose c = Compose.in(dir).file("compose.yaml", """
                services:
                  foo:
                    image: busybox
                    deploy:
                      resources:
                        limits:
                          cpus: '0.5'
                          memory: 50M
                """);
        assertEquals("""
                deploy:
                  resources:
                    limits:
                      cpus: 0.5
                      memory: "52428800"
                """, c.attribute("foo", "deploy"));
    }
}
