package dev.jcompose.model.load.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.model.service.BuildConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** build: compose-go loader_test.go (string form, context resolved, dockerfile default) and override/merge_build_test.go. */
class BuildConformanceTest {
    @TempDir
    Path dir;

    @Test
    void stringFormIsTheContextResolvedAgainstTheProject() {
        Compose c = Compose.in(dir).file("compose.yaml", """
                services:
                  web:
                    build: ./web
                """);
        BuildConfig b = c.service("web").build();
        assertEquals(dir.resolve("web").toString(), b.context());
        assertEquals("Dockerfile", b.dockerfile());
        assertEquals("""
                build:
                  context: %s
                  dockerfile: Dockerfile
                """.formatted(dir.resolve("web")), c.attribute("web", "build"));
    }

    @Test
    void argsMergeByNameAndTagsAreUnited() {
        Compose c = Compose.in(dir).file("compose.yaml", """
                services:
                  test:
                    build:
                      context: .
                      args:
                        FOO: BAR
                        NUM: 1
                      tags:
                        - "myimage:mytag"
                """).file("override.yaml", """
                services:
                  test:
                    build:
                      args:
                        - EMPTY=
                        - QIX=ZOT
                        - NUM=3
                      tags:
                        - "myimage:mytag"
                        - "registry/username/myrepos:my-other-tag"
                """);
        BuildConfig b = c.service("test").build();
        assertEquals(Map.of("FOO", "BAR", "NUM", "3", "EMPTY", "", "QIX", "ZOT"), b.args());
        assertEquals(List.of("myimage:mytag", "registry/username/myrepos:my-other-tag"), b.tags());
        assertEquals(dir.toString(), b.context());
    }

    @Test
    void dockerfileAndDockerfileInlineAreExclusive() {
        String e = Compose.in(dir).file("compose.yaml", """
                services:
                  web:
                    build:
                      context: .
                      dockerfile: Dockerfile
                      dockerfile_inline: FROM scratch
                """).error();
        assertTrue(e.contains("services.web.build: service \"web\" declares mutually exclusive dockerfile and dockerfile_inline"), e);
    }
}
