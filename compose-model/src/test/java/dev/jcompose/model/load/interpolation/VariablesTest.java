package dev.jcompose.model.load.interpolation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jcompose.model.load.YamlReader;
import dev.jcompose.model.load.interpolation.Variables.Variable;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** compose-go's ExtractVariables expectations: names, defaults, alternates, required, nesting, escapes. */
class VariablesTest {
    @Test
    void formsOfOneTemplate() {
        assertEquals(Map.of("FOO", new Variable("FOO", false, null, null)), Variables.of("$FOO"));
        assertEquals(Map.of("FOO", new Variable("FOO", false, "bar", null)), Variables.of("${FOO:-bar}"));
        assertEquals(Map.of("FOO", new Variable("FOO", false, "bar", null)), Variables.of("${FOO-bar}"));
        assertEquals(Map.of("FOO", new Variable("FOO", false, null, "alt")), Variables.of("${FOO:+alt}"));
        assertEquals(Map.of("FOO", new Variable("FOO", true, null, null)), Variables.of("${FOO:?must}"));
        assertEquals(Map.of("FOO", new Variable("FOO", true, null, null)), Variables.of("${FOO?}"));
        assertEquals(Map.of(), Variables.of("$$FOO $${BAR} plain $ $1"));
    }

    @Test
    void nestedDefaultsListEveryName() {
        assertEquals(Map.of("A", new Variable("A", false, "${B:-c}", null), "B", new Variable("B", false, "c", null)),
                Variables.of("${A:-${B:-c}}"));
    }

    @Test
    void treeValuesNotKeysSortedByName() {
        var doc = YamlReader.readAll("compose.yaml", """
                services:
                  ${KEY}:
                    image: ${IMAGE:-nginx}
                    ports: ["${PORT:?need a port}:80"]
                    command: [echo, $ZED, "$${NOT}"]
                """).get(0);
        var vars = Variables.of(doc);
        assertEquals(List.of("IMAGE", "PORT", "ZED"), List.copyOf(vars.keySet()));
        assertEquals("nginx", vars.get("IMAGE").defaultValue());
        assertEquals(true, vars.get("PORT").required());
    }
}
