package dev.jcompose.model.load.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.model.Service;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** extends: compose-go loader/extends_test.go (same file, other file with its relative paths, chains, cycles, missing service). */
class ExtendsConformanceTest {
    @TempDir
    Path dir;

    @Test
    void sameFileMergesTheBaseUnderTheService() {
        Compose c = Compose.in(dir).file("compose.yaml", """
                services:
                  base:
                    image: busybox
                    environment: {A: "1", B: "1"}
                    command: sleep 1
                  web:
                    extends: base
                    environment: {B: "2"}
                  other:
                    extends:
                      service: web
                    command: sleep 2
                """);
        Service web = c.service("web");
        assertEquals("busybox", web.image());
        assertEquals(Map.of("A", "1", "B", "2"), web.process().environment());
        assertEquals(List.of("sleep", "1"), web.process().command());
        Service other = c.service("other");
        assertEquals(List.of("sleep", "2"), other.process().command());
        assertEquals(Map.of("A", "1", "B", "2"), other.process().environment());
        assertEquals("", c.attribute("web", "extends"));
    }

    @Test
    void anotherFilesRelativePathsStayRelativeToIt() {
        Compose c = Compose.in(dir).write("sub/base.yaml", """
                services:
                  base:
                    build: ./context
                    volumes: ["./data:/data"]
                    env_file: base.env
                """).write("sub/base.env", "FROM_BASE=yes\n").file("compose.yaml", """
                services:
                  web:
                    extends:
                      file: sub/base.yaml
                      service: base
                """);
        Service web = c.service("web");
        assertEquals(dir.resolve("sub/context").toString(), web.build().context());
        assertEquals(dir.resolve("sub/data").toString(), web.storage().volumes().get(0).source());
        assertEquals("yes", web.process().environment().get("FROM_BASE"));
    }

    @Test
    void aCycleIsAnError() {
        String e = Compose.in(dir).file("compose.yaml", """
                services:
                  a:
                    image: busybox
                    extends: b
                  b:
                    image: busybox
                    extends: a
                """).error();
        assertTrue(e.contains("compose.yaml:") && (e.contains("cycle") || e.contains("circular")), e);
    }

    @Test
    void aMissingServiceIsALocatedError() {
        String e = Compose.in(dir).file("compose.yaml", """
                services:
                  web:
                    extends: nope
                """).error();
        assertTrue(e.contains("compose.yaml:3:") && e.contains("nope"), e);
    }
}
