package dev.jcompose.model.load;

import dev.jcompose.model.Mark;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.model.ComposeException;
import org.junit.jupiter.api.Test;

class YamlReaderTest {

    private static YMap read(String yaml) {
        return (YMap) YamlReader.read("compose.yaml", yaml).orElseThrow();
    }

    @Test
    void keepsLineAndColumnOfEveryValue() {
        YMap root = read("""
                services:
                  web:
                    image: nginx
                    ports:
                      - "80:80"
                """);
        YMap web = (YMap) ((YMap) root.get("services")).get("web");
        assertEquals(new Mark("compose.yaml", 3, 12), web.get("image").mark());
        YSeq ports = (YSeq) web.get("ports");
        assertEquals(new Mark("compose.yaml", 5, 9), ports.items().get(0).mark());
        assertEquals(new Mark("compose.yaml", 3, 5), web.keyMark("image"));
    }

    @Test
    void typesPlainScalarsByTheCoreSchemaAndQuotedOnesAsStrings() {
        YMap m = read("""
                a: 80
                b: "80"
                c: true
                d: yes
                e: 1.5
                f: ~
                g: 80:80
                h: 0x1F
                """);
        assertEquals(80L, ((YScalar) m.get("a")).value());
        assertEquals("80", ((YScalar) m.get("b")).value());
        assertEquals(Boolean.TRUE, ((YScalar) m.get("c")).value());
        assertEquals("yes", ((YScalar) m.get("d")).value(), "YAML 1.2: yes is a string");
        assertEquals(1.5, ((YScalar) m.get("e")).value());
        assertTrue(((YScalar) m.get("f")).isNull());
        assertEquals("80:80", ((YScalar) m.get("g")).value(), "YAML 1.2: no sexagesimal numbers");
        assertEquals(31L, ((YScalar) m.get("h")).value());
    }

    @Test
    void resolvesAnchorsAliasesAndMergeKeys() {
        YMap m = read("""
                x-base: &base
                  image: busybox
                  environment:
                    A: "1"
                x-more: &more
                  image: ignored
                  restart: always
                services:
                  a:
                    <<: [*base, *more]
                    image: alpine
                  b: *base
                """);
        YMap services = (YMap) m.get("services");
        YMap a = (YMap) services.get("a");
        assertEquals("alpine", ((YScalar) a.get("image")).text(), "explicit key wins over merged ones");
        assertEquals("always", ((YScalar) a.get("restart")).text());
        assertInstanceOf(YMap.class, a.get("environment"));
        assertEquals("busybox", ((YScalar) ((YMap) services.get("b")).get("image")).text());
    }

    @Test
    void keepsResetAndOverrideTags() {
        YMap m = read("""
                services:
                  web:
                    ports: !reset []
                    environment: !override
                      A: b
                    command: !reset null
                """);
        YMap web = (YMap) ((YMap) m.get("services")).get("web");
        assertEquals(YTag.RESET, web.get("ports").tag());
        assertEquals(YTag.OVERRIDE, web.get("environment").tag());
        assertEquals(YTag.RESET, web.get("command").tag());
        assertTrue(((YScalar) web.get("command")).isNull());
    }

    @Test
    void rejectsDuplicateKeysWithTheirLocation() {
        ComposeException e = assertThrows(ComposeException.class, () -> read("""
                services:
                  web:
                    image: a
                    image: b
                """));
        assertEquals("compose.yaml:4:5 services.web.image: duplicate key \"image\" (first at line 3)", e.getMessage());
    }

    @Test
    void reportsSyntaxErrorsWithALocation() {
        ComposeException e = assertThrows(ComposeException.class, () -> read("services:\n  web: [a\n"));
        assertTrue(e.getMessage().startsWith("compose.yaml:3:1: invalid YAML"), e.getMessage());
    }

    @Test
    void refusesRecursiveAliases() {
        ComposeException e = assertThrows(ComposeException.class, () -> read("a: &x [1, *x]\n"));
        assertTrue(e.getMessage().contains("recursive"), e.getMessage());
    }

    @Test
    void readsAllDocumentsAndToleratesABom() {
        assertEquals(2, YamlReader.readAll("f", "\uFEFFa: 1\n---\nb: 2\n").size());
        assertTrue(YamlReader.read("f", "").isEmpty());
    }
}
