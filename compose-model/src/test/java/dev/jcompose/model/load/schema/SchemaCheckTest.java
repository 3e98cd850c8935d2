package dev.jcompose.model.load.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.model.load.YMap;
import dev.jcompose.model.load.YNode;
import dev.jcompose.model.load.YamlReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The draft-7 evaluator on small schemas: the keyword semantics the compose schema relies on. */
class SchemaCheckTest {
    private static YNode yaml(String text) {
        return YamlReader.read("t.yaml", text).orElseThrow();
    }

    /** The keywords of the violations of {@code instance} against {@code schema} ("" when valid). */
    private static String check(String schema, String instance) {
        YMap root = (YMap) yaml(schema);
        List<Violation> out = new ArrayList<>();
        boolean ok = new SchemaCheck(SchemaNode.definitions(root)).check(yaml(instance), SchemaNode.compile(root), List.of(), out);
        assertEquals(ok, out.isEmpty());
        return String.join(",", out.stream().map(v -> v.keyword() + "@" + v.pathText()).toList());
    }

    @Test
    void typesFollowDraft7IncludingIntegralNumbers() {
        assertEquals("", check("{type: integer}", "3"));
        assertEquals("", check("{type: integer}", "3.0"), "a number with no fraction is an integer");
        assertEquals("type@", check("{type: integer}", "3.5"));
        assertEquals("", check("{type: number}", "3"));
        assertEquals("type@", check("{type: [string, 'null']}", "[a]"));
        assertEquals("", check("{type: [string, 'null']}", "~"));
        assertEquals("type@", check("{type: string}", "true"));
    }

    @Test
    void oneOfNeedsExactlyOneMatch() {
        String schema = "{oneOf: [{type: number}, {type: integer}, {type: string}]}";
        assertEquals("", check(schema, "x"));
        assertEquals("oneOf@", check(schema, "1"), "an integer is a number too: two alternatives match");
        assertEquals("type@,type@,type@,oneOf@", check(schema, "[1]"), "no match: the alternatives' violations, then oneOf");
    }

    @Test
    void propertiesPatternPropertiesAdditionalAndRequired() {
        String schema = """
                {type: object, required: [name], properties: {name: {type: string}},
                 patternProperties: {"^x-": {}}, additionalProperties: false}
                """;
        assertEquals("", check(schema, "{name: a, x-extra: [1]}"));
        assertEquals("required@,additionalProperties@", check(schema, "{other: 1}"));
        assertEquals("type@name", check(schema, "{name: 1}"));
        assertEquals("type@a.b", check("{additionalProperties: {properties: {b: {type: string}}}}", "{a: {b: 1}}"));
    }

    @Test
    void itemsUniqueEnumPatternAndBounds() {
        assertEquals("type@[1]", check("{items: {type: string}}", "[a, 1]"));
        assertEquals("uniqueItems@", check("{uniqueItems: true}", "[{a: 1, b: 2}, {b: 2, a: 1}]"), "mappings equal regardless of order");
        assertEquals("", check("{uniqueItems: true}", "[1, '1']"), "a number and a string differ");
        assertEquals("enum@", check("{enum: [a, b]}", "c"));
        assertEquals("", check("{pattern: '[0-9]'}", "a1b"), "pattern is a search, not a whole match");
        assertEquals("pattern@", check("{pattern: '^[0-9]+$'}", "a1b"));
        assertEquals("minimum@", check("{minimum: 0}", "-1"));
        assertEquals("maximum@", check("{maximum: 100}", "100.5"));
        assertEquals("", check("{minimum: 0, pattern: '5'}", "'-5'"), "bounds apply to numbers only");
        assertEquals("minimum@", check("{minimum: 0, pattern: x}", "-5"), "pattern applies to strings only");
    }

    @Test
    void refsResolveToDefinitionsAndUnknownKeywordsAreRefused() {
        assertEquals("type@a", check("{definitions: {s: {type: string}}, properties: {a: {$ref: '#/definitions/s'}}}", "{a: 1}"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> SchemaNode.compile(yaml("{anyOf: []}")));
        assertTrue(e.getMessage().contains("unsupported keyword \"anyOf\""), e.getMessage());
    }
}
