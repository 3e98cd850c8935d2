package dev.jcompose.model.load.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jcompose.model.Service;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Types after interpolation: compose-go's interpolation keeps substituted values strings and casts only
 * the attributes of its cast mapping (loader/interpolate.go; loader_test.go TestLoadWithInterpolationCastFull).
 */
class InterpolationCastsConformanceTest {
    @TempDir
    Path dir;

    @Test
    void castAttributesBecomeNumbersAndBooleansOthersStayStrings() {
        Compose c = Compose.in(dir).env("UID", "1000").env("N", "3").env("YES", "true").file("compose.yaml", """
                services:
                  web:
                    image: busybox
                    user: ${UID}
                    privileged: ${YES}
                    deploy:
                      replicas: ${N}
                    healthcheck:
                      retries: ${N}
                    ports:
                      - target: ${N}
                        published: ${UID}
                """);
        Service web = c.service("web");
        assertEquals("1000", web.process().user());
        assertEquals(true, web.security().privileged());
        assertEquals(3, web.deploy().replicas());
        assertEquals(3, web.lifecycle().healthcheck().retries());
        assertEquals(3, web.networking().ports().get(0).target());
        assertEquals("""
                user: "1000"
                """, c.attribute("web", "user"));
    }
}
