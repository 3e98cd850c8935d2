package dev.jcompose.model.load.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.model.service.Deploy;
import dev.jcompose.model.service.ServiceProvider;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gpus} (compose-go transform/gpus.go: {@code all} is one request with {@code count: all}, which its
 * {@code DeviceCount} holds as -1; a list is device requests) and {@code provider} (compose-go
 * {@code ServiceProviderConfig}: {@code type} and {@code MultiOptions}, every option a list of strings).
 */
class GpusProviderConformanceTest {
    @TempDir
    Path dir;

    @Test
    void gpusAllIsOneRequestForEveryDevice() {
        Compose c = Compose.in(dir).file("compose.yaml", """
                services:
                  test:
                    image: foo
                    gpus: all
                """);
        assertEquals("""
                gpus:
                  - count: -1
                """, c.attribute("test", "gpus"));
        assertEquals(List.of(new Deploy.DeviceRequest(List.of(), null, -1L, List.of(), Map.of())), c.service("test").resources().gpus());
    }

    @Test
    void gpusListKeepsEachRequestInComposeGoOrder() {
        Compose c = Compose.in(dir).file("compose.yaml", """
                services:
                  test:
                    image: foo
                    gpus:
                      - driver: nvidia
                        count: "2"
                        capabilities: [gpu, utility]
                        options:
                          virtualization: 1
                      - device_ids: ["0", "3"]
                        driver: nvidia
                """);
        assertEquals("""
                gpus:
                  - capabilities:
                      - gpu
                      - utility
                    driver: nvidia
                    count: 2
                    options:
                      virtualization: "1"
                  - driver: nvidia
                    device_ids:
                      - "0"
                      - "3"
                """, c.attribute("test", "gpus"));
        assertEquals(List.of(new Deploy.DeviceRequest(List.of("gpu", "utility"), "nvidia", 2L, List.of(), Map.of("virtualization", "1")),
                new Deploy.DeviceRequest(List.of(), "nvidia", null, List.of("0", "3"), Map.of())), c.service("test").resources().gpus());
    }

    @Test
    void aBadGpuCountIsALocatedError() {
        String error = Compose.in(dir).file("compose.yaml", """
                services:
                  test:
                    image: foo
                    gpus:
                      - count: some
                """).error();
        assertTrue(error.contains("compose.yaml:5:16 services.test.gpus[0].count: invalid value \"some\""), error);
    }

    @Test
    void providerOptionsAreListsOfStrings() {
        Compose c = Compose.in(dir).file("compose.yaml", """
                services:
                  database:
                    provider:
                      type: awesomecloud
                      options:
                        type: mysql
                        size: 256
                        tags: [a, b]
                  app:
                    image: foo
                    depends_on: [database]
                """);
        assertEquals("""
                provider:
                  type: awesomecloud
                  options:
                    size:
                      - "256"
                    tags:
                      - a
                      - b
                    type:
                      - mysql
                """, c.attribute("database", "provider"));
        assertEquals(new ServiceProvider("awesomecloud", Map.of("type", List.of("mysql"), "size", List.of("256"), "tags", List.of("a", "b"))),
                c.service("database").options().provider());
        assertNull(c.service("database").image());
        assertNull(c.service("app").options().provider());
        assertEquals(List.of(), c.service("app").resources().gpus());
    }
}
