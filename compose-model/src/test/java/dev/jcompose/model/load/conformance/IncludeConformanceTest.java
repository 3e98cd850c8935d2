package dev.jcompose.model.load.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.model.Project;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** include: compose-go loader/include_test.go (relative paths of the included file, project_directory, env_file, conflicts). */
class IncludeConformanceTest {
    @TempDir
    Path dir;

    @Test
    void includedServicesKeepTheirOwnDirectory() {
        Compose c = Compose.in(dir).write("dir/compose.yaml", """
                services:
                  included:
                    build: ./context
                    volumes: ["./data:/data"]
                networks:
                  backend: {}
                """).file("compose.yaml", """
                include:
                  - dir/compose.yaml
                services:
                  web:
                    image: busybox
                    depends_on: [included]
                """);
        Project p = c.project();
        assertEquals(dir.resolve("dir/context").toString(), p.services().get("included").build().context());
        assertEquals(dir.resolve("dir/data").toString(), p.services().get("included").storage().volumes().get(0).source());
        assertTrue(p.networks().containsKey("backend"));
        assertEquals("demo", p.name());
    }

    @Test
    void projectDirectoryAndEnvFileOfTheInclude() {
        Compose c = Compose.in(dir).write("dir/included.yaml", """
                services:
                  included:
                    image: ${IMAGE}
                    volumes: ["./data:/data"]
                """).write("dir/included.env", "IMAGE=from-include-env\n").file("compose.yaml", """
                include:
                  - path: dir/included.yaml
                    project_directory: .
                    env_file: dir/included.env
                services:
                  web:
                    image: busybox
                """);
        Project p = c.project();
        assertEquals("from-include-env", p.services().get("included").image());
        assertEquals(dir.resolve("data").toString(), p.services().get("included").storage().volumes().get(0).source());
    }

    @Test
    void aServiceDefinedTwiceIsAConflict() {
        String e = Compose.in(dir).write("dir/compose.yaml", """
                services:
                  web:
                    image: busybox
                """).file("compose.yaml", """
                include:
                  - dir/compose.yaml
                services:
                  web:
                    image: nginx
                """).error();
        assertTrue(e.contains("conflict") && e.contains("web"), e);
    }
}
