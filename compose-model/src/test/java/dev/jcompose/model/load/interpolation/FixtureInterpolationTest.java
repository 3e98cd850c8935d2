package dev.jcompose.model.load.interpolation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.model.Mark;
import dev.jcompose.model.load.YMap;
import dev.jcompose.model.load.YNode;
import dev.jcompose.model.load.YScalar;
import dev.jcompose.model.load.YSeq;
import dev.jcompose.model.load.YamlReader;
import dev.jcompose.model.load.dotenv.DotEnv;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The corpus fixtures through the static entry points: compose-go's using-variables.yaml and its .env pairs. */
class FixtureInterpolationTest {
    private static final Path CORPUS = dev.jcompose.model.SharedCorpus.path("compose-go");

    private static void scalars(YNode n, List<YScalar> out) {
        if (n instanceof YScalar s) {
            out.add(s);
        } else if (n instanceof YSeq q) {
            q.items().forEach(i -> scalars(i, out));
        } else if (n instanceof YMap m) {
            m.entries().values().forEach(v -> scalars(v, out));
        }
    }

    @Test
    void usingVariablesFixtureNeedsOnlyVariable() throws Exception {
        String text = Files.readString(CORPUS.resolve("schema/using-variables.yaml"));
        YNode doc = YamlReader.readAll("using-variables.yaml", text).get(0);
        List<String> asked = new ArrayList<>();
        YNode out = Interpolator.interpolate(doc, k -> {
            asked.add(k);
            return k.equals("VARIABLE") ? Optional.of("42") : Optional.empty();
        }, "");
        assertFalse(asked.isEmpty());
        assertTrue(asked.stream().allMatch("VARIABLE"::equals), "asked for " + asked);
        List<YScalar> all = new ArrayList<>();
        scalars(out, all);
        assertTrue(all.stream().noneMatch(s -> s.text().contains("$")), "a $ survived");
        YMap services = (YMap) ((YMap) out).entries().get("services");
        YMap first = (YMap) services.entries().values().iterator().next();
        // a plain "${VARIABLE}" becomes the integer 42, like a plain 42 would
        assertEquals(YScalar.Kind.INT, ((YScalar) ((YMap) first.entries().get("deploy")).entries().get("replicas")).kind());
        assertEquals("42", ((YScalar) first.entries().get("image")).text());
    }

    @Test
    void staticSubstituteLocatesErrors() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(dev.jcompose.model.ComposeException.class,
                () -> Interpolator.substitute("${", k -> Optional.empty(), new Mark("compose.yaml", 4, 12), "services.web.image"));
        assertEquals("compose.yaml:4:12 services.web.image: invalid interpolation format for services.web.image: \"${\""
                + " (you may need to escape any $ with another $)",
                e.getMessage());
    }

    @Test
    void overrideEnvFileSeesItsOwnEarlierKeys() {
        Map<String, String> base = DotEnv.read(CORPUS.resolve("types/fixtures/base.env"), k -> Optional.empty());
        assertEquals("foo_from_base.env", base.get("INTERPOLATED_FOO"));
        assertEquals("zot_from_base.env", base.get("INTERPOLATED_ZOT"));
        Map<String, String> over = DotEnv.read(CORPUS.resolve("types/fixtures/override.env"), k -> Optional.ofNullable(base.get(k)));
        assertEquals("foo_from_override.env", over.get("INTERPOLATED_FOO"));
        assertEquals("bar_from_override.env", over.get("INTERPOLATED_BAR"));
        assertEquals(List.of("FOO", "INTERPOLATED_FOO", "BAR", "INTERPOLATED_BAR"), List.copyOf(over.keySet()));
    }
}
