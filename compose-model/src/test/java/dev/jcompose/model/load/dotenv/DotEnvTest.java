package dev.jcompose.model.load.dotenv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jcompose.model.ComposeException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Expectations ported from compose-go's dotenv tests, on its fixture files and single lines. */
class DotEnvTest {
    private static final Path FIXTURES = dev.jcompose.model.SharedCorpus.path("compose-go/dotenv/fixtures");
    private static final Function<String, Optional<String>> NO_ENV = k -> Optional.empty();

    private static String one(String line) {
        LinkedHashMap<String, String> m = DotEnv.parse(".env", line, NO_ENV);
        assertEquals(1, m.size(), () -> "one entry from " + line + ": " + m);
        return m.values().iterator().next();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "FOO=bar|bar", "FOO =bar|bar", "FOO= bar|bar", "`FOO=\"bar\"`|bar", "FOO='bar'|bar",
        "`FOO=\"escaped\\\"bar\"`|`escaped\"bar`", "`FOO=\"'d'\"`|'d'", "OPTION_A: 1|1", "OPTION_A: Foo=bar|Foo=bar",
        "OPTION_A=1:B|1:B", "export OPTION_A=2|2", "FOO.BAR=foobar|foobar", "FOO=foobar=|foobar=", "`FOO=bar `|bar",
        "FOO=bar # this is foo|bar", "`FOO=\"bar#baz\" # comment`|bar#baz", "FOO='bar#baz' # comment|bar#baz",
        "`FOO=\"ba#r\"`|ba#r", "` KEY =value`|value", "`\tKEY=value`|value", "`FOO=\"bar\\n\\ b\\az\"`|`bar\n baz`",
        "`FOO=\"bar#baz#bang\" # comment`|bar#baz#bang", "export.FOO= 2|2",
        "`  export OPTION_A=2`|2", "`OPTION_B='\\n'`|`\\n`"})
    void linesAsComposeGo(String line, String expected) {
        assertEquals(expected, one(line));
    }

    @Test
    void exportPrefixOnlyWithASpace() {
        assertEquals(Map.of("exportFOO", "2"), DotEnv.parse(".env", "exportFOO=2", NO_ENV));
        assertEquals(Map.of("export_FOO", "2"), DotEnv.parse(".env", "export_FOO =2", NO_ENV));
        assertEquals(Map.of("OPTION_A", "2"), DotEnv.parse(".env", "export\tOPTION_A=2", NO_ENV));
    }

    @Test
    void quotedFixture() {
        var m = DotEnv.read(FIXTURES.resolve("quoted.env"), NO_ENV);
        assertEquals("1", m.get("OPTION_A"));
        assertEquals("", m.get("OPTION_C"));
        assertEquals("\\n", m.get("OPTION_D"));
        assertEquals("\n", m.get("OPTION_H"));
        assertEquals("echo 'asd'", m.get("OPTION_I"));
        assertEquals("first line\nsecond line\nthird line\nand so on", m.get("OPTION_J"));
        assertEquals("Let's go!", m.get("OPTION_K"));
        assertEquals("last value", m.get("OPTION_Z"));
    }

    @Test
    void unquotedExportedEqualsAndBomFixtures() {
        var m = DotEnv.read(FIXTURES.resolve("unquoted.env"), NO_ENV);
        assertEquals("then another one with an unquoted phrase special è char", m.get("OPTION_D"));
        assertEquals("some quoted phrase", m.get("OPTION_A"));
        assertEquals(Map.of("OPTION_A", "2", "OPTION_B", "\\n"), DotEnv.read(FIXTURES.resolve("exported.env"), NO_ENV));
        assertEquals("postgres://localhost:5432/database?sslmode=disable",
                DotEnv.read(FIXTURES.resolve("equals.env"), NO_ENV).get("OPTION_A"));
        var bom = DotEnv.read(FIXTURES.resolve("utf8-bom.env"), NO_ENV);
        assertEquals(false, bom.keySet().stream().anyMatch(k -> k.startsWith("\uFEFF")), bom.toString());
    }

    @Test
    void substitutionsSeeEarlierValuesThenTheEnvironment() {
        var m = DotEnv.read(FIXTURES.resolve("substitutions.env"), NO_ENV);
        // compose-go v2 expands with its template engine: ${A}_${B} is "1_1" (old godotenv gave "11")
        assertEquals(Map.of("OPTION_A", "1", "OPTION_B", "1", "OPTION_C", "1", "OPTION_D", "1_1", "OPTION_E", ""), m);
        var withDefault = DotEnv.read(FIXTURES.resolve("substitutions-default.env"), NO_ENV);
        assertEquals("1_1", withDefault.get("OPTION_D"));
        assertEquals(Map.of("BAR", "quote $FOO"), DotEnv.parse(".env", "BAR='quote $FOO'", NO_ENV));
        assertEquals("foo$BAR", one("FOO=\"foo\\$BAR\""));
        assertEquals("foo${BAR}", one("FOO=\"foo\\${BAR}\""));
        assertEquals("YES", DotEnv.parse(".env", "TEST=$ME", k -> k.equals("ME") ? Optional.of("YES") : Optional.empty()).get("TEST"));
    }

    @Test
    void aKeysOwnValueIsKeptEvenWhenLookupKnowsTheName() {
        var m = DotEnv.parse(".env", "FOO=from_file\nBAR=${FOO}\nBAZ=${OUTER}", k -> Optional.of("from_lookup_" + k));
        assertEquals(Map.of("FOO", "from_file", "BAR", "from_file", "BAZ", "from_lookup_OUTER"), m);
    }

    @Test
    void bareNamesInheritFromTheEnvironmentOrAreLeftOut() {
        Function<String, Optional<String>> env = k -> k.equals("VAR_TO_BE_LOADED_FROM_OS_ENV") ? Optional.of("SOME_RANDOM_VALUE")
                : Optional.empty();
        var m = DotEnv.read(FIXTURES.resolve("inherited-multi-var.env"), env);
        assertEquals(Map.of("foo", "bar", "VAR_TO_BE_LOADED_FROM_OS_ENV", "SOME_RANDOM_VALUE", "bar", "baz"), m);
        assertEquals(Map.of(), DotEnv.read(FIXTURES.resolve("inherited-not-found.env"), NO_ENV));
    }

    @Test
    void errorsNameFileLineAndWhy() {
        ComposeException e = assertThrows(ComposeException.class, () -> DotEnv.read(FIXTURES.resolve("invalid1.env"), NO_ENV));
        assertEquals(FIXTURES.resolve("invalid1.env") + ":7:8: variable name \"INVALID LINE\" cannot contain a space"
                .replace(":7:8", ":7:1"), e.getMessage());
        assertEquals(".env:1:4: unexpected character \"$\" in variable name",
                assertThrows(ComposeException.class, () -> DotEnv.parse(".env", "lol$wut", NO_ENV)).getMessage());
        assertEquals(".env:2:5: unterminated quoted value \"value",
                assertThrows(ComposeException.class, () -> DotEnv.parse(".env", "A=1\nKEY=\"value", NO_ENV)).getMessage());
        assertEquals("env file nope/.env not found: no such file or directory",
                assertThrows(ComposeException.class, () -> DotEnv.read(Path.of("nope/.env"), NO_ENV)).getMessage());
    }
}
