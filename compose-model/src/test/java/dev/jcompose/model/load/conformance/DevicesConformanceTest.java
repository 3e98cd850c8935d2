package dev.jcompose.model.load.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jcompose.model.service.Deploy;
import dev.jcompose.model.service.DeviceMapping;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** devices and GPU requests: compose-go loader_test.go (device short syntax, permissions) and deploy.resources.reservations.devices. */
class DevicesConformanceTest {
    @TempDir
    Path dir;

    @Test
    void shortSyntaxDevices() {
        Compose c = Compose.in(dir).file("compose.yaml", """
                services:
                  foo:
                    image: busybox
                    devices:
                      - /dev/ttyUSB0
                      - /dev/sda:/dev/xvda
                      - /dev/sdb:/dev/xvdb:r
                """);
        assertEquals(List.of(new DeviceMapping("/dev/ttyUSB0", "/dev/ttyUSB0", "rwm"), new DeviceMapping("/dev/sda", "/dev/xvda", "rwm"),
                new DeviceMapping("/dev/sdb", "/dev/xvdb", "r")), c.service("foo").storage().devices());
    }

    @Test
    void gpuReservations() {
        Compose c = Compose.in(dir).file("compose.yaml", """
                services:
                  foo:
                    image: busybox
                    deploy:
                      resources:
                        reservations:
                          devices:
                            - driver: nvidia
                              count: 2
                              capabilities: [gpu]
                            - capabilities: [gpu, utility]
                              device_ids: ["0", "3"]
                """);
        List<Deploy.DeviceRequest> d = c.service("foo").deploy().reservations().devices();
        assertEquals(2, d.size());
        assertEquals(List.of("gpu"), d.get(0).capabilities());
        assertEquals("nvidia", d.get(0).driver());
        assertEquals(2L, d.get(0).count());
        assertEquals(List.of("0", "3"), d.get(1).deviceIds());
        assertEquals(List.of("gpu", "utility"), d.get(1).capabilities());
    }
}
