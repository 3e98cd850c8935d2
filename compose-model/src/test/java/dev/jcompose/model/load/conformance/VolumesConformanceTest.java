package dev.jcompose.model.load.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jcompose.model.service.ServiceVolume;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** volumes: compose-go loader/full-struct_test.go (short syntax kinds, paths) and override/merge_volumes_test.go (keyed by target). */
class VolumesConformanceTest {
    @TempDir
    Path dir;

    @Test
    void shortSyntaxKindsAsFullStruct() {
        Compose c = Compose.in(dir).file("compose.yaml", """
                services:
                  foo:
                    image: busybox
                    volumes:
                      - /var/lib/mysql
                      - /opt/data:/var/lib/mysql
                      - .:/code
                      - ./static:/var/www/html
                      - ~/configs:/etc/configs:ro
                      - datavolume:/var/lib/volume
                      - type: tmpfs
                        target: /opt
                        tmpfs:
                          size: 10000
                volumes:
                  datavolume: {}
                """);
        List<ServiceVolume> v = c.service("foo").storage().volumes();
        assertEquals(7, v.size());
        assertEquals(List.of("volume", "bind", "bind", "bind", "bind", "volume", "tmpfs"), v.stream().map(ServiceVolume::type).toList());
        assertEquals(null, v.get(0).source());
        assertEquals("/var/lib/mysql", v.get(0).target());
        assertEquals("/opt/data", v.get(1).source());
        assertEquals(true, v.get(1).bind().createHostPath());
        assertEquals(dir.toString(), v.get(2).source());
        assertEquals(dir.resolve("static").toString(), v.get(3).source());
        assertEquals("/home/me/configs", v.get(4).source());
        assertEquals(true, v.get(4).readOnly());
        assertEquals("datavolume", v.get(5).source());
        assertEquals(10000L, v.get(6).tmpfs().size());
    }

    @Test
    void canonicalFormOfBindAndNamedVolumes() {
        Compose c = Compose.in(dir).file("compose.yaml", """
                services:
                  foo:
                    image: busybox
                    volumes:
                      - /var/lib/mysql
                      - /opt/data:/var/lib/mysql:ro
                """);
        assertEquals("""
                volumes:
                  - type: volume
                    target: /var/lib/mysql
                    volume: {}
                  - type: bind
                    source: /opt/data
                    target: /var/lib/mysql
                    read_only: true
                    bind:
                      create_host_path: true
                """, c.attribute("foo", "volumes"));
    }

    @Test
    void overridesAreKeyedByTarget() {
        Compose c = Compose.in(dir).file("compose.yaml", """
                services:
                  test:
                    image: foo
                    volumes:
                      - /src:/target
                      - /other:/other
                """).file("override.yaml", """
                services:
                  test:
                    volumes:
                      - /replaced:/target:ro
                      - /new:/new
                """);
        List<ServiceVolume> v = c.service("test").storage().volumes();
        assertEquals(List.of("/target", "/other", "/new"), v.stream().map(ServiceVolume::target).toList());
        assertEquals("/replaced", v.get(0).source());
        assertEquals(true, v.get(0).readOnly());
    }
}
