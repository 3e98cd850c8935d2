package dev.jcompose.model.load.normalize;

import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jcompose.model.ComposeException;
import dev.jcompose.model.load.YMap;
import dev.jcompose.model.load.YamlReader;
import dev.jcompose.model.load.output.YamlWriter;
import dev.jcompose.model.load.transform.ShortSyntax;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * Test fixture: one compose file (text) through the steps a single-file project takes —
 * YamlReader, long form, {@link Normalizer} — with project {@code demo} in {@code /work/demo}.
 */
final class Normalized {
    static final Path DIR = Path.of("/work/demo");
    static final NormalizeContext CTX = new NormalizeContext("demo", DIR, Map.of("HOME", "/home/me", "FROM_ENV", "env-value"), Set.of());

    private Normalized() {
    }

    static YMap tree(String yaml) {
        return tree(yaml, CTX);
    }

    static YMap tree(String yaml, NormalizeContext ctx) {
        YMap file = (YMap) YamlReader.read("compose.yaml", yaml).orElseThrow();
        return Normalizer.normalize(ShortSyntax.expand(file), ctx);
    }

    /** The canonical YAML of the whole project. */
    static String yaml(String yaml) {
        return YamlWriter.write(tree(yaml));
    }

    /** The canonical YAML of one service's attribute ({@code key: ...} block, unindented). */
    static String attribute(String yaml, String service, String key) {
        YMap s = (YMap) ((YMap) tree(yaml).get("services")).get(service);
        if (!s.has(key)) {
            return "";
        }
        return YamlWriter.write(YMap.empty(null).with(key, s.get(key)));
    }

    static String error(String yaml) {
        return assertThrows(ComposeException.class, () -> tree(yaml)).getMessage();
    }
}
