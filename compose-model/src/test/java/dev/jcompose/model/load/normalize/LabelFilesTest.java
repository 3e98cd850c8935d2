package dev.jcompose.model.load.normalize;

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

/** label_file: labels from files (a later file wins), under the service's own labels; paths made absolute; a missing file is an error. */
class LabelFilesTest {
    @TempDir
    Path dir;

    private YMap service(String yaml, Map<String, String> env) {
        return (YMap) ((YMap) Normalized.tree(yaml, new NormalizeContext("demo", dir, env, Set.of())).get("services")).get("web");
    }

    @Test
    void fileLabelsAreMergedUnderTheServicesOwn() throws IOException {
        Files.writeString(dir.resolve("one.label"), "com.example.team=${TEAM}\ncom.example.tier=one\nkeep=file\n");
        Files.writeString(dir.resolve("two.label"), "com.example.tier=two\n");
        YMap web = service("""
                services:
                  web:
                    image: app
                    label_file: [./one.label, ./two.label]
                    labels:
                      keep: service
                """, Map.of("TEAM", "core"));
        assertEquals("""
                labels:
                  com.example.team: core
                  com.example.tier: two
                  keep: service
                label_file:
                  - %s
                  - %s
                """.formatted(dir.resolve("one.label"), dir.resolve("two.label")),
                YamlWriter.write(YMap.empty(null).with("labels", web.get("labels")).with("label_file", web.get("label_file"))));
    }

    @Test
    void aSingleFileAsAStringAndAMissingOneIsAnError() throws IOException {
        Files.writeString(dir.resolve("app.label"), "a=1\n");
        YMap web = service("services:\n  web:\n    image: app\n    label_file: app.label\n", Map.of());
        assertEquals("labels:\n  a: \"1\"\n", YamlWriter.write(YMap.empty(null).with("labels", web.get("labels"))));
        String e = assertThrows(ComposeException.class,
                () -> service("services:\n  web:\n    image: app\n    label_file: ./nope.label\n", Map.of())).getMessage();
        assertTrue(e.startsWith("compose.yaml:4:17 services.web.label_file: label file " + dir.resolve("nope.label") + " not found"), e);
    }
}
