package dev.jcompose.model.load.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * environment and env_file: compose-go loader_test.go (list and mapping forms, env_file values under
 * environment), override/merge_environment_test.go (merged by name) and override/merge_env_file_test.go
 * (appended, unique by path, an override keeping its place).
 */
class EnvironmentConformanceTest {
    @TempDir
    Path dir;

    @Test
    void listAndMappingFormsAreTheSame() {
        Compose list = Compose.in(dir).file("compose.yaml", """
                services:
                  dict-env:
                    image: busybox
                    environment:
                      - FOO=1
                      - BAR=2
                      - BAZ=2.5
                      - QUX=
                """);
        assertEquals(Map.of("FOO", "1", "BAR", "2", "BAZ", "2.5", "QUX", ""), list.service("dict-env").process().environment());
        assertEquals("""
                environment:
                  BAR: "2"
                  BAZ: "2.5"
                  FOO: "1"
                  QUX: ""
                """, list.attribute("dict-env", "environment"));
    }

    @Test
    void overridesMergeByName() {
        Compose c = Compose.in(dir).file("compose.yaml", """
                services:
                  test:
                    image: foo
                    environment:
                      - FOO=foo
                      - BAR=bar
                """).file("override.yaml", """
                services:
                  test:
                    environment:
                      BAR: bar2
                      QIX: qix
                """);
        assertEquals(Map.of("FOO", "foo", "BAR", "bar2", "QIX", "qix"), c.service("test").process().environment());
    }

    @Test
    void envFileValuesAreUnderEnvironment() {
        Compose c = Compose.in(dir).write("example1.env", "FOO=from-file\nBAR=from-file\n").write("example2.env", "BAR=second-file\n")
                .file("compose.yaml", """
                        services:
                          web:
                            image: busybox
                            env_file: [example1.env, example2.env]
                            environment:
                              FOO: from-environment
                        """);
        Map<String, String> env = c.service("web").process().environment();
        assertEquals("from-environment", env.get("FOO"));
        assertEquals("second-file", env.get("BAR"));
    }

    @Test
    void envFilesAppendUniqueByPathKeepingTheirPlace() {
        assertEquals(List.of("foo.env true", "bar.env true"), entries(Compose.merged(
                "services:\n  test:\n    image: foo\n    env_file: foo.env\n",
                "services:\n  test:\n    env_file: [bar.env, foo.env]\n", "test", "env_file")));
        assertEquals(List.of("bar.env true", "foo.env false"), entries(Compose.merged(
                "services:\n  test:\n    image: foo\n    env_file: [bar.env, foo.env]\n",
                "services:\n  test:\n    env_file:\n      - path: foo.env\n        required: false\n", "test", "env_file")));
        // the order is the order values are read in: foo.env then bar.env, so bar.env's X wins
        Compose c = Compose.in(dir).write("foo.env", "X=foo\n").write("bar.env", "X=bar\n")
                .file("compose.yaml", "services:\n  test:\n    image: foo\n    env_file: foo.env\n")
                .file("override.yaml", "services:\n  test:\n    env_file: [bar.env, foo.env]\n");
        assertEquals("bar", c.service("test").process().environment().get("X"));
    }

    /** "path required" of each env_file entry of a printed {@code env_file:} block, in order. */
    private static List<String> entries(String yaml) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (String item : yaml.split("\n  - ")) {
            java.util.regex.Matcher p = java.util.regex.Pattern.compile("path: (\\S+)").matcher(item);
            java.util.regex.Matcher r = java.util.regex.Pattern.compile("required: (\\S+)").matcher(item);
            if (p.find() && r.find()) {
                out.add(p.group(1) + " " + r.group(1));
            }
        }
        return out;
    }

    @Test
    void aMissingRequiredEnvFileIsALocatedError() {
        String e = Compose.in(dir).file("compose.yaml", """
                services:
                  web:
                    image: busybox
                    env_file: nope.env
                """).error();
        assertTrue(e.matches(".*compose.yaml:4:\\d+ services.web.env_file: env file .*nope.env not found.*"), e);
    }

    @Test
    void aMissingOptionalEnvFileIsSkipped() {
        Compose c = Compose.in(dir).file("compose.yaml", """
                services:
                  web:
                    image: busybox
                    env_file:
                      - path: nope.env
                        required: false
                """);
        assertEquals(Map.of(), c.service("web").process().environment());
    }
}
