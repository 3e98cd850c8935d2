package dev.jcompose.model.load.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jcompose.model.Mark;
import dev.jcompose.model.load.YMap;
import dev.jcompose.model.load.YNode;
import dev.jcompose.model.load.YScalar;
import dev.jcompose.model.load.YSeq;
import dev.jcompose.model.load.YamlReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The schema read by jackson-core is the tree the YAML reader makes of the same JSON (marks aside). */
class SchemaJsonTest {
    private static final Mark NOWHERE = Mark.none("x");

    @Test
    void theBundledSchemaReadsAsTheYamlReaderReadsIt() throws IOException {
        byte[] json;
        try (InputStream in = SchemaValidator.class.getResourceAsStream("compose-spec.json")) {
            json = in.readAllBytes();
        }
        YNode viaYaml = YamlReader.read("compose-spec.json", new String(json, StandardCharsets.UTF_8)).orElseThrow();
        YMap viaJson = SchemaJson.read("compose-spec.json", json);
        assertEquals(unmarked(viaYaml), unmarked(viaJson));
    }

    @Test
    void everyScalarKind() throws IOException {
        String json = "{\"s\":\"80\",\"i\":-3,\"f\":1.5,\"t\":true,\"n\":null,\"a\":[\"x\",{\"y\":false}]}";
        assertEquals(unmarked(YamlReader.read("t.json", json).orElseThrow()),
                unmarked(SchemaJson.read("t.json", json.getBytes(StandardCharsets.UTF_8))));
        YMap read = SchemaJson.read("t.json", json.getBytes(StandardCharsets.UTF_8));
        assertEquals(YScalar.Kind.STRING, ((YScalar) read.get("s")).kind());
        assertEquals(YScalar.Kind.INT, ((YScalar) read.get("i")).kind());
        assertEquals(1, read.keyMark("s").line());
    }

    @Test
    void notAnObject() {
        assertThrows(IOException.class, () -> SchemaJson.read("t.json", "[1]".getBytes(StandardCharsets.UTF_8)));
    }

    private static YNode unmarked(YNode n) {
        if (n instanceof YMap m) {
            Map<String, YNode> entries = new LinkedHashMap<>();
            Map<String, Mark> keys = new LinkedHashMap<>();
            m.entries().forEach((k, v) -> {
                entries.put(k, unmarked(v));
                keys.put(k, NOWHERE);
            });
            return new YMap(entries, keys, NOWHERE, m.tag());
        }
        if (n instanceof YSeq s) {
            return new YSeq(s.items().stream().map(SchemaJsonTest::unmarked).toList(), NOWHERE, s.tag());
        }
        YScalar s = (YScalar) n;
        return new YScalar(s.text(), s.kind(), NOWHERE, s.tag(), s.plain());
    }
}
