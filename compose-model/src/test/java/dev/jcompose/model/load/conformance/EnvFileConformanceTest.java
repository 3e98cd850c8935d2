package dev.jcompose.model.load.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jcompose.model.service.EnvFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code env_file} entries (compose-go transform/envfile.go: a string is {@code {path, required: true}}):
 * {@code config} drops them once read into {@code environment} (docker compose's {@code WithDiscardEnvFile}),
 * the typed model keeps them with absolute paths, {@code required} and {@code format}.
 */
class EnvFileConformanceTest {
    @TempDir
    Path dir;

    @Test
    void theTypedModelKeepsEveryEntryWhileConfigDropsThem() {
        Compose c = Compose.in(dir).write("a.env", "A=1\n").write("sub/b.env", "B=2\n").file("compose.yaml", """
                services:
                  test:
                    image: foo
                    env_file:
                      - a.env
                      - path: ./sub/b.env
                        required: false
                        format: raw
                      - path: missing.env
                        required: false
                """);
        assertEquals(List.of(new EnvFile(dir.resolve("a.env").toString(), true, null),
                new EnvFile(dir.resolve("sub/b.env").toString(), false, "raw"),
                new EnvFile(dir.resolve("missing.env").toString(), false, null)), c.service("test").process().envFiles());
        assertEquals(Map.of("A", "1", "B", "2"), c.service("test").process().environment());
        assertEquals("", c.attribute("test", "env_file"));
    }

    @Test
    void aSingleStringIsOneRequiredEntryAndServicesWithoutKeepNone() {
        Compose c = Compose.in(dir).write("one.env", "X=y\n").file("compose.yaml", """
                services:
                  test:
                    image: foo
                    env_file: one.env
                  other:
                    image: foo
                """);
        assertEquals(List.of(new EnvFile(dir.resolve("one.env").toString(), true, null)), c.service("test").process().envFiles());
        assertEquals(List.of(), c.service("other").process().envFiles());
    }
}
