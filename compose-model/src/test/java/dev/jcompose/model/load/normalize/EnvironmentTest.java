package dev.jcompose.model.load.normalize;

import static dev.jcompose.model.load.normalize.Normalized.attribute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.model.ComposeException;
import dev.jcompose.model.load.YMap;
import dev.jcompose.model.load.output.YamlWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** environment as a sorted map, bare names resolved or dropped, env_file values under the service's own. */
class EnvironmentTest {
    @TempDir
    Path dir;

    @Test
    void listAndMapFormsGiveOneSortedMap() {
        String expected = """
                environment:
                  EMPTY: ""
                  FROM_ENV: env-value
                  NUMBER: "42"
                  Z: last
                """;
        assertEquals(expected, attribute("""
                services:
                  web:
                    image: app
                    environment: [Z=last, NUMBER=42, EMPTY=, FROM_ENV, UNSET]
                """, "web", "environment"));
        assertEquals(expected, attribute("""
                services:
                  web:
                    image: app
                    environment:
                      Z: last
                      NUMBER: 42
                      EMPTY: ""
                      FROM_ENV:
                      UNSET:
                """, "web", "environment"));
    }

    @Test
    void envFilesAreMergedBelowTheServiceValues() throws IOException {
        Files.writeString(dir.resolve("example1.env"), "FOO=foo_from_env_file\nBAR=bar_from_env_file\nBAZ=baz_from_env_file\n");
        Files.writeString(dir.resolve("example2.env"), "BAR=bar_from_env_file_2\n");
        NormalizeContext ctx = new NormalizeContext("demo", dir, Map.of("QUX", "qux_from_environment"), Set.of());
        YMap tree = Normalized.tree("""
                services:
                  foo:
                    image: app
                    env_file:
                      - ./example1.env
                      - path: ./example2.env
                        required: false
                      - path: ./missing.env
                        required: false
                    environment:
                      BAZ: baz_from_service_def
                      QUX:
                """, ctx);
        YMap foo = (YMap) ((YMap) tree.get("services")).get("foo");
        assertEquals("""
                environment:
                  BAR: bar_from_env_file_2
                  BAZ: baz_from_service_def
                  FOO: foo_from_env_file
                  QUX: qux_from_environment
                """, YamlWriter.write(YMap.empty(null).with("environment", foo.get("environment"))));
        assertEquals(false, foo.has("env_file"), "env_file is discarded once read, as docker compose does");
    }

    @Test
    void missingRequiredEnvFileIsAnError() {
        NormalizeContext ctx = new NormalizeContext("demo", dir, Map.of(), Set.of());
        String e = assertThrows(ComposeException.class, () -> Normalized.tree("""
                services:
                  foo:
                    image: app
                    env_file: ./nope.env
                """, ctx)).getMessage();
        assertTrue(e.startsWith("compose.yaml:4:15 services.foo.env_file: env file " + dir.resolve("nope.env") + " not found"), e);
    }

    @Test
    void envFileValuesInterpolateFromProjectThenServiceEnvironment() throws IOException {
        Files.writeString(dir.resolve("app.env"), "URL=http://${HOST}:${PORT}\n");
        NormalizeContext ctx = new NormalizeContext("demo", dir, Map.of("HOST", "db"), Set.of());
        YMap foo = (YMap) ((YMap) Normalized.tree("""
                services:
                  foo:
                    image: app
                    env_file: app.env
                    environment:
                      PORT: "5432"
                      HOST: ignored-for-interpolation
                """, ctx).get("services")).get("foo");
        assertEquals("http://db:5432", ((dev.jcompose.model.load.YScalar) ((YMap) foo.get("environment")).get("URL")).text());
    }
}
