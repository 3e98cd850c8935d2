package dev.jcompose.model.load.normalize;

import static dev.jcompose.model.load.normalize.Normalized.attribute;
import static dev.jcompose.model.load.normalize.Normalized.error;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Service volumes in compose-go's long form (full-struct_test.go's volumes). */
class VolumesTest {
    @Test
    void shortSyntaxBindsVolumesAndPathsResolved() {
        assertEquals("""
                volumes:
                  - type: volume
                    target: /var/lib/anonymous
                    volume: {}
                  - type: bind
                    source: /opt/data
                    target: /var/lib/data
                    bind:
                      create_host_path: true
                  - type: bind
                    source: /work/demo
                    target: /code
                    bind:
                      create_host_path: true
                  - type: bind
                    source: /work/demo/static
                    target: /var/www/html
                    bind:
                      create_host_path: true
                  - type: bind
                    source: /home/me/configs
                    target: /etc/configs
                    read_only: true
                    bind:
                      create_host_path: true
                  - type: volume
                    source: datavolume
                    target: /var/lib/volume
                    volume: {}
                """, attribute("""
                services:
                  foo:
                    image: busybox
                    volumes:
                      - /var/lib/anonymous
                      - /opt/data:/var/lib/data
                      - .:/code
                      - ./static:/var/www/html
                      - ~/configs:/etc/configs:ro
                      - datavolume:/var/lib/volume
                volumes:
                  datavolume: {}
                """, "foo", "volumes"));
    }

    @Test
    void longSyntaxKeepsItsOptionsInStructOrder() {
        assertEquals("""
                volumes:
                  - type: bind
                    source: /work/demo/opt
                    target: /opt/cached
                    consistency: cached
                  - type: tmpfs
                    target: /opt/tmpfs
                    tmpfs:
                      size: "10000"
                  - type: volume
                    source: data
                    target: /data
                    read_only: true
                    volume:
                      nocopy: true
                      subpath: sub
                """, attribute("""
                services:
                  foo:
                    image: busybox
                    volumes:
                      - consistency: cached
                        target: /opt/cached
                        source: ./opt
                        type: bind
                      - type: tmpfs
                        target: /opt/tmpfs
                        tmpfs:
                          size: 10000
                      - volume: {subpath: sub, nocopy: true}
                        read_only: true
                        type: volume
                        source: data
                        target: /data
                volumes:
                  data: {}
                """, "foo", "volumes"));
    }

    @Test
    void undefinedNamedVolumeIsAnError() {
        String e = error("""
                services:
                  foo:
                    image: busybox
                    volumes: ["data:/data"]
                """);
        assertEquals("compose.yaml:4:15 services.foo.volumes[0]: service \"foo\" refers to undefined volume data: invalid compose project", e);
    }

    @Test
    void tmpfsSizeWithUnitsBecomesBytes() {
        assertTrue(attribute("""
                services:
                  foo:
                    image: busybox
                    volumes:
                      - {type: tmpfs, target: /t, tmpfs: {size: 64m}}
                """, "foo", "volumes").contains("size: \"67108864\""));
    }

    @Test
    void tmpfsModeIsADecimalNumber() {
        assertTrue(attribute("""
                services:
                  foo:
                    image: busybox
                    volumes:
                      - {type: tmpfs, target: /t, tmpfs: {mode: 01777}}
                """, "foo", "volumes").contains("mode: 1023"));
    }
}
