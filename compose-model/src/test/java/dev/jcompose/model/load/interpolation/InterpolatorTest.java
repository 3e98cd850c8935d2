package dev.jcompose.model.load.interpolation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jcompose.model.ComposeException;
import dev.jcompose.model.Mark;
import dev.jcompose.model.load.YMap;
import dev.jcompose.model.load.YScalar;
import dev.jcompose.model.load.YamlReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** compose-go's template semantics (its template_test.go expectations) on our interpolator. */
class InterpolatorTest {
    private static final Map<String, String> ENV = Map.of("FOO", "first", "BAR", "", "ZERO", "0", "NESTED", "nested");
    private final List<String> unset = new ArrayList<>();
    private final Interpolator interpolator = new Interpolator(k -> Optional.ofNullable(ENV.get(k)), unset::add);

    private String sub(String template) {
        return interpolator.substitute(template, new Mark("compose.yaml", 3, 5), "services.web.image");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "$FOO|first", "${FOO}|first", "ok $FOO ok|ok first ok", "${FOO}_bar|first_bar", "$$FOO|$FOO", "$${FOO}|${FOO}",
        "${BAR:-default}|default", "${BAR-default}|``", "${UNSET-default}|default", "${UNSET:-default}|default",
        "${FOO:-default}|first", "${FOO:+alt}|alt", "${BAR:+alt}|``", "${BAR+alt}|alt", "${UNSET+alt}|``",
        "ok ${UNSET:-/non:-alphanumeric}|ok /non:-alphanumeric", "${UNSET:-a-b_c.d}|a-b_c.d",
        "${UNSET:-${UNSET2:-${FOO}}}|first", "${FOO:+${NESTED}}|nested", "${UNSET:-$$}|$", "${UNSET:-$FOO}|first",
        "{FOO}|{FOO}", "$FOO.bar|first.bar", "$FOO-bar|first-bar", "${FOO}}|first}",
        "${UNSET:-${FOO}}|first", "${UNSET:-${UNSET2:-deep}}|deep", "${UNSET:-a ${NESTED} b}|a nested b",
        "${FOO:?must be set}|first", "${ZERO}|0", "no dollar|no dollar", "${UNSET:-}|``"})
    void substitutesAsComposeGo(String template, String expected) {
        assertEquals(expected, sub(template));
    }

    @Test
    void unsetVariablesBecomeBlankAndAreReported() {
        assertEquals("a  ", sub("a ${NOPE} $NOPE2b"));
        assertEquals(List.of("NOPE", "NOPE2b"), unset);
    }

    @Test
    void requiredAndInvalidTemplatesAreLocatedErrors() {
        assertEquals("compose.yaml:3:5 services.web.image: required variable UNSET is missing a value: need it",
                assertThrows(ComposeException.class, () -> sub("${UNSET:?need it}")).getMessage());
        assertEquals("compose.yaml:3:5 services.web.image: required variable BAR is missing a value",
                assertThrows(ComposeException.class, () -> sub("${BAR:?}")).getMessage());
        assertEquals("echo $(date) $1 $ end $", sub("echo $(date) $1 $ end $"), "a $ that starts no variable stays");
        for (String bad : List.of("${", "${}", "${FOO", "${ FOO}", "${FOO!}")) {
            ComposeException e = assertThrows(ComposeException.class, () -> sub(bad), bad);
            assertEquals("compose.yaml:3:5 services.web.image: invalid interpolation format for services.web.image: \"" + bad
                    + "\" (you may need to escape any $ with another $)", e.getMessage());
        }
    }

    @Test
    void treesAreInterpolatedInValuesOnlyAndRetypedOnlyWhereComposeGoCasts() {
        YMap tree = (YMap) YamlReader.read("c.yaml", """
                services:
                  $FOO:
                    scale: ${ZERO}
                    deploy:
                      replicas: "${ZERO}"
                    user: ${ZERO}
                    quoted: "${ZERO}"
                    list: [$FOO, "$$"]
                """).orElseThrow();
        YMap out = (YMap) interpolator.interpolate(tree, "");
        YMap svc = (YMap) ((YMap) out.get("services")).get("$FOO");
        assertEquals(YScalar.Kind.INT, ((YScalar) svc.get("scale")).kind());
        assertEquals(YScalar.Kind.INT, ((YScalar) ((YMap) svc.get("deploy")).get("replicas")).kind(), "cast even when quoted");
        assertEquals(YScalar.Kind.STRING, ((YScalar) svc.get("user")).kind(), "user: ${UID} stays a string");
        assertEquals(YScalar.Kind.STRING, ((YScalar) svc.get("quoted")).kind());
        assertEquals("0", ((YScalar) svc.get("quoted")).text());
        assertEquals("$", ((YScalar) ((dev.jcompose.model.load.YSeq) svc.get("list")).items().get(1)).text());
    }

    @Test
    void treeErrorsNameTheValuesPathAndPosition() {
        var tree = YamlReader.read("compose.yaml", """
                services:
                  web:
                    image: nginx
                    ports:
                      - "80:80"
                      - "${PORT:?set PORT}:80"
                    command: echo ${
                """).orElseThrow();
        var required = assertThrows(ComposeException.class, () -> interpolator.interpolate(tree, ""));
        assertEquals("compose.yaml:6:9 services.web.ports[1]: required variable PORT is missing a value: set PORT",
                required.getMessage());
        var lenient = new Interpolator(k -> Optional.of("8080"), unset::add);
        var invalid = assertThrows(ComposeException.class, () -> lenient.interpolate(tree, ""));
        assertEquals("compose.yaml:7:14 services.web.command: invalid interpolation format for services.web.command:"
                + " \"echo ${\" (you may need to escape any $ with another $)", invalid.getMessage());
    }
}
