package dev.jcompose.model.load.normalize;

import static dev.jcompose.model.load.normalize.Normalized.attribute;
import static dev.jcompose.model.load.normalize.Normalized.error;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** deploy: resources in bytes and cpus as numbers, durations, field order; scale/replicas consistency. */
class DeployTest {
    @Test
    void deployAsComposeGoPrintsIt() {
        assertEquals("""
                deploy:
                  mode: replicated
                  replicas: 6
                  labels:
                    FOO: BAR
                  update_config:
                    parallelism: 3
                    delay: 10s
                    failure_action: continue
                    monitor: 1m0s
                    max_failure_ratio: 0.3
                    order: start-first
                  resources:
                    limits:
                      cpus: 0.001
                      memory: "52428800"
                    reservations:
                      cpus: 0.0001
                      memory: "20971520"
                      generic_resources:
                        - discrete_resource_spec:
                            kind: gpu
                            value: 2
                  restart_policy:
                    condition: on-failure
                    delay: 5s
                    max_attempts: 3
                    window: 2m0s
                  placement:
                    constraints:
                      - node=foo
                    preferences:
                      - spread: node.labels.az
                    max_replicas_per_node: 5
                  endpoint_mode: dnsrr
                """, attribute("""
                services:
                  foo:
                    image: app
                    deploy:
                      endpoint_mode: dnsrr
                      placement:
                        max_replicas_per_node: 5
                        constraints: [node=foo]
                        preferences: [{spread: node.labels.az}]
                      restart_policy: {condition: on-failure, delay: 5s, max_attempts: 3, window: 120s}
                      resources:
                        reservations:
                          generic_resources: [{discrete_resource_spec: {kind: gpu, value: 2}}]
                          memory: 20M
                          cpus: '0.0001'
                        limits: {cpus: '0.001', memory: 50M}
                      update_config: {parallelism: 3, delay: 10s, failure_action: continue, monitor: 60s, max_failure_ratio: 0.3, order: start-first}
                      labels: {FOO: BAR}
                      replicas: 6
                      mode: replicated
                """, "foo", "deploy"));
    }

    @Test
    void scaleAndReplicasMustAgreeAndContainerNameForbidsReplicas() {
        assertEquals("compose.yaml:4:5 services.foo.scale: services.foo: can't set distinct values on 'scale' and 'deploy.replicas': invalid compose project",
                error("""
                        services:
                          foo:
                            image: app
                            scale: 2
                            deploy: {replicas: 3}
                        """));
        String e = error("""
                services:
                  foo:
                    image: app
                    container_name: one
                    deploy: {replicas: 2}
                """);
        assertTrue(e.endsWith("services.foo: can't set container_name and deploy.replicas as container name must be unique: invalid compose project"), e);
        String dup = error("""
                services:
                  a:
                    image: app
                    container_name: same
                  b:
                    image: app
                    container_name: same
                """);
        assertEquals("compose.yaml:7:21 services.b.container_name: services.b: container name \"same\" is already in use by service a", dup);
    }

    @Test
    void scaleIsCopiedIntoAnExistingDeploy() {
        assertEquals("""
                deploy:
                  replicas: 3
                  labels:
                    a: b
                """, attribute("""
                services:
                  foo:
                    image: app
                    scale: "3"
                    deploy: {labels: {a: b}}
                """, "foo", "deploy"));
    }

    @Test
    void gpuDeviceRequestCountAllIsMinusOne() {
        assertEquals("""
                deploy:
                  resources:
                    reservations:
                      devices:
                        - capabilities:
                            - gpu
                          driver: nvidia
                          count: -1
                        - capabilities:
                            - gpu
                          count: 2
                """, attribute("""
                services:
                  foo:
                    image: app
                    deploy:
                      resources:
                        reservations:
                          devices:
                            - {driver: nvidia, count: all, capabilities: [gpu]}
                            - {count: "2", capabilities: [gpu]}
                """, "foo", "deploy"));
    }

    @Test
    void cpusMustBeAFiniteNumber() {
        for (String bad : new String[] {"NaN", "Infinity", "lots"}) {
            String e = error("""
                    services:
                      foo:
                        image: app
                        cpus: "%s"
                    """.formatted(bad));
            assertTrue(e.startsWith("compose.yaml:4:11 services.foo.cpus: invalid cpus \"" + bad + "\""), e);
        }
    }
}
