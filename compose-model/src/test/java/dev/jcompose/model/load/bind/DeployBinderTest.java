package dev.jcompose.model.load.bind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.model.ComposeException;
import dev.jcompose.model.Service;
import dev.jcompose.model.load.YMap;
import dev.jcompose.model.load.YamlReader;
import dev.jcompose.model.service.Deploy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code deploy} bound as data. */
class DeployBinderTest {
    private static Service web(String yaml) {
        YMap tree = (YMap) YamlReader.read("compose.yaml", yaml).orElseThrow();
        return ProjectBinder.bind("demo", Path.of("/srv"), List.of(), tree, n -> "h").services().get("web");
    }

    @Test
    void bindsTheWholeSection() {
        Deploy d = web("""
                services:
                  web:
                    image: nginx
                    deploy:
                      mode: replicated
                      replicas: 2
                      endpoint_mode: vip
                      labels: {tier: front}
                      placement: {constraints: [node.role==manager]}
                      restart_policy: {condition: on-failure, delay: 5s, max_attempts: 3, window: 2m}
                      update_config: {parallelism: 2, delay: 10s, failure_action: rollback, order: start-first, max_failure_ratio: 0.25}
                      resources:
                        limits: {cpus: 0.5, memory: "52428800", pids: 100}
                        reservations:
                          memory: "20971520"
                          devices: [{capabilities: [gpu], driver: nvidia, count: all}]
                """).deploy();
        assertEquals("replicated", d.mode());
        assertEquals(2, d.replicas());
        assertEquals("vip", d.endpointMode());
        assertEquals("front", d.labels().get("tier"));
        assertEquals(List.of("node.role==manager"), d.placementConstraints());
        assertEquals("on-failure", d.restartPolicy().condition());
        assertEquals(Duration.ofSeconds(5), d.restartPolicy().delay());
        assertEquals(3, d.restartPolicy().maxAttempts());
        assertEquals(Duration.ofMinutes(2), d.restartPolicy().window());
        assertEquals(2, d.updateConfig().parallelism());
        assertEquals("start-first", d.updateConfig().order());
        assertEquals(0.25, d.updateConfig().maxFailureRatio());
        assertNull(d.rollbackConfig());
        assertEquals(0.5, d.limits().cpus());
        assertEquals(50L * 1024 * 1024, d.limits().memory());
        assertEquals(100L, d.limits().pids());
        assertEquals(20L * 1024 * 1024, d.reservations().memory());
        assertEquals(List.of("gpu"), d.reservations().devices().get(0).capabilities());
        assertEquals(-1L, d.reservations().devices().get(0).count());
    }

    @Test
    void noDeployIsNull() {
        assertNull(web("""
                services:
                  web: {image: nginx}
                """).deploy());
    }

    @Test
    void aBadDelayIsLocated() {
        ComposeException e = assertThrows(ComposeException.class, () -> web("""
                services:
                  web:
                    image: nginx
                    deploy:
                      restart_policy: {delay: later}
                """));
        assertEquals("services.web.deploy.restart_policy.delay", e.path());
        assertTrue(e.getMessage().startsWith("compose.yaml:5:"), e.getMessage());
    }
}
